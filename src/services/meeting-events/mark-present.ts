import { recordAttendance } from '../../domain/minutes';
import { type Caller, authorise } from '../authorise';
import { changeDraft } from '../draft-minutes';
import type { PersonalAgendaView } from '../ports/notifier.port';
import { bookedMeetingInTenant, personalViewOf } from './agenda';
import type { MeetingEventsDeps } from './meeting-events-deps';

/**
 * The caller presses "I'm here": they are recorded as present in the draft minutes, once, and
 * get their view of the agenda back — from the membership this request already authorised. A
 * meeting of another tenant's group is answered as one that does not exist.
 */
export async function markPresent(deps: MeetingEventsDeps, request: { caller: Caller; meetingId: string }): Promise<PersonalAgendaView | undefined> {
  const booked = await bookedMeetingInTenant(deps, { tenantId: request.caller.tenantId, meetingId: request.meetingId });
  if (!booked) return undefined;
  const { meeting, chatId, coreGroup } = booked;
  const { member } = await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'record-own-attendance', targetId: meeting.id, known: { coreGroup } });
  await changeDraft(deps, { meeting, savedBy: member.id, change: (minutes) => recordAttendance(minutes, member.id, 'present') });
  return personalViewOf(deps, { meeting, chatId, member, started: true });
}
