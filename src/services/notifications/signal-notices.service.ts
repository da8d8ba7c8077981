import type { SignalNoticeJob } from '../../contracts/jobs.contract';
import type { CoreGroupMember } from '../../domain/core-group';
import { oneLineUserText } from '../../domain/display-text';
import type { Words } from '../../i18n/words';
import type { SignalMessage } from '../ports/notifier.port';
import type { CoreGroupRepository, JobQueue, PlanRepository } from '../ports/store.port';
import { deadlineRule } from '../deadline-words';
import { stepDoesIn } from './escalation-words';
import { nameAndAgency } from './member-label';
import { type NoticeAddress, type NoticePolicyDeps, type NoticeRun, deadNoticeRecorder, deliverNotice, senderOf } from './notice-policy';

/** The member a signal notice is for: by member id, or by Teams identity for jobs queued before that. */
function recipientOf(job: SignalNoticeJob, members: readonly CoreGroupMember[]): CoreGroupMember | undefined {
  return members.find((member) => (job.recipientMemberId ? member.id === job.recipientMemberId : member.aadObjectId === job.recipientAadObjectId));
}

/** The rule a missed deadline broke, in the reader's words (a job queued before the rule was kept as data has its English only). */
function missedRule(words: Words, job: SignalNoticeJob): string | undefined {
  return job.rule === undefined ? undefined : deadlineRule(words, { rule: job.rule, wording: job.wording });
}

/**
 * Tells one person of a drift or attendance signal, through the one delivery policy (Teams 1:1
 * first, else e-mail; each attempt recorded), worded from current data when it is sent (the
 * action as the plan now words it, the member as the group now names them). The preview names
 * no one; the e-mail says only what kind of signal, in which case, and to open Core Group.
 */
export function createSignalNotices(deps: NoticePolicyDeps & { coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>; plans: Pick<PlanRepository, 'current'>; jobs: Pick<JobQueue, 'enqueue'>; organiserMailbox?: string | undefined }) {
  const addressOf = async (job: SignalNoticeJob): Promise<NoticeAddress | undefined> => {
    const member = recipientOf(job, await deps.coreGroups.members(job.coreGroupId));
    return member && { kind: 'signal', subjectId: `${job.kind}:${job.subjectId}`, coreGroupId: job.coreGroupId, tenantId: job.tenantId, member };
  };
  return {
    async notify(job: SignalNoticeJob, run?: NoticeRun): Promise<void> {
      const [coreGroup, members, plan, to] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), deps.coreGroups.members(job.coreGroupId), deps.plans.current(job.coreGroupId), addressOf(job)]);
      if (!coreGroup || !to) return;
      const person = members.find((member) => member.id === job.memberId);
      const action = plan?.actions.find((candidate) => candidate.id === job.subjectId);
      const message = (words: Words): SignalMessage => ({
        kind: 'signal',
        signal: job.kind,
        caseReference: coreGroup.caseReference,
        measure: job.measure,
        subject: job.kind === 'deadline-missed' ? missedRule(words, job) : action?.what,
        person: person ? nameAndAgency(person) : undefined,
        whatNext: stepDoesIn(words, job.concern, 0),
      });
      await deliverNotice(deps, {
        to,
        run,
        inTeams: (words) => ({ summary: words.t('signal.summary'), message: message(words) }),
        from: senderOf(deps.organiserMailbox, members),
        mail: async (words) => {
          const said = { caseReference: oneLineUserText(coreGroup.caseReference), whatNext: stepDoesIn(words, job.concern, 0) };
          return { subject: words.t('signal.mailSubject', said), bodyText: words.t(`signal.mailBody.${job.kind}`, said) };
        },
      });
    },

    recordUndelivered: deadNoticeRecorder(deps, addressOf),
  };
}

export type SignalNotices = ReturnType<typeof createSignalNotices>;
