import { NotFoundError, RuleViolationError, said } from '../../domain/errors';
import type { CoreGroup } from '../../domain/core-group';
import { type CoreGroupMeeting, type Invitee, type MeetingBooking, organiserOf } from '../../domain/meeting';
import { computeObligations, nextDeadlines } from '../../domain/obligations';
import type { AuditLog, CoreGroupRepository, DocumentLanguageRepository, MeetingRepository } from '../ports/store.port';
import type { AgendaPublisher } from '../ports/agenda.port';
import type { Calendar } from '../ports/calendar.port';
import type { Clock } from '../ports/clock.port';
import { type PolicyDeps, policyOf } from '../policy-calendar';
import { uuidFromKey } from '../deterministic-id';

/** Meetings are booked and dated in UK time. */
export const LONDON = 'Europe/London';

export interface SchedulingDeps extends PolicyDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members' | 'membersOfEach'>;
  readonly meetings: Pick<MeetingRepository, 'create' | 'findById' | 'findByBookingKey' | 'findByCalendarEvent' | 'update' | 'loadCaseTimeline' | 'recordInvitationResponses' | 'listByCoreGroups' | 'invitationsOfEach'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly calendar: Calendar;
  readonly agenda: AgendaPublisher;
  readonly clock: Clock;
  /** The Teams app's id in the org catalogue, installed into each meeting chat. */
  readonly teamsAppId: string;
  /** A shared mailbox that organises every core group meeting; otherwise the lead social worker does. */
  readonly organiserMailbox?: string | undefined;
  readonly meetingMinutes?: number;
  /** The group's document language, which the meeting invitation is written in (none given: English). */
  readonly documentLanguages?: Pick<DocumentLanguageRepository, 'of'> | undefined;
}

/** How long a core group meeting is booked for, in minutes. */
export function meetingMinutes(deps: Pick<SchedulingDeps, 'meetingMinutes'>): number {
  return deps.meetingMinutes ?? 90;
}

/** The mailbox that organises the group's meetings (see `organiserOf`); a group with none cannot book. */
export function organiserFor(deps: Pick<SchedulingDeps, 'organiserMailbox'>, invitees: readonly Invitee[]): string {
  const organiser = organiserOf({ invitees, sharedMailbox: deps.organiserMailbox });
  if (!organiser) throw new RuleViolationError('This core group has no lead social worker with a mailbox to organise the meeting.', { said: said('serviceRefusals.scheduling.noOrganiser') });
  return organiser;
}

/** What a change to a booked meeting did: `unchanged` when it had been made already (a repeated press). */
export type BookingChange = 'changed' | 'unchanged';

/** A deterministic GUID from a booking key: Graph's `transactionId`, so a retried create returns the same event. */
export function transactionIdFor(bookingKey: string): string {
  return uuidFromKey(bookingKey);
}

/** The deadlines the group's next booking must meet, judged today, with the group's working days. */
export async function nextDeadlinesOf(deps: SchedulingDeps, coreGroup: CoreGroup) {
  const { profile, calendar } = policyOf(deps, coreGroup);
  // The group was read when the caller was authorised: the timeline does not read it again.
  const timeline = await deps.meetings.loadCaseTimeline(coreGroup.id, coreGroup);
  const obligations = computeObligations({ profile, calendar, timeline, asOf: deps.clock.today() });
  return { ...nextDeadlines(obligations), profile, calendar };
}

/** A meeting that has been booked on a calendar; any other is not found. */
export async function bookedMeeting(deps: Pick<SchedulingDeps, 'meetings'>, meetingId: string): Promise<CoreGroupMeeting & { booking: MeetingBooking }> {
  const meeting = await deps.meetings.findById(meetingId);
  if (!meeting?.booking) throw new NotFoundError('That meeting has not been booked.', { said: said('serviceRefusals.scheduling.notBooked') });
  return { ...meeting, booking: meeting.booking };
}
