import type { MemberWelcomeJob } from '../../contracts/jobs.contract';
import { leadSocialWorkerOf } from '../../domain/core-group';
import { oneLineUserText, plainUserText } from '../../domain/display-text';
import { positionOf } from '../../domain/member-position';
import type { Words } from '../../i18n/words';
import type { MemberWelcomeMessage } from '../ports/notifier.port';
import type { CoreGroupRepository, JobQueue } from '../ports/store.port';
import { nameAndAgency } from './member-label';
import { type NoticeAddress, type NoticePolicyDeps, type NoticeRun, deadNoticeRecorder, deliverNotice, senderOf } from './notice-policy';

/**
 * Welcomes someone added to a core group after set-up, through the one delivery policy: a Teams
 * 1:1 card where the app can reach them, otherwise an e-mail from the organiser mailbox (or the
 * lead social worker's); each attempt recorded. The message names the case by reference, never
 * the child. Someone removed again before the job ran is not welcomed.
 */
export function createWelcomeNotices(deps: NoticePolicyDeps & { coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>; jobs: Pick<JobQueue, 'enqueue'>; organiserMailbox?: string | undefined }) {
  const addressOf = async (job: MemberWelcomeJob): Promise<NoticeAddress | undefined> => {
    const member = (await deps.coreGroups.members(job.coreGroupId)).find((candidate) => candidate.id === job.memberId && candidate.active);
    return member && { kind: 'welcome', subjectId: member.id, coreGroupId: job.coreGroupId, tenantId: job.tenantId, member };
  };
  return {
    async welcome(job: MemberWelcomeJob, run?: NoticeRun): Promise<void> {
      const [coreGroup, members, to] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), deps.coreGroups.members(job.coreGroupId), addressOf(job)]);
      if (!coreGroup || !to) return;
      const lead = leadSocialWorkerOf(members);
      const message = ({ t }: Words): MemberWelcomeMessage => ({
        kind: 'member-welcome',
        caseReference: coreGroup.caseReference,
        asPosition: t(`members.position.${positionOf(to.member)}`),
        leadSocialWorker: lead ? nameAndAgency(lead) : t('welcomeCard.theLead'),
      });
      await deliverNotice(deps, {
        to,
        run,
        inTeams: (words) => ({ summary: words.t('notice.welcomeSummary'), message: message(words) }),
        from: senderOf(deps.organiserMailbox, members),
        mail: async (words) => {
          const told = message(words);
          const said = { caseReference: oneLineUserText(coreGroup.caseReference), position: told.asPosition, lead: plainUserText(told.leadSocialWorker) };
          return { subject: words.t('notice.welcomeMailSubject', said), bodyText: words.t('notice.welcomeMailBody', said) };
        },
      });
    },

    recordUndelivered: deadNoticeRecorder(deps, addressOf),
  };
}

export type WelcomeNotices = ReturnType<typeof createWelcomeNotices>;
