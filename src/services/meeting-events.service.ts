import type { CivilDate } from '../domain/civil-date';
import type { CoreGroup } from '../domain/core-group';
import { type CoreGroupMeeting, markHeld } from '../domain/meeting';
import { type Attendance, recordAttendance } from '../domain/minutes';
import { holidayDivisionOf } from '../domain/nation';
import { type CheckInStatus, isOpen } from '../domain/plan';
import { type PolicyProfile, dateAfter } from '../domain/policy';
import type { WorkingDayCalendars } from '../domain/working-days';
import { type Caller, authorise } from './authorise';
import { currentActions } from './case-status.service';
import { meetingRolesOf } from './minutes.service';
import { uuidFromKey } from './deterministic-id';
import { type DraftMinutesDeps, changeDraft, openDraft } from './draft-minutes';
import type { AgendaPublisher } from './ports/agenda.port';
import type { AuditLog, CheckInRepository, CoreGroupRepository, JobQueue, MeetingRepository, PlanRepository } from './ports/store.port';

export const MEETING_AGENDA_JOB = 'meeting-agenda';
export const SIGN_OFF_REMINDER_JOB = 'minutes-sign-off-reminder';

/** What the agenda card shows everyone in the meeting chat: times and headings, nothing about the child. */
export interface AgendaView {
  readonly meetingId: string;
  readonly chatId: string;
  readonly date: CivilDate;
  readonly startsAt?: string | undefined;
  readonly endsAt?: string | undefined;
  /** Whether the meeting has started: the card then asks who is here. */
  readonly started: boolean;
}

/** What one verified member sees on the same card: their attendance and their own open actions. */
export interface PersonalAgendaView extends AgendaView {
  readonly attendance: Attendance;
  readonly myActions: readonly { readonly what: string; readonly due: CivilDate; readonly lastCheckIn?: CheckInStatus | undefined }[];
}

/** Who the agenda is posted for, and whether the meeting had started (payload of the agenda job). */
export interface AgendaJobPayload {
  readonly tenantId: string;
  readonly meetingId: string;
  readonly chatId: string;
  readonly started: boolean;
}

export interface SignOffReminderPayload {
  readonly tenantId: string;
  readonly meetingId: string;
  readonly aadObjectId: string;
  readonly meetingRole: 'chair' | 'minute-taker';
  readonly caseReference: string;
  /** Dates as ISO text: the payload is stored as JSON. */
  readonly meetingDate: string;
  readonly circulationDue: string;
}

const SYSTEM_ACTOR = 'teams:meeting-event';
/** The agenda waits for the app to be installed in the meeting chat: retried with backoff for about a day. */
const AGENDA_ATTEMPTS = 12;

/**
 * The meeting's life in its Teams chat: the agenda posted once the app is there, the draft minutes
 * opened when the meeting starts (with the agenda again and the attendance prompt), and the chair
 * and minute-taker reminded of sign-off and the circulation deadline when it ends. Posting is
 * done by durable jobs keyed by meeting, so Teams delivering an event twice posts once.
 */
export function createMeetingEventsService(
  deps: DraftMinutesDeps & {
    coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members'>;
    meetings: Pick<MeetingRepository, 'findById' | 'findByChatId' | 'update'>;
    plans: Pick<PlanRepository, 'current'>;
    checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
    jobs: Pick<JobQueue, 'enqueue'>;
    auditLog: Pick<AuditLog, 'append'>;
    calendars: WorkingDayCalendars;
    policy: (id: string) => PolicyProfile;
  },
) {
  const enqueue = async (kind: string, key: string, payload: object, maxAttempts?: number) => {
    const at = deps.clock.nowIso();
    await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind, payload, runAt: at, idempotencyKey: key, at, maxAttempts });
  };
  const audit = (coreGroup: CoreGroup, action: string, meetingId: string) =>
    deps.auditLog.append({ at: deps.clock.nowIso(), tenantId: coreGroup.tenantId, actor: SYSTEM_ACTOR, action, coreGroupId: coreGroup.id, targetId: meetingId, outcome: 'allowed' });

  /** The booked meeting behind a chat, only when its core group is in the tenant the event came from. */
  const meetingOfChat = async (tenantId: string, chatId: string): Promise<{ meeting: CoreGroupMeeting; coreGroup: CoreGroup } | undefined> => {
    const meeting = await deps.meetings.findByChatId(chatId);
    const coreGroup = meeting ? await deps.coreGroups.findById(meeting.coreGroupId) : undefined;
    return meeting && coreGroup?.tenantId === tenantId ? { meeting, coreGroup } : undefined;
  };

  const agendaView = (meeting: CoreGroupMeeting, chatId: string, started: boolean): AgendaView => ({ meetingId: meeting.id, chatId, date: meeting.date, startsAt: meeting.startsAt, endsAt: meeting.endsAt, started });

  const personalView = async (caller: Caller, meetingId: string, started: boolean): Promise<PersonalAgendaView | undefined> => {
    const meeting = await deps.meetings.findById(meetingId);
    const chatId = meeting?.booking?.chatId;
    if (!meeting || !chatId) return undefined;
    const { member } = await authorise(deps, { caller, coreGroupId: meeting.coreGroupId, action: 'record-own-attendance', targetId: meeting.id });
    const [minutes, plan, checkIns] = await Promise.all([deps.minutes.findByMeeting(meeting.id), deps.plans.current(meeting.coreGroupId), deps.checkIns.listByCoreGroup(meeting.coreGroupId)]);
    const myActions = currentActions(plan?.actions ?? [], checkIns)
      .filter((action) => action.ownerMemberId === member.id && isOpen(action))
      .map((action) => ({ what: action.what, due: action.due, lastCheckIn: action.lastCheckIn?.status }));
    const attendance = minutes?.content.attendance.find((entry) => entry.memberId === member.id)?.attendance ?? 'invited';
    return { ...agendaView(meeting, chatId, started), attendance, myActions };
  };

  const publisher: AgendaPublisher = {
    async publishAgenda({ coreGroupId, meetingId, chatId }) {
      const coreGroup = await deps.coreGroups.findById(coreGroupId);
      if (!coreGroup) return;
      await enqueue(MEETING_AGENDA_JOB, `agenda:booked:${meetingId}`, { tenantId: coreGroup.tenantId, meetingId, chatId, started: false } satisfies AgendaJobPayload, AGENDA_ATTEMPTS);
    },
  };

  return {
    ...publisher,

    /** The agenda everyone may see, for the job that posts it. */
    async agendaOf(meetingId: string, started: boolean): Promise<AgendaView | undefined> {
      const meeting = await deps.meetings.findById(meetingId);
      const chatId = meeting?.booking?.chatId;
      return meeting && chatId ? agendaView(meeting, chatId, started) : undefined;
    },

    /** The Entra object ids of the group's active members: whose clients may fetch their own view of the agenda. */
    async attendeeIdentities(meetingId: string): Promise<string[]> {
      const meeting = await deps.meetings.findById(meetingId);
      if (!meeting) return [];
      return (await deps.coreGroups.members(meeting.coreGroupId)).filter((member) => member.active && member.aadObjectId).map((member) => member.aadObjectId!);
    },

    /** Teams says the meeting started: open the draft minutes and post the agenda with the attendance prompt. */
    async meetingStarted(event: { tenantId: string; chatId: string }): Promise<{ meetingId: string } | undefined> {
      const found = await meetingOfChat(event.tenantId, event.chatId);
      if (!found) return undefined;
      await openDraft(deps, found.meeting, SYSTEM_ACTOR);
      await audit(found.coreGroup, 'open-minutes-draft', found.meeting.id);
      await enqueue(MEETING_AGENDA_JOB, `agenda:started:${found.meeting.id}`, { tenantId: event.tenantId, meetingId: found.meeting.id, chatId: event.chatId, started: true } satisfies AgendaJobPayload);
      return { meetingId: found.meeting.id };
    },

    /**
     * Teams says the meeting ended: remind the chair and the minute-taker (the lead social worker
     * when neither was named) to finish and sign off the minutes, and by when they must go out.
     */
    async meetingEnded(event: { tenantId: string; chatId: string }): Promise<{ meetingId: string; reminded: number } | undefined> {
      const found = await meetingOfChat(event.tenantId, event.chatId);
      if (!found) return undefined;
      const { meeting, coreGroup } = found;
      if (meeting.status === 'scheduled') await deps.meetings.update(markHeld(meeting));
      const profile = deps.policy(coreGroup.policyId);
      const circulationDue = dateAfter(deps.calendars[holidayDivisionOf(profile.nation)], meeting.date, profile.rules.minutesCirculation.period);
      const members = await deps.coreGroups.members(coreGroup.id);
      const named: { memberId: string | undefined; meetingRole: 'chair' | 'minute-taker' }[] = [
        { memberId: members.find((member) => member.active && meetingRolesOf(meeting, member).includes('chair'))?.id, meetingRole: 'chair' },
        { memberId: meeting.minuteTakerMemberId, meetingRole: 'minute-taker' },
      ];
      let reminded = 0;
      for (const { memberId, meetingRole } of named) {
        const member = members.find((candidate) => candidate.id === memberId && candidate.active && candidate.aadObjectId);
        if (!member?.aadObjectId) continue;
        const payload: SignOffReminderPayload = { tenantId: coreGroup.tenantId, meetingId: meeting.id, aadObjectId: member.aadObjectId, meetingRole, caseReference: coreGroup.caseReference, meetingDate: meeting.date.toString(), circulationDue: circulationDue.toString() };
        await enqueue(SIGN_OFF_REMINDER_JOB, `sign-off:${meeting.id}:${member.id}`, payload);
        reminded += 1;
      }
      await audit(coreGroup, 'remind-minutes-sign-off', meeting.id);
      return { meetingId: meeting.id, reminded };
    },

    /** The caller's own view of the agenda card (Teams' per-user refresh): verified members only. */
    personalView,

    /** The caller presses "I'm here": they are recorded as present in the draft minutes, once. */
    async markPresent(caller: Caller, meetingId: string): Promise<PersonalAgendaView | undefined> {
      const meeting = await deps.meetings.findById(meetingId);
      if (!meeting?.booking?.chatId) return undefined;
      const { member } = await authorise(deps, { caller, coreGroupId: meeting.coreGroupId, action: 'record-own-attendance', targetId: meeting.id });
      await changeDraft(deps, meeting, member.id, (minutes) => recordAttendance(minutes, member.id, 'present'));
      return personalView(caller, meetingId, true);
    },
  };
}

export type MeetingEventsService = ReturnType<typeof createMeetingEventsService>;
