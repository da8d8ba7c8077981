import type { AgencyReportRequestJob } from '../../contracts/jobs.contract';
import { reportingMembers } from '../../domain/agency-report';
import { oneLineUserText } from '../../domain/display-text';
import type { AgencyReportRequestMessage } from '../ports/notifier.port';
import type { AgencyReportRepository, CoreGroupRepository, JobQueue, MeetingRepository } from '../ports/store.port';
import { type NoticeAddress, type NoticePolicyDeps, type NoticeRun, deadNoticeRecorder, deliverNotice, senderOf } from './notice-policy';

/**
 * Asks a member for their agency's written report for a review conference, or chases it, through
 * the one delivery policy: a Teams 1:1 card, else an e-mail naming only the case and the dates;
 * each attempt recorded. Nobody is asked once their report is submitted, once they have left the
 * group or no longer write one, or when the review has been held, cancelled or moved since the
 * request was planned (the move plans new requests).
 */
export function createAgencyReportNotices(
  deps: NoticePolicyDeps & {
    coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
    meetings: Pick<MeetingRepository, 'reviewConferences'>;
    agencyReports: Pick<AgencyReportRepository, 'listByReview'>;
    jobs: Pick<JobQueue, 'enqueue'>;
    organiserMailbox?: string | undefined;
  },
) {
  const addressOf = async (job: AgencyReportRequestJob): Promise<NoticeAddress | undefined> => {
    const member = reportingMembers(await deps.coreGroups.members(job.coreGroupId)).find((candidate) => candidate.id === job.memberId);
    return member && { kind: 'agency-report-request', subjectId: job.reviewConferenceId, coreGroupId: job.coreGroupId, tenantId: job.tenantId, member };
  };
  return {
    async notify(job: AgencyReportRequestJob, run?: NoticeRun): Promise<void> {
      const [coreGroup, members, reviews, reports, to] = await Promise.all([
        deps.coreGroups.findById(job.coreGroupId),
        deps.coreGroups.members(job.coreGroupId),
        deps.meetings.reviewConferences(job.coreGroupId),
        deps.agencyReports.listByReview(job.reviewConferenceId),
        addressOf(job),
      ]);
      const review = reviews.find((candidate) => candidate.id === job.reviewConferenceId);
      if (!coreGroup || coreGroup.planEndedOn || !to || !review || review.status !== 'scheduled' || review.date.toString() !== job.reviewOn) return;
      if (reports.some((report) => report.memberId === job.memberId && report.submittedAt)) return;
      const message: AgencyReportRequestMessage = { kind: 'agency-report-request', caseReference: coreGroup.caseReference, reviewOn: job.reviewOn, dueOn: job.dueOn, chase: job.chase };
      await deliverNotice(deps, {
        to,
        run,
        inTeams: ({ t }) => ({ summary: t(job.chase ? 'notice.reportChaseSummary' : 'notice.reportSummary'), message }),
        from: senderOf(deps.organiserMailbox, members),
        mail: async ({ t, dates }) => {
          const said = { caseReference: oneLineUserText(coreGroup.caseReference), reviewOn: dates.date(job.reviewOn), dueOn: dates.date(job.dueOn) };
          return { subject: t(job.chase ? 'notice.reportChaseMailSubject' : 'notice.reportMailSubject', said), bodyText: t('notice.reportMailBody', said) };
        },
      });
    },

    recordUndelivered: deadNoticeRecorder(deps, addressOf),
  };
}

export type AgencyReportNotices = ReturnType<typeof createAgencyReportNotices>;
