import type { ConcernNotificationJob } from '../../contracts/jobs.contract';
import { escalationRoute } from '../../domain/escalation';
import type { Notifier } from '../ports/notifier.port';
import type { ConcernRepository, CoreGroupRepository } from '../ports/store.port';
import { nameAndAgency } from './member-label';

/**
 * Tells one person a concern is routed to, 1:1: what it is about, who raised it and what the
 * escalation procedure asks of them first. The notification preview names no child.
 */
export function createConcernNotices(deps: { coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>; concerns: Pick<ConcernRepository, 'listByCoreGroup'>; notifier: Notifier }) {
  return {
    async notify(job: ConcernNotificationJob): Promise<void> {
      const [coreGroup, members, concerns] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), deps.coreGroups.members(job.coreGroupId), deps.concerns.listByCoreGroup(job.coreGroupId)]);
      const concern = concerns.find((candidate) => candidate.id === job.concernId);
      if (!coreGroup || !concern) return;
      const raiser = members.find((member) => member.id === concern.raisedByMemberId);
      await deps.notifier.send({
        tenantId: job.tenantId,
        to: { kind: 'person', aadObjectId: job.recipientAadObjectId },
        summary: 'Core Group: a concern has been raised',
        message: {
          kind: 'concern-raised',
          caseReference: coreGroup.caseReference,
          concern: concern.kind,
          raisedBy: raiser ? nameAndAgency(raiser) : 'a member',
          raisedOn: concern.raisedAt.slice(0, 10),
          note: concern.note ?? '',
          whatNext: escalationRoute(concern.kind).steps[0]!.does,
        },
      });
    },
  };
}

export type ConcernNotices = ReturnType<typeof createConcernNotices>;
