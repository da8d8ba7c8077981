import type { SignalNoticeJob } from '../../contracts/jobs.contract';
import type { CoreGroupMember } from '../../domain/core-group';
import { oneLineUserText } from '../../domain/display-text';
import { escalationRoute } from '../../domain/escalation';
import type { SignalMessage } from '../ports/notifier.port';
import type { CoreGroupRepository, JobQueue, PlanRepository } from '../ports/store.port';
import { nameAndAgency } from './member-label';
import { type NoticeAddress, type NoticePolicyDeps, type NoticeRun, deadNoticeRecorder, deliverNotice, senderOf } from './notice-policy';

/** The member a signal notice is for: by member id, or by Teams identity for jobs queued before that. */
function recipientOf(job: SignalNoticeJob, members: readonly CoreGroupMember[]): CoreGroupMember | undefined {
  return members.find((member) => (job.recipientMemberId ? member.id === job.recipientMemberId : member.aadObjectId === job.recipientAadObjectId));
}

const SIGNAL_WORDS: Readonly<Record<SignalNoticeJob['kind'], string>> = {
  'action-overdue': 'an action in the plan is overdue',
  'action-silent': 'an action in the plan has had no check-in for a while',
  'member-absent': 'a member has missed meetings in a row',
  'deadline-missed': 'a statutory deadline has been missed',
};

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
      const message: SignalMessage = {
        kind: 'signal',
        signal: job.kind,
        caseReference: coreGroup.caseReference,
        measure: job.measure,
        subject: job.kind === 'deadline-missed' ? job.rule : action?.what,
        person: person ? nameAndAgency(person) : undefined,
        whatNext: escalationRoute(job.concern).steps[0]!.does,
      };
      await deliverNotice(deps, {
        to,
        run,
        inTeams: { summary: 'Core Group: something in a plan needs attention', message },
        from: senderOf(deps.organiserMailbox, members),
        mail: async () => {
          const reference = oneLineUserText(coreGroup.caseReference);
          return {
            subject: `Something in a plan needs attention — case ${reference}`,
            bodyText: `In the core group for case ${reference}, ${SIGNAL_WORDS[job.kind]}. What the escalation procedure asks first: ${message.whatNext}. The details are on the Core Group dashboard.`,
          };
        },
      });
    },

    recordUndelivered: deadNoticeRecorder(deps, addressOf),
  };
}

export type SignalNotices = ReturnType<typeof createSignalNotices>;
