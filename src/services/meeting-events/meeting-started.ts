import { openDraft } from '../draft-minutes';
import { MEETING_AGENDA_JOB, type MeetingAgendaJob } from '../../contracts/jobs.contract';
import { type MeetingEventsDeps, SYSTEM_ACTOR, auditMeetingEvent, enqueueOnce, meetingOfChat } from './meeting-events-deps';

/** Teams says the meeting started: open the draft minutes and post the agenda with the attendance prompt. */
export async function meetingStarted(deps: MeetingEventsDeps, event: { tenantId: string; chatId: string }): Promise<{ meetingId: string } | undefined> {
  const found = await meetingOfChat(deps, event);
  if (!found) return undefined;
  const { meeting, coreGroup } = found;
  await openDraft(deps, { meeting, openedBy: SYSTEM_ACTOR });
  await auditMeetingEvent(deps, { coreGroup, action: 'open-minutes-draft', meetingId: meeting.id });
  await enqueueOnce(deps, { kind: MEETING_AGENDA_JOB, key: `agenda:started:${meeting.id}`, payload: { tenantId: event.tenantId, meetingId: meeting.id, chatId: event.chatId, started: true } satisfies MeetingAgendaJob });
  return { meetingId: meeting.id };
}
