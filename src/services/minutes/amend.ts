import { NotFoundError, said } from '../../domain/errors';
import { type Minutes, amendMinutes } from '../../domain/minutes';
import type { Caller } from '../authorise';
import { type MeetingAccess, type MinutesDeps, authoriseOnMeeting, loadMeeting, saveOver } from './meeting-access';

/**
 * Opens a signed record again as a new, unsigned version, saying why. Returns what it
 * authorised, for the view that follows in the same request.
 */
export async function amend(deps: MinutesDeps, request: { caller: Caller; meetingId: string; reason: string }): Promise<{ minutes: Minutes; access: MeetingAccess }> {
  const meeting = await loadMeeting(deps, request.meetingId);
  const { coreGroup, member } = await authoriseOnMeeting(deps, { caller: request.caller, meeting, action: 'edit-minutes' });
  const current = await deps.minutes.findByMeeting(meeting.id);
  if (!current) throw new NotFoundError('There are no minutes for this meeting.', { said: said('serviceRefusals.minutes.none') });
  const amended = await saveOver(deps, { current, updated: amendMinutes(current, request.reason), savedBy: member.id });
  return { minutes: amended, access: { meeting, coreGroup, member } };
}
