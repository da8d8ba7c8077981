import type { SignalNoticeJob } from '../../contracts/jobs.contract';
import { escalationRoute } from '../../domain/escalation';
import type { Notifier } from '../ports/notifier.port';
import type { CoreGroupRepository, PlanRepository } from '../ports/store.port';
import { nameAndAgency } from './member-label';

/**
 * Tells one person of a drift or attendance signal, 1:1, worded from current data when it is sent
 * (the action as the plan now words it, the member as the group now names them). The notification
 * preview names no one.
 */
export function createSignalNotices(deps: { coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>; plans: Pick<PlanRepository, 'current'>; notifier: Notifier }) {
  return {
    async notify(job: SignalNoticeJob): Promise<void> {
      const [coreGroup, members, plan] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), deps.coreGroups.members(job.coreGroupId), deps.plans.current(job.coreGroupId)]);
      if (!coreGroup) return;
      const person = members.find((member) => member.id === job.memberId);
      const action = plan?.actions.find((candidate) => candidate.id === job.subjectId);
      await deps.notifier.send({
        tenantId: job.tenantId,
        to: { kind: 'person', aadObjectId: job.recipientAadObjectId },
        summary: 'Core Group: something in a plan needs attention',
        message: {
          kind: 'signal',
          signal: job.kind,
          caseReference: coreGroup.caseReference,
          measure: job.measure,
          subject: job.kind === 'deadline-missed' ? job.rule : action?.what,
          person: person ? nameAndAgency(person) : undefined,
          whatNext: escalationRoute(job.concern).steps[0]!.does,
        },
      });
    },
  };
}

export type SignalNotices = ReturnType<typeof createSignalNotices>;
