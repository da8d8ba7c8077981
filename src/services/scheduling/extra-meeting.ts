import type { CivilDate } from '../../domain/civil-date';
import { londonDateOf } from '../../domain/civil-date';
import type { CoreGroup } from '../../domain/core-group';
import { NotFoundError, RuleViolationError, said } from '../../domain/errors';
import { EXTRA_MEETING_WINDOW_WORKING_DAYS, type GrantedExtraMeeting, grantedExtraMeetings } from '../../domain/extra-meeting';
import { type CoreGroupMeeting, type MeetingMode, meetingPlace } from '../../domain/meeting';
import type { SlotFinder, SlotProposal } from '../../domain/slot-finding';
import { ukDateTime } from '../../domain/uk-date';
import { type Caller, authorise } from '../authorise';
import { uuidFromKey } from '../deterministic-id';
import { policyOf } from '../policy-calendar';
import type { ConcernHistoryRepository, ConcernRepository } from '../ports/store.port';
import { type Booking, bookOnCalendar, bookingKeyFor } from './book-meeting';
import { slotsBefore } from './propose-slots';
import type { SchedulingDeps } from './scheduling-deps';

/** What booking a granted extra core group reads and writes beyond scheduling: the requests and their history. */
export interface ExtraMeetingDeps extends SchedulingDeps {
  readonly concerns: Pick<ConcernRepository, 'listByCoreGroup'>;
  readonly concernHistory: Pick<ConcernHistoryRepository, 'ofConcerns' | 'record'>;
}

/** Slots for a granted extra core group not booked yet: soonest first, within the next working days. */
export interface ExtraMeetingOffer {
  readonly concernId: string;
  readonly grantedOn: CivilDate;
  /** The last working day of the window the slots are looked for in. */
  readonly within: CivilDate;
  readonly proposal: SlotProposal;
  readonly names: ReadonlyMap<string, string>;
}

/** The group's granted extra meeting requests and the meeting booked for each. */
async function grantsOf(deps: ExtraMeetingDeps, coreGroupId: string): Promise<GrantedExtraMeeting[]> {
  const concerns = (await deps.concerns.listByCoreGroup(coreGroupId)).filter((concern) => concern.kind === 'extra-meeting-request' && concern.status === 'resolved');
  if (concerns.length === 0) return [];
  const [histories, meetings] = await Promise.all([deps.concernHistory.ofConcerns(concerns.map((concern) => concern.id)), deps.meetings.listByCoreGroups([coreGroupId])]);
  return grantedExtraMeetings({ concerns, histories, meetings: meetings.get(coreGroupId) ?? [] });
}

/**
 * The oldest extra core group granted for the case and not booked yet, with slots for that one
 * meeting from the members' calendars within the next ten working days (the area's bank holidays
 * kept); nothing when no grant waits. For who schedules the case's meetings.
 */
export async function extraMeetingOffer(deps: ExtraMeetingDeps & { finder: SlotFinder }, request: { caller: Caller; coreGroupId: string }): Promise<ExtraMeetingOffer | undefined> {
  const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'schedule-meeting' });
  const waiting = (await grantsOf(deps, coreGroup.id)).find((grant) => !grant.meeting);
  if (!waiting) return undefined;
  const { calendar } = policyOf(deps, coreGroup);
  const within = calendar.addWorkingDays(deps.clock.today(), EXTRA_MEETING_WINDOW_WORKING_DAYS);
  const { proposal, names } = await slotsBefore(deps, { coreGroup, deadline: within, calendar });
  return { concernId: waiting.concernId, grantedOn: londonDateOf(waiting.grantedAt), within, proposal, names };
}

/** The booking as the caller sees it, from the meeting stored for it. */
function bookingOf(coreGroup: CoreGroup, meeting: CoreGroupMeeting, created: boolean): Booking {
  return { meeting, created, caseReference: coreGroup.caseReference, joinUrl: meeting.booking?.joinUrl, chat: meeting.booking?.chatId ? 'ready' : 'pending' };
}

/**
 * Books a granted extra core group: a single Teams meeting (never a series) at the chosen slot,
 * stored as a meeting of the group linked to the request, with its chat and agenda like any core
 * group meeting; the series is untouched. Once per grant: the same slot again (a Teams retry, a
 * double press) answers the same meeting; another slot is refused while it stands (a cancelled
 * extra meeting leaves the grant to book again). The request's history gains `booked`; audited.
 */
export async function bookExtraMeeting(deps: ExtraMeetingDeps, request: { caller: Caller; coreGroupId: string; concernId: string; startMs: number; mode?: MeetingMode | undefined; venue?: string | undefined }): Promise<Booking> {
  const { coreGroup, member } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'schedule-meeting' });
  const grant = (await grantsOf(deps, coreGroup.id)).find((candidate) => candidate.concernId === request.concernId);
  if (!grant) throw new NotFoundError('No extra core group has been granted for this case under that request.', { said: said('serviceRefusals.scheduling.noGrant') });
  const place = meetingPlace(request.mode ?? 'online', request.venue);
  let booking: Booking;
  if (grant.meeting) {
    if (grant.meeting.startsAt && Date.parse(grant.meeting.startsAt) !== request.startMs) throw new RuleViolationError(`The extra core group is already booked for ${ukDateTime(grant.meeting.startsAt)}.`, { said: said('serviceRefusals.scheduling.extraAlreadyBooked', { at: grant.meeting.startsAt }) });
    booking = bookingOf(coreGroup, grant.meeting, false);
  } else {
    const { bookingKey, existing } = await bookingKeyFor(deps, `extra:${grant.concernId}`);
    booking = existing ? bookingOf(coreGroup, existing, false) : await bookOnCalendar(deps, { coreGroup, bookingKey, startMs: request.startMs, place, grantedBy: grant.concernId });
  }
  const { meeting } = booking;
  await deps.concernHistory.record({ id: uuidFromKey(`extra-meeting-booked:${meeting.id}`), concernId: grant.concernId, step: grant.step, kind: 'booked', actorId: member.id, actorName: member.displayName, bookedFor: meeting.startsAt ?? new Date(request.startMs).toISOString(), at: deps.clock.nowIso() });
  await deps.auditLog.append({ at: deps.clock.nowIso(), tenantId: request.caller.tenantId, actor: request.caller.aadObjectId, action: 'book-extra-meeting', coreGroupId: coreGroup.id, targetId: meeting.id, outcome: 'allowed' });
  return booking;
}
