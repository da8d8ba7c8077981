import { NotFoundError } from '../../domain/errors';
import { type Minutes, returnMinutes } from '../../domain/minutes';
import type { Caller } from '../authorise';
import { type MeetingAccess, type MinutesDeps, authoriseOnMeeting, loadMeeting, saveOver } from './meeting-access';

/**
 * The team manager sends the chair's signed minutes back with comments instead of signing: the
 * chair's signature is taken back, so the chair and the minute-taker can change them, and the
 * chair signs again. Returns what it authorised, for the view that follows in the same request.
 */
export async function returnToChair(deps: MinutesDeps, request: { caller: Caller; meetingId: string; comments: string }): Promise<{ minutes: Minutes; access: MeetingAccess }> {
  const meeting = await loadMeeting(deps, request.meetingId);
  const { coreGroup, member } = await authoriseOnMeeting(deps, { caller: request.caller, meeting, action: 'sign-minutes-as-team-manager' });
  const current = await deps.minutes.findByMeeting(meeting.id);
  if (!current) throw new NotFoundError('There are no minutes for this meeting.');
  const returned = await saveOver(deps, { current, updated: returnMinutes(current, { memberId: member.id, at: deps.clock.nowIso(), comments: request.comments }), savedBy: member.id });
  return { minutes: returned, access: { meeting, coreGroup, member } };
}
