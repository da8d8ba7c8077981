import { InvalidInputError, said } from '../../domain/errors';
import { assignMeetingRoles, checkChairRule, checkMeetingRoleHolders, heldBefore } from '../../domain/meeting';
import { policyOf } from '../policy-calendar';
import type { Caller } from '../authorise';
import { type MeetingAccess, type MinutesDeps, authoriseOnMeeting, loadMeeting } from './meeting-access';

/**
 * Names the chair and the minute-taker (active members who are professionals, never the same
 * person; the chair as the profile's chair rule says for a first or a later core group). Returns what it authorised, with the meeting as it now stands, for the view that
 * follows in the same request.
 */
export async function assignRoles(deps: MinutesDeps, request: { caller: Caller; meetingId: string; chairMemberId: string; minuteTakerMemberId: string }): Promise<{ access: MeetingAccess }> {
  const meeting = await loadMeeting(deps, request.meetingId);
  const { coreGroup, member } = await authoriseOnMeeting(deps, { caller: request.caller, meeting, action: 'schedule-meeting' });
  const members = await deps.coreGroups.members(meeting.coreGroupId);
  const activeMember = (memberId: string) => members.find((other) => other.id === memberId && other.active);
  const [chair, minuteTaker] = [activeMember(request.chairMemberId), activeMember(request.minuteTakerMemberId)];
  if (!chair || !minuteTaker) throw new InvalidInputError('The chair and the minute-taker must be members of this core group.', { said: said('serviceRefusals.minutes.rolesNotMembers') });
  checkMeetingRoleHolders([chair, minuteTaker]);
  const earlier = heldBefore(await deps.meetings.listByCoreGroup(meeting.coreGroupId), meeting.date).filter((held) => held.id !== meeting.id);
  checkChairRule(chair, policyOf(deps, coreGroup).profile.rules.chair, earlier.length === 0 ? 'first' : 'later');
  const updated = assignMeetingRoles(meeting, { chairMemberId: request.chairMemberId, minuteTakerMemberId: request.minuteTakerMemberId });
  await deps.meetings.update(updated);
  return { access: { meeting: updated, coreGroup, member } };
}
