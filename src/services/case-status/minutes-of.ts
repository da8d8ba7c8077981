import { minutesCirculationObligation } from '../../domain/circulation';
import { heldMeetingsOldestFirst, meetingsInDateOrder, nextBookedMeeting } from '../../domain/meeting';
import { versionsSent } from '../../domain/minutes';
import type { Caller } from '../authorise';
import { type StatusDeps, statusOf } from './status-of';

/**
 * Where the minutes stand for the last held meeting and the next booked one: drafted or not,
 * signed by the chair and the team manager, delivered to how many, and the circulation deadline;
 * with the booked series (its next occurrence may come after the meeting it records was held).
 */
export async function minutesOf(deps: StatusDeps, request: { caller: Caller; coreGroupId: string }) {
  const { status, timeline } = await statusOf(deps, request);
  // The meetings of the timeline the status was judged from, in the order the store keeps them.
  const meetings = meetingsInDateOrder(timeline.meetings);
  const describe = async (meeting: (typeof meetings)[number] | undefined) => {
    if (!meeting) return undefined;
    const minutes = await deps.minutes.findByMeeting(meeting.id);
    const deliveries = minutes ? await deps.minutes.deliveries(minutes.id) : [];
    const circulation = minutesCirculationObligation(status.obligations, meeting.id);
    return {
      date: meeting.date,
      drafted: Boolean(minutes),
      chairSigned: Boolean(minutes?.chairSignOff),
      managerSigned: Boolean(minutes?.managerSignOff),
      sent: minutes ? versionsSent(minutes, deliveries) : { thisVersion: 0 },
      amended: Boolean(minutes?.amendmentReason),
      circulation: circulation ? { due: circulation.due, status: circulation.status, daysLate: circulation.daysLate } : undefined,
    };
  };
  const last = heldMeetingsOldestFirst(meetings).at(-1);
  const next = nextBookedMeeting(meetings, deps.clock.today());
  return { caseReference: status.coreGroup.caseReference, last: await describe(last), next: await describe(next), booked: status.booked };
}
