import { AGENCY_REPORT_REQUEST_JOB, type AgencyReportRequestJob, CONFERENCE_PACK_JOB, type ConferencePackJob } from '../../contracts/jobs.contract';
import { reportRequestDates, reportingMembers } from '../../domain/agency-report';
import { type CivilDate, isBefore } from '../../domain/civil-date';
import { type CaseHeader, type CoreGroupMember, leadSocialWorkerOf } from '../../domain/core-group';
import type { ReviewConference } from '../../domain/review-conference';
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
 * so planning again (every sweep) adds nothing, and a moved review is asked for afresh. The
 * conference pack is planned for delivery the working day after the reports are due.
 */
export function createReportRequestPlanner(deps: ReviewReportsDeps & { coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>; jobs: Pick<JobQueue, 'enqueue'> }) {
  /** The pack goes to each conference chair in the group the working day after the reports are due; with none, to the lead social worker to pass on. */
  const planPack = async (coreGroup: CaseHeader, review: ReviewConference, sendOn: CivilDate, members: readonly CoreGroupMember[]): Promise<number> => {
    const chairs = members.filter((member) => member.active && member.role === 'conference-chair');
    const lead = leadSocialWorkerOf(members);
    const targets = chairs.length > 0 ? chairs.map((member) => ({ member, forChair: true })) : lead ? [{ member: lead, forChair: false }] : [];
    const today = deps.clock.today();
    let planned = 0;
    for (const { member, forChair } of targets) {
      const key = `conference-pack:${review.id}:${review.date}:${member.id}`;
      const payload: ConferencePackJob = { tenantId: coreGroup.tenantId, coreGroupId: coreGroup.id, reviewConferenceId: review.id, reviewOn: review.date.toString(), memberId: member.id, forChair };
      const runAt = isBefore(sendOn, today) ? deps.clock.nowIso() : morningOf(sendOn);
      const queued = await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: CONFERENCE_PACK_JOB, payload, runAt, idempotencyKey: key, at: deps.clock.nowIso() });
      if (queued.created) planned++;
    }
    return planned;
  };

  return {
    async planFor(coreGroupId: string): Promise<number> {
      const coreGroup = await deps.coreGroups.findById(coreGroupId);
      if (!coreGroup || coreGroup.planEndedOn) return 0;
      const { calendar } = policyOf(deps, coreGroup);
      const reviews = (await deps.meetings.reviewConferences(coreGroupId)).filter((review) => review.status === 'scheduled');
      if (reviews.length === 0) return 0;
      const allMembers = await deps.coreGroups.members(coreGroupId);
      const members = reportingMembers(allMembers);
      const today = deps.clock.today();
      let planned = 0;
      for (const review of reviews) {
        const due = await reportsDue(deps, coreGroup, review.id);
        if (!due || isBefore(review.date, today)) continue;
        planned += await planPack(coreGroup, review, calendar.addWorkingDays(due, 1), allMembers);
        const dates = reportRequestDates({ due, today, calendar });
        if (!dates) continue;
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
