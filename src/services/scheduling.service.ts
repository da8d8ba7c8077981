import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { CivilDate } from '../domain/civil-date';
import type { CoreGroupMember } from '../domain/core-group';
import { NotFoundError, RuleViolationError } from '../domain/errors';
import type { CoreGroupMeeting } from '../domain/meeting';
import { holidayDivisionOf } from '../domain/nation';
import { can } from '../domain/permissions';
import { type Obligation, computeObligations } from '../domain/obligations';
import type { PolicyProfile } from '../domain/policy';
import { type SlotAttendee, SlotFinder, type SlotProposal } from '../domain/slot-finding';
import type { WorkingDayCalendars } from '../domain/working-days';
import { type Caller, authorise } from './authorise';
import { uuidFromKey } from './deterministic-id';
import type { AgendaPublisher } from './ports/agenda.port';
import { type BookedEvent, type Calendar, CalendarError } from './ports/calendar.port';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CoreGroupRepository, MeetingRepository } from './ports/store.port';

const LONDON = 'Europe/London';
const MEETING_KINDS = new Set<Obligation['kind']>(['first-core-group', 'core-group', 'core-group-after-review']);

export interface SchedulingDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members' | 'listForMember'>;
  readonly meetings: Pick<MeetingRepository, 'create' | 'findById' | 'findByBookingKey' | 'findByCalendarEvent' | 'update' | 'loadCaseTimeline' | 'recordInvitationResponses'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly calendar: Calendar;
  readonly agenda: AgendaPublisher;
  readonly clock: Clock;
  readonly calendars: WorkingDayCalendars;
  readonly policy: (id: string) => PolicyProfile;
  /** The Teams app's id in the org catalogue, installed into each meeting chat. */
  readonly teamsAppId: string;
  /** A shared mailbox that organises every core group meeting; otherwise the lead social worker does. */
  readonly organiserMailbox?: string | undefined;
  readonly meetingMinutes?: number;
}

export interface SlotOffer {
  /** The deadline the next meeting must meet, and the rule it comes from. */
  readonly obligation: Pick<Obligation, 'id' | 'due' | 'rule' | 'status'>;
  readonly proposal: SlotProposal;
  /** Member ids of people whose calendars we cannot read (family, other organisations). */
  readonly unknownAvailability: readonly string[];
  /** Members' names by id, to say who blocks the most slots (shown 1:1 to the person scheduling). */
  readonly names?: ReadonlyMap<string, string>;
}

/** A deterministic GUID from a booking key: Graph's `transactionId`, so a retried create returns the same event. */
export function transactionIdFor(bookingKey: string): string {
  return uuidFromKey(bookingKey);
}

const invitees = (members: readonly CoreGroupMember[]) => members.filter((member) => member.active && member.role !== 'child' && member.email);

/**
 * Scheduling core group meetings: proposing slots inside the policy deadline from members'
 * calendars, and booking the chosen one as a Teams meeting exactly once, whatever the retries.
 */
export function createSchedulingService(deps: SchedulingDeps) {
  const finder = new SlotFinder();
  const minutes = deps.meetingMinutes ?? 90;

  const organiserFor = (members: readonly CoreGroupMember[]) => {
    const organiser = deps.organiserMailbox ?? members.find((member) => member.role === 'lead-social-worker' && member.active)?.email;
    if (!organiser) throw new RuleViolationError('This core group has no lead social worker with a mailbox to organise the meeting.');
    return organiser;
  };

  const nextMeetingObligation = async (coreGroupId: string, profile: PolicyProfile) => {
    const timeline = await deps.meetings.loadCaseTimeline(coreGroupId);
    const calendar = deps.calendars[holidayDivisionOf(profile.nation)];
    const obligations = computeObligations({ profile, calendar, timeline, asOf: deps.clock.today() });
    const meeting = obligations.find((o) => MEETING_KINDS.has(o.kind) && o.status !== 'met');
    const review = obligations.find((o) => o.kind === 'review-conference' && o.status !== 'met');
    return { meeting, review, calendar };
  };

  /** The calendar's id for one occurrence of a booked series, found by its start. */
  const occurrenceId = async (meeting: CoreGroupMeeting, startMs: number): Promise<string> => {
    const booking = meeting.booking!;
    const occurrences = await deps.calendar.occurrences(booking.organiser, booking.eventId, startMs - 60_000, startMs + 60_000);
    const occurrence = occurrences.find((candidate) => candidate.startMs === startMs);
    if (!occurrence) throw new NotFoundError('There is no meeting in the series at that time.');
    return occurrence.id;
  };

  return {
    /** Proposes slots for the core group's next meeting, before its deadline where anything fits. */
    async proposeSlots(request: { caller: Caller; coreGroupId: string; count?: number }): Promise<SlotOffer> {
      const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'schedule-meeting' });
      const profile = deps.policy(coreGroup.policyId);
      const { meeting, calendar } = await nextMeetingObligation(coreGroup.id, profile);
      if (!meeting) throw new RuleViolationError('No core group meeting is due for this case.');
      const members = invitees(await deps.coreGroups.members(coreGroup.id));
      const internal = members.filter((member) => member.reach === 'tenant');
      const nowMs = Temporal.Instant.from(deps.clock.nowIso()).epochMilliseconds;
      const earliestStartMs = nowMs + 2 * 3_600_000;
      const searchEnd = calendar.addWorkingDays(meeting.due, 11).toZonedDateTime({ timeZone: LONDON }).epochMilliseconds;
      const availability = await deps.calendar.availability({ organiser: organiserFor(members), mailboxes: internal.map((member) => member.email!), fromMs: earliestStartMs, toMs: Math.max(searchEnd, earliestStartMs + 86_400_000) });
      const byMailbox = new Map(availability.map((entry) => [entry.mailbox.toLowerCase(), entry]));
      const attendees: SlotAttendee[] = members.map((member) => {
        const entry = member.reach === 'tenant' ? byMailbox.get(member.email!.toLowerCase()) : undefined;
        return entry && entry.availability === 'known'
          ? { id: member.id, availability: 'known', busy: entry.busy, workingHours: entry.workingHours }
          : { id: member.id, availability: 'unknown', busy: [], workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: LONDON } };
      });
      const proposal = finder.propose({ attendees, durationMinutes: minutes, earliestStartMs, deadline: meeting.due, calendar, count: request.count ?? 5 });
      return {
        obligation: { id: meeting.id, due: meeting.due, rule: meeting.rule, status: meeting.status },
        proposal,
        unknownAvailability: proposal.unknownAvailability,
        names: new Map(members.map((member) => [member.id, member.displayName])),
      };
    },

    /** The caller's core groups whose meetings they may schedule. */
    async schedulableFor(caller: Caller): Promise<{ id: string; caseReference: string }[]> {
      const groups = await deps.coreGroups.listForMember(caller.tenantId, caller.aadObjectId);
      const result: { id: string; caseReference: string }[] = [];
      for (const group of groups) {
        const member = await deps.coreGroups.findMember(group.id, caller.aadObjectId);
        if (member?.active && can({ role: member.role }, 'schedule-meeting')) result.push({ id: group.id, caseReference: group.caseReference });
      }
      return result;
    },

    /**
     * Books a slot as a Teams meeting on the organiser's calendar, inviting every member (inside
     * and outside the tenant), repeating at the policy's frequency until the next review
     * conference, with the case reference — never the child's name — in subject and body. The
     * booking key makes it happen once: a double click, a Teams retry or a crash between Graph
     * and the database all end with one event and one meeting.
     */
    async book(request: { caller: Caller; coreGroupId: string; startMs: number }): Promise<{ meeting: CoreGroupMeeting; created: boolean; caseReference: string; joinUrl?: string | undefined; chat: 'ready' | 'pending' }> {
      const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'schedule-meeting' });
      const bookingKey = `${coreGroup.id}:${request.startMs}`;
      const existing = await deps.meetings.findByBookingKey(bookingKey);
      if (existing?.booking) return { meeting: existing, created: false, caseReference: coreGroup.caseReference, joinUrl: existing.booking.joinUrl, chat: existing.booking.chatId ? 'ready' : 'pending' };

      const profile = deps.policy(coreGroup.policyId);
      const { review } = await nextMeetingObligation(coreGroup.id, profile);
      const members = invitees(await deps.coreGroups.members(coreGroup.id));
      const organiser = organiserFor(members);
      const endMs = request.startMs + minutes * 60_000;
      const frequency = profile.rules.frequency.period;
      const repeat: { every: number; unit: 'weeks' | 'months'; until: CivilDate } | undefined =
        review && (frequency.unit === 'weeks' || frequency.unit === 'months') ? { every: frequency.count, unit: frequency.unit, until: review.due } : undefined;
      const event: BookedEvent = await deps.calendar.createMeeting({
        organiser,
        transactionId: transactionIdFor(bookingKey),
        subject: `Core group meeting – ${coreGroup.caseReference}`,
        bodyText: `Core group meeting for case ${coreGroup.caseReference}. The agenda is posted in the meeting chat and the minutes are kept in the Core Group tab of this meeting. If you cannot attend, send a representative or a written report.`,
        startMs: request.startMs,
        endMs,
        timeZone: LONDON,
        attendees: members.filter((member) => member.email!.toLowerCase() !== organiser.toLowerCase()).map((member) => ({ email: member.email!, name: member.displayName, required: member.role !== 'family-member' })),
        recurrence: repeat,
      });
      const date = Temporal.Instant.fromEpochMilliseconds(request.startMs).toZonedDateTimeISO(LONDON).toPlainDate();
      const created = await deps.meetings.create(
        {
          id: randomUUID(),
          coreGroupId: coreGroup.id,
          date,
          startsAt: new Date(request.startMs).toISOString(),
          endsAt: new Date(endMs).toISOString(),
          status: 'scheduled',
          booking: { organiser, eventId: event.eventId, joinUrl: event.joinUrl },
        },
        bookingKey,
      );
      const meeting = created.meeting;
      let chat: 'ready' | 'pending' = 'pending';
      if (event.joinUrl) {
        try {
          const chatId = await deps.calendar.meetingChatId(organiser, event.joinUrl);
          if (chatId) {
            await deps.calendar.installAppInChat(chatId, deps.teamsAppId);
            await deps.meetings.update({ ...meeting, booking: { organiser, eventId: event.eventId, joinUrl: event.joinUrl, chatId } });
            await deps.agenda.publishAgenda({ coreGroupId: coreGroup.id, meetingId: meeting.id, chatId });
            chat = 'ready';
          }
        } catch (error) {
          // The meeting is booked and the invitations are out: only the chat step is missing, and
          // `chat: 'pending'` tells the caller to retry it rather than report the booking failed.
          if (!(error instanceof CalendarError)) throw error;
        }
      }
      return { meeting: (await deps.meetings.findById(meeting.id)) ?? meeting, created: created.created, caseReference: coreGroup.caseReference, joinUrl: event.joinUrl, chat };
    },

    /** Moves a booked meeting — one occurrence (by its start) or the whole series; the calendar tells the attendees. */
    async reschedule(request: { caller: Caller; meetingId: string; startMs: number; occurrenceStartMs?: number }): Promise<void> {
      const meeting = await deps.meetings.findById(request.meetingId);
      if (!meeting?.booking) throw new NotFoundError('That meeting has not been booked.');
      await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'schedule-meeting', targetId: meeting.id });
      const endMs = request.startMs + minutes * 60_000;
      const eventId = request.occurrenceStartMs === undefined ? meeting.booking.eventId : await occurrenceId(meeting, request.occurrenceStartMs);
      await deps.calendar.reschedule(meeting.booking.organiser, eventId, { startMs: request.startMs, endMs, timeZone: LONDON });
      const movesFirst = request.occurrenceStartMs === undefined || new Date(request.occurrenceStartMs).toISOString() === meeting.startsAt;
      if (!movesFirst) return;
      const date = Temporal.Instant.fromEpochMilliseconds(request.startMs).toZonedDateTimeISO(LONDON).toPlainDate();
      await deps.meetings.update({ ...meeting, date, startsAt: new Date(request.startMs).toISOString(), endsAt: new Date(endMs).toISOString() });
    },

    /**
     * Cancels one occurrence (by its start) or the whole series. Seed 000: cancel only as a last
     * resort, so a reason is required; a cancelled meeting satisfies no deadline.
     */
    async cancel(request: { caller: Caller; meetingId: string; reason: string; occurrenceStartMs?: number }): Promise<void> {
      if (request.reason.trim() === '') throw new RuleViolationError('Say why the meeting is cancelled; meetings are cancelled only as a last resort.');
      const meeting = await deps.meetings.findById(request.meetingId);
      if (!meeting?.booking) throw new NotFoundError('That meeting has not been booked.');
      await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'schedule-meeting', targetId: meeting.id });
      const eventId = request.occurrenceStartMs === undefined ? meeting.booking.eventId : await occurrenceId(meeting, request.occurrenceStartMs);
      await deps.calendar.cancel(meeting.booking.organiser, eventId, request.reason);
      const cancelsFirst = request.occurrenceStartMs === undefined || new Date(request.occurrenceStartMs).toISOString() === meeting.startsAt;
      if (cancelsFirst) await deps.meetings.update({ ...meeting, status: 'cancelled', cancellationReason: request.reason });
    },

    /** Brings attendees' replies back from the calendar and stores them per member (notification or poll). */
    async syncResponses(meetingId: string): Promise<{ memberId: string; response: string }[]> {
      const meeting = await deps.meetings.findById(meetingId);
      if (!meeting?.booking) throw new NotFoundError('That meeting has not been booked.');
      const members = await deps.coreGroups.members(meeting.coreGroupId);
      const byEmail = new Map(members.filter((member) => member.email).map((member) => [member.email!.toLowerCase(), member.id]));
      const replies = (await deps.calendar.responses(meeting.booking.organiser, meeting.booking.eventId))
        .map((reply) => ({ memberId: byEmail.get(reply.email.toLowerCase()), response: reply.response }))
        .filter((reply): reply is { memberId: string; response: typeof reply.response } => reply.memberId !== undefined);
      await deps.meetings.recordInvitationResponses(meeting.id, replies, deps.clock.nowIso());
      return replies;
    },
  };
}

export type SchedulingService = ReturnType<typeof createSchedulingService>;
