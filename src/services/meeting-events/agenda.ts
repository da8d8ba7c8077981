import { type CoreGroup, type CoreGroupMember, isInTeams } from '../../domain/core-group';
import { DomainError } from '../../domain/errors';
import type { CoreGroupMeeting } from '../../domain/meeting';
import { attendanceOf } from '../../domain/minutes';
import { currentActions, openActionsOwnedBy } from '../../domain/plan';
import { type Caller, authorise } from '../authorise';
import { MEETING_AGENDA_JOB, type MeetingAgendaJob } from '../../contracts/jobs.contract';
import type { AgendaView, PersonalAgendaView } from '../ports/notifier.port';
import { AGENDA_ATTEMPTS, type MeetingEventsDeps, enqueueOnce } from './meeting-events-deps';

/** The agenda of a meeting, in its group's document language (said only when not English). */
async function agendaView(deps: Pick<MeetingEventsDeps, 'documentLanguages'>, view: { meeting: CoreGroupMeeting; chatId: string; started: boolean }): Promise<AgendaView> {
  const { meeting } = view;
  const language = (await deps.documentLanguages?.of(meeting.coreGroupId)) ?? 'en';
  return { meetingId: meeting.id, chatId: view.chatId, date: meeting.date, startsAt: meeting.startsAt, endsAt: meeting.endsAt, started: view.started, place: meeting.place, ...(language === 'en' ? {} : { language }) };
}

/** The agenda everyone may see, for the job that posts it. */
export async function agendaOf(deps: Pick<MeetingEventsDeps, 'meetings' | 'documentLanguages'>, request: { meetingId: string; started: boolean }): Promise<AgendaView | undefined> {
  const meeting = await deps.meetings.findById(request.meetingId);
  const chatId = meeting?.booking?.chatId;
  return meeting && chatId ? agendaView(deps, { meeting, chatId, started: request.started }) : undefined;
}

/** The agenda posted once the meeting is booked and its chat known (a durable job, retried until the app is in the chat). */
export async function publishAgenda(deps: MeetingEventsDeps, booked: { coreGroupId: string; meetingId: string; chatId: string }): Promise<void> {
  const { meetingId, chatId } = booked;
  const coreGroup = await deps.coreGroups.findById(booked.coreGroupId);
  if (!coreGroup) return;
  await enqueueOnce(deps, { kind: MEETING_AGENDA_JOB, key: `agenda:booked:${meetingId}`, payload: { tenantId: coreGroup.tenantId, meetingId, chatId, started: false } satisfies MeetingAgendaJob, maxAttempts: AGENDA_ATTEMPTS });
}

/** The Entra object ids of the group's members in Teams: whose clients may fetch their own view of the agenda. */
export async function attendeeIdentities(deps: Pick<MeetingEventsDeps, 'meetings' | 'coreGroups'>, meetingId: string): Promise<string[]> {
  const meeting = await deps.meetings.findById(meetingId);
  if (!meeting) return [];
  return (await deps.coreGroups.members(meeting.coreGroupId)).filter(isInTeams).map((member) => member.aadObjectId);
}

/** One member's view of the agenda card, for a member this request already authorised. */
export async function personalViewOf(deps: MeetingEventsDeps, view: { meeting: CoreGroupMeeting; chatId: string; member: CoreGroupMember; started: boolean }): Promise<PersonalAgendaView> {
  const { meeting, member } = view;
  const [minutes, plan, checkIns] = await Promise.all([deps.minutes.findByMeeting(meeting.id), deps.plans.current(meeting.coreGroupId), deps.checkIns.listByCoreGroup(meeting.coreGroupId)]);
  const myActions = openActionsOwnedBy(currentActions(plan?.actions ?? [], checkIns), member.id).map((action) => ({ what: action.what, due: action.due, lastCheckIn: action.lastCheckIn?.status }));
  return { ...(await agendaView(deps, view)), attendance: attendanceOf(minutes, member.id), myActions };
}

/** A booked meeting with its chat, only when its core group is in the given tenant: any other is answered as if it did not exist. */
export async function bookedMeetingInTenant(deps: Pick<MeetingEventsDeps, 'meetings' | 'coreGroups'>, request: { tenantId: string; meetingId: string }): Promise<{ meeting: CoreGroupMeeting; chatId: string; coreGroup: CoreGroup } | undefined> {
  const meeting = await deps.meetings.findById(request.meetingId);
  const chatId = meeting?.booking?.chatId;
  if (!meeting || !chatId) return undefined;
  const coreGroup = await deps.coreGroups.findById(meeting.coreGroupId);
  return coreGroup?.tenantId === request.tenantId ? { meeting, chatId, coreGroup } : undefined;
}

/** What one caller may see of a meeting's agenda card: a verified member their own view, anyone else at most what the meeting chat shows. */
export type CallerAgenda = { readonly personal: PersonalAgendaView } | { readonly shared: AgendaView };

/**
 * The agenda card as one caller's client shows it (Teams' per-user refresh). A verified member of
 * the group gets their own view. Anyone else — a guest, a parent, a colleague not in the group —
 * gets what everyone in the meeting chat already sees, and only when asking from that chat;
 * nothing at all from another tenant or from anywhere else.
 */
export async function agendaForCaller(deps: MeetingEventsDeps, request: { caller: Caller; meetingId: string; started: boolean; conversationId: string }): Promise<CallerAgenda | undefined> {
  const { caller, started } = request;
  const booked = await bookedMeetingInTenant(deps, { tenantId: caller.tenantId, meetingId: request.meetingId });
  if (!booked) return undefined;
  const { meeting, chatId, coreGroup } = booked;
  try {
    const { member } = await authorise(deps, { caller, coreGroupId: meeting.coreGroupId, action: 'record-own-attendance', targetId: meeting.id, known: { coreGroup } });
    return { personal: await personalViewOf(deps, { meeting, chatId, member, started }) };
  } catch (error) {
    // Not a member (audited as denied by authorise): not an error, they may see the shared card.
    if (!(error instanceof DomainError)) throw error;
  }
  return request.conversationId === chatId ? { shared: await agendaView(deps, { meeting, chatId, started }) } : undefined;
}
