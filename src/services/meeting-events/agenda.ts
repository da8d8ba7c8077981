import { type CoreGroupMember, isInTeams } from '../../domain/core-group';
import type { CoreGroupMeeting } from '../../domain/meeting';
import { attendanceOf } from '../../domain/minutes';
import { currentActions, openActionsOwnedBy } from '../../domain/plan';
import { type Caller, authorise } from '../authorise';
import { MEETING_AGENDA_JOB, type MeetingAgendaJob } from '../../contracts/jobs.contract';
import type { AgendaView, PersonalAgendaView } from '../ports/notifier.port';
import { AGENDA_ATTEMPTS, type MeetingEventsDeps, enqueueOnce } from './meeting-events-deps';

function agendaView(view: { meeting: CoreGroupMeeting; chatId: string; started: boolean }): AgendaView {
  const { meeting } = view;
  return { meetingId: meeting.id, chatId: view.chatId, date: meeting.date, startsAt: meeting.startsAt, endsAt: meeting.endsAt, started: view.started };
}

/** The agenda everyone may see, for the job that posts it. */
export async function agendaOf(deps: Pick<MeetingEventsDeps, 'meetings'>, request: { meetingId: string; started: boolean }): Promise<AgendaView | undefined> {
  const meeting = await deps.meetings.findById(request.meetingId);
  const chatId = meeting?.booking?.chatId;
  return meeting && chatId ? agendaView({ meeting, chatId, started: request.started }) : undefined;
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
  return { ...agendaView(view), attendance: attendanceOf(minutes, member.id), myActions };
}

/** The caller's own view of the agenda card (Teams' per-user refresh): verified members only. */
export async function personalView(deps: MeetingEventsDeps, request: { caller: Caller; meetingId: string; started: boolean }): Promise<PersonalAgendaView | undefined> {
  const meeting = await deps.meetings.findById(request.meetingId);
  const chatId = meeting?.booking?.chatId;
  if (!meeting || !chatId) return undefined;
  const { member } = await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'record-own-attendance', targetId: meeting.id });
  return personalViewOf(deps, { meeting, chatId, member, started: request.started });
}
