import { z } from 'zod';
import { escalationRoute } from '../src/domain/escalation';
import type { JobHandler } from '../src/jobs/job-runner';
import { CONCERN_NOTIFICATION_JOB } from '../src/services/concern.service';
import type { Notifier } from '../src/services/ports/notifier.port';
import type { ConcernRepository, CoreGroupRepository } from '../src/services/ports/store.port';
import { concernNotificationCard } from './cards/escalate.card';

const payloadSchema = z.object({ tenantId: z.string().min(1), coreGroupId: z.string().uuid(), concernId: z.string().uuid(), recipientAadObjectId: z.string().min(1) });

/** Tells each person a concern is routed to, 1:1; the notification summary names no child. */
export function concernJobs(deps: { coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>; concerns: Pick<ConcernRepository, 'listByCoreGroup'>; notifier: Notifier }): Record<string, JobHandler> {
  return {
    [CONCERN_NOTIFICATION_JOB]: async (raw) => {
      const payload = payloadSchema.parse(raw);
      const [coreGroup, members, concerns] = await Promise.all([deps.coreGroups.findById(payload.coreGroupId), deps.coreGroups.members(payload.coreGroupId), deps.concerns.listByCoreGroup(payload.coreGroupId)]);
      const concern = concerns.find((candidate) => candidate.id === payload.concernId);
      if (!coreGroup || !concern) return;
      const raiser = members.find((member) => member.id === concern.raisedByMemberId);
      await deps.notifier.sendCard({
        tenantId: payload.tenantId,
        recipientKey: `user:${payload.recipientAadObjectId}`,
        card: concernNotificationCard({
          caseReference: coreGroup.caseReference,
          kind: concern.kind,
          raisedBy: raiser ? `${raiser.displayName} (${raiser.agency})` : 'a member',
          raisedOn: concern.raisedAt.slice(0, 10),
          note: concern.note ?? '',
          whatNext: escalationRoute(concern.kind).steps[0]!.does,
        }),
        summary: 'Core Group: a concern has been raised',
      });
    },
  };
}
