import { AGENCY_REPORT_REQUEST_JOB, type AgencyReportRequestJob } from '../../contracts/jobs.contract';
import { reportRequestDates, reportingMembers } from '../../domain/agency-report';
import { morningOf } from '../check-in-prompts.service';
import { uuidFromKey } from '../deterministic-id';
import { policyOf } from '../policy-calendar';
import type { CoreGroupRepository, JobQueue } from '../ports/store.port';
import { type ReviewReportsDeps, reportsDue } from './review-reports';

/**
 * Plans the requests for agencies' written reports as durable jobs: each reporting member of a
 * group with a review conference booked is asked ten working days before their report is due (or
 * at once, when that has passed), and chased two working days before and on the day while it is
 * not submitted (`reportRequestDates`). Idempotency keys carry the review's date and the due date,
 * so planning again (every sweep) adds nothing, and a moved review is asked for afresh.
 */
export function createReportRequestPlanner(deps: ReviewReportsDeps & { coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>; jobs: Pick<JobQueue, 'enqueue'> }) {
  return {
    async planFor(coreGroupId: string): Promise<number> {
      const coreGroup = await deps.coreGroups.findById(coreGroupId);
      if (!coreGroup || coreGroup.planEndedOn) return 0;
      const { calendar } = policyOf(deps, coreGroup);
      const reviews = (await deps.meetings.reviewConferences(coreGroupId)).filter((review) => review.status === 'scheduled');
      if (reviews.length === 0) return 0;
      const members = reportingMembers(await deps.coreGroups.members(coreGroupId));
      const today = deps.clock.today();
      let planned = 0;
      for (const review of reviews) {
        const due = await reportsDue(deps, coreGroup, review.id);
        const dates = due && reportRequestDates({ due, today, calendar });
        if (!due || !dates) continue;
        for (const member of members) {
          const requests = [{ on: dates.ask, chase: false }, ...dates.chases.map((on) => ({ on, chase: true }))];
          for (const request of requests) {
            const key = `agency-report-request:${review.id}:${review.date}:${due}:${member.id}:${request.chase ? `chase:${request.on}` : 'ask'}`;
            const payload: AgencyReportRequestJob = { tenantId: coreGroup.tenantId, coreGroupId, reviewConferenceId: review.id, reviewOn: review.date.toString(), dueOn: due.toString(), memberId: member.id, chase: request.chase };
            const runAt = request.on.equals(today) && !request.chase ? deps.clock.nowIso() : morningOf(request.on);
            const queued = await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: AGENCY_REPORT_REQUEST_JOB, payload, runAt, idempotencyKey: key, at: deps.clock.nowIso() });
            if (queued.created) planned++;
          }
        }
      }
      return planned;
    },
  };
}
