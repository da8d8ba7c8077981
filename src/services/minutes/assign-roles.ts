import { InvalidInputError } from '../../domain/errors';
import { assignMeetingRoles } from '../../domain/meeting';
import type { Caller } from '../authorise';
import { type MeetingAccess, type MinutesDeps, authoriseOnMeeting, loadMeeting } from './meeting-access';

/**
 * Names the chair and the minute-taker (active members, never the same person). Returns what it
 * authorised, with the meeting as it now stands, for the view that follows in the same request.
 */
export async function assignRoles(deps: MinutesDeps, request: { caller: Caller; meetingId: string; chairMemberId: string; minuteTakerMemberId: string }): Promise<{ access: MeetingAccess }> {
  const meeting = await loadMeeting(deps, request.meetingId);
  const { coreGroup, member } = await authoriseOnMeeting(deps, { caller: request.caller, meeting, action: 'schedule-meeting' });
  const members = await deps.coreGroups.members(meeting.coreGroupId);
  const named = [request.chairMemberId, request.minuteTakerMemberId];
  if (!named.every((memberId) => members.some((other) => other.id === memberId && other.active))) {
    throw new InvalidInputError('The chair and the minute-taker must be members of this core group.');
  }
  const updated = assignMeetingRoles(meeting, { chairMemberId: request.chairMemberId, minuteTakerMemberId: request.minuteTakerMemberId });
  await deps.meetings.update(updated);
  return { access: { meeting: updated, coreGroup, member } };
}
