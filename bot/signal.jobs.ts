import { z } from 'zod';
import { CONCERN_KINDS, escalationRoute } from '../src/domain/escalation';
import type { SignalKind } from '../src/domain/signals';
import type { JobHandler } from '../src/jobs/job-runner';
import type { Notifier } from '../src/services/ports/notifier.port';
import type { CoreGroupRepository, PlanRepository } from '../src/services/ports/store.port';
import { SIGNAL_NOTICE_JOB } from '../src/services/signal-watch.service';
import { signalCard } from './cards/signal.card';

const SIGNAL_KINDS = ['action-overdue', 'action-silent', 'member-absent', 'deadline-missed'] as const satisfies readonly SignalKind[];

const payloadSchema = z.object({
  tenantId: z.string().min(1),
  coreGroupId: z.string().uuid(),
  kind: z.enum(SIGNAL_KINDS),
  concern: z.enum(CONCERN_KINDS),
  subjectId: z.string().min(1),
  measure: z.number().int().nonnegative(),
  memberId: z.string().optional(),
  rule: z.string().optional(),
  recipientAadObjectId: z.string().min(1),
});

/** Sends a drift or attendance signal 1:1, worded from current data; the summary names no one. */
export function signalJobs(deps: { coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>; plans: Pick<PlanRepository, 'current'>; notifier: Notifier }): Record<string, JobHandler> {
  return {
    [SIGNAL_NOTICE_JOB]: async (raw) => {
      const payload = payloadSchema.parse(raw);
      const [coreGroup, members, plan] = await Promise.all([deps.coreGroups.findById(payload.coreGroupId), deps.coreGroups.members(payload.coreGroupId), deps.plans.current(payload.coreGroupId)]);
      if (!coreGroup) return;
      const person = members.find((member) => member.id === payload.memberId);
      const action = plan?.actions.find((candidate) => candidate.id === payload.subjectId);
      await deps.notifier.sendCard({
        tenantId: payload.tenantId,
        recipientKey: `user:${payload.recipientAadObjectId}`,
        card: signalCard({
          kind: payload.kind,
          caseReference: coreGroup.caseReference,
          measure: payload.measure,
          subject: payload.kind === 'deadline-missed' ? payload.rule : action?.what,
          person: person ? `${person.displayName} (${person.agency})` : undefined,
          whatNext: escalationRoute(payload.concern).steps[0]!.does,
        }),
        summary: 'Core Group: something in a plan needs attention',
      });
    },
  };
}
