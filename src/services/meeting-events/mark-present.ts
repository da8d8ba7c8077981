import { recordAttendance } from '../../domain/minutes';
import { type Caller, authorise } from '../authorise';
import { changeDraft } from '../draft-minutes';
import type { PersonalAgendaView } from '../ports/notifier.port';
import { personalViewOf } from './agenda';
import type { MeetingEventsDeps } from './meeting-events-deps';

/**
 * The caller presses "I'm here": they are recorded as present in the draft minutes, once, and
 * get their view of the agenda back — from the membership this request already authorised.
 */
export async function markPresent(deps: MeetingEventsDeps, request: { caller: Caller; meetingId: string }): Promise<PersonalAgendaView | undefined> {
  const meeting = await deps.meetings.findById(request.meetingId);
  const chatId = meeting?.booking?.chatId;
  if (!meeting || !chatId) return undefined;
  const { member } = await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'record-own-attendance', targetId: meeting.id });
  await changeDraft(deps, { meeting, savedBy: member.id, change: (minutes) => recordAttendance(minutes, member.id, 'present') });
  return personalViewOf(deps, { meeting, chatId, member, started: true });
}
