import type { NoticeUndeliveredJob } from '../../contracts/jobs.contract';
import { leadSocialWorkerOf } from '../../domain/core-group';
import { oneLineUserText, plainUserText } from '../../domain/display-text';
import { NOTICE_KIND_WORDS } from '../../domain/notice-delivery';
import type { NoticeUndeliveredMessage } from '../ports/notifier.port';
import type { CoreGroupRepository, JobQueue } from '../ports/store.port';
import { nameAndAgency } from './member-label';
import { type NoticeAddress, type NoticePolicyDeps, type NoticeRun, deadNoticeRecorder, deliverNotice, senderOf } from './notice-policy';

/**
 * A dead notice as a signal (issue 14): the lead social worker told, through the same delivery
 * policy, that a notice to someone in their group never went — which kind, to whom, after how
 * many attempts — so they can reach that person another way. Never the child's name, never the
 * notice's content. Its own dead letter is recorded failed and raises nothing more.
 */
export function createUndeliveredNotices(deps: NoticePolicyDeps & { coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>; jobs: Pick<JobQueue, 'enqueue'>; organiserMailbox?: string | undefined }) {
  const addressOf = async (job: NoticeUndeliveredJob): Promise<NoticeAddress | undefined> => {
    const lead = leadSocialWorkerOf(await deps.coreGroups.members(job.coreGroupId));
    return lead && { kind: 'undelivered', subjectId: job.deadJobId, coreGroupId: job.coreGroupId, tenantId: job.tenantId, member: lead };
  };
  return {
    async notify(job: NoticeUndeliveredJob, run?: NoticeRun): Promise<void> {
      const [coreGroup, members, to] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), deps.coreGroups.members(job.coreGroupId), addressOf(job)]);
      const member = members.find((candidate) => candidate.id === job.memberId);
      if (!coreGroup || !to) return;
      const message: NoticeUndeliveredMessage = { kind: 'notice-undelivered', caseReference: coreGroup.caseReference, notice: NOTICE_KIND_WORDS[job.noticeKind], member: member ? nameAndAgency(member) : 'a former member', attempts: job.attempts };
      await deliverNotice(deps, {
        to,
        run,
        inTeams: ({ t }) => ({ summary: t('notice.undeliveredSummary'), message }),
        from: senderOf(deps.organiserMailbox, members),
        mail: async () => {
          const reference = oneLineUserText(coreGroup.caseReference);
          return {
            subject: `A Core Group notice could not be delivered — case ${reference}`,
            bodyText: `Core Group could not deliver ${message.notice} to ${plainUserText(message.member)} in case ${reference}: it was not sent after ${message.attempts} attempts, by Teams or by e-mail. It is listed under Needs attention on the Core Group dashboard; please make sure they hear another way.`,
          };
        },
      });
    },

    recordUndelivered: deadNoticeRecorder(deps, addressOf),
  };
}

export type UndeliveredNotices = ReturnType<typeof createUndeliveredNotices>;
