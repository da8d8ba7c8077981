import type { NoticeUndeliveredJob } from '../../contracts/jobs.contract';
import { leadSocialWorkerOf } from '../../domain/core-group';
import { oneLineUserText, plainUserText } from '../../domain/display-text';
import type { Words } from '../../i18n/words';
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
      const message = ({ t }: Words): NoticeUndeliveredMessage => ({ kind: 'notice-undelivered', caseReference: coreGroup.caseReference, notice: t(`notice.kind.${job.noticeKind}`), member: member ? nameAndAgency(member) : t('notice.formerMember'), attempts: job.attempts });
      await deliverNotice(deps, {
        to,
        run,
        inTeams: (words) => ({ summary: words.t('notice.undeliveredSummary'), message: message(words) }),
        from: senderOf(deps.organiserMailbox, members),
        mail: async (words) => {
          const told = message(words);
          const said = { caseReference: oneLineUserText(coreGroup.caseReference), notice: told.notice, member: plainUserText(told.member), count: told.attempts };
          return { subject: words.t('notice.undeliveredMailSubject', said), bodyText: words.t('notice.undeliveredMailBody', said) };
        },
      });
    },

    recordUndelivered: deadNoticeRecorder(deps, addressOf),
  };
}

export type UndeliveredNotices = ReturnType<typeof createUndeliveredNotices>;
