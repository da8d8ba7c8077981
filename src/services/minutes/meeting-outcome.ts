import { RuleViolationError, said } from '../../domain/errors';
import { confirmHeld, recordNotHeld } from '../../domain/meeting';
import { presentIn } from '../../domain/minutes';
import type { Caller } from '../authorise';
import { type MeetingAccess, type MinutesDeps, authoriseOnMeeting, loadMeeting } from './meeting-access';

/** How many the meeting's minutes record as present. */
async function presentAt(deps: Pick<MinutesDeps, 'minutes'>, meetingId: string): Promise<number> {
  const minutes = await deps.minutes.findByMeeting(meetingId);
  if (!minutes) throw new RuleViolationError('Open the minutes and record who attended first.', { said: said('serviceRefusals.minutes.recordAttendanceFirst') });
  return presentIn(minutes);
}

/**
 * Whether a meeting whose start has passed took place, recorded by its chair, the lead social
 * worker or the team manager: held, with the attendance its minutes record (someone present), or
 * not held, with why. Only a held meeting meets a core group deadline. Saying again what is
 * recorded changes nothing (Teams retries, a second press).
 */
export async function recordOutcome(
  deps: MinutesDeps,
  request: { caller: Caller; meetingId: string; outcome: { happened: true } | { happened: false; reason: string } },
): Promise<{ access: MeetingAccess }> {
  const meeting = await loadMeeting(deps, request.meetingId);
  const { coreGroup, member } = await authoriseOnMeeting(deps, { caller: request.caller, meeting, action: 'record-meeting-outcome' });
  const now = { nowIso: deps.clock.nowIso(), today: deps.clock.today() };
  const recorded = request.outcome.happened ? confirmHeld(meeting, { now, present: await presentAt(deps, meeting.id) }) : recordNotHeld(meeting, { now, reason: request.outcome.reason });
  if (recorded !== meeting) await deps.meetings.update(recorded);
  return { access: { meeting: recorded, coreGroup, member } };
}
