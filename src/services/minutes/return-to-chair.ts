import { MINUTES_RETURNED_JOB, type MinutesReturnedJob } from '../../contracts/jobs.contract';
import { leadSocialWorkerOf } from '../../domain/core-group';
import { NotFoundError, said } from '../../domain/errors';
import { type Minutes, returnMinutes } from '../../domain/minutes';
import type { Caller } from '../authorise';
import { uuidFromKey } from '../deterministic-id';
import { type MeetingAccess, type MinutesDeps, authoriseOnMeeting, loadMeeting, saveOver } from './meeting-access';

/**
 * The team manager sends the chair's signed minutes back with comments instead of signing: the
 * chair's signature is taken back, so the chair and the minute-taker can change them, and the
 * chair signs again, told so by a 1:1 notice (a durable job: Teams, else e-mail). Returns what it
 * authorised, for the view that follows in the same request.
 */
export async function returnToChair(deps: MinutesDeps, request: { caller: Caller; meetingId: string; comments: string }): Promise<{ minutes: Minutes; access: MeetingAccess }> {
  const meeting = await loadMeeting(deps, request.meetingId);
  const { coreGroup, member } = await authoriseOnMeeting(deps, { caller: request.caller, meeting, action: 'sign-minutes-as-team-manager' });
  const current = await deps.minutes.findByMeeting(meeting.id);
  if (!current) throw new NotFoundError('There are no minutes for this meeting.', { said: said('serviceRefusals.minutes.none') });
  const at = deps.clock.nowIso();
  const returned = await saveOver(deps, { current, updated: returnMinutes(current, { memberId: member.id, at, comments: request.comments }), savedBy: member.id });
  const chairId = meeting.chairMemberId ?? leadSocialWorkerOf(await deps.coreGroups.members(coreGroup.id))?.id;
  if (chairId && returned.returned?.at === at) {
    const payload: MinutesReturnedJob = { tenantId: coreGroup.tenantId, coreGroupId: coreGroup.id, meetingId: meeting.id, memberId: chairId, returnedAt: at };
    const key = `minutes-returned:${meeting.id}:${at}`;
    await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: MINUTES_RETURNED_JOB, payload, runAt: at, idempotencyKey: key, at });
  }
  return { minutes: returned, access: { meeting, coreGroup, member } };
}
