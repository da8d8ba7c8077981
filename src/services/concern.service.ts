import { CONCERN_NOTIFICATION_JOB, type ConcernNotificationJob } from '../contracts/jobs.contract';
import type { CoreGroup, MemberInTeams } from '../domain/core-group';
import { type ConcernKind, actionToRaise, concernRecipients, escalationRoute } from '../domain/escalation';
import { type Caller, authorise } from './authorise';
import { uuidFromKey } from './deterministic-id';
import type { Clock } from './ports/clock.port';
import type { AuditLog, Concern, ConcernRepository, CoreGroupRepository, JobQueue } from './ports/store.port';

/** What recording a concern and telling its first step reads and writes. */
export interface RaiseConcernDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'members'>;
  readonly concerns: Pick<ConcernRepository, 'raise'>;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly clock: Clock;
}

/**
 * Records a concern once per key (its id comes from the key) and tells the people the first step
 * of its route names, 1:1, by a durable job each — never the member who raised it. A retry with
 * the same key records nothing new and queues nothing twice.
 */
export async function raiseConcern(
  deps: RaiseConcernDeps,
  request: { coreGroup: Pick<CoreGroup, 'id' | 'tenantId'>; kind: ConcernKind; raisedByMemberId: string; note: string; key: string },
): Promise<{ concern: Concern; created: boolean; recipients: MemberInTeams[] }> {
  const { coreGroup } = request;
  const raised = await deps.concerns.raise(
    { id: uuidFromKey(`concern:${request.key}`), coreGroupId: coreGroup.id, kind: request.kind, raisedByMemberId: request.raisedByMemberId, step: 0, status: 'open', raisedAt: deps.clock.nowIso(), note: request.note.trim() },
    `concern:${coreGroup.id}:${request.key}`,
  );
  const recipients = concernRecipients({ members: await deps.coreGroups.members(coreGroup.id), kind: request.kind, raisedByMemberId: request.raisedByMemberId });
  for (const recipient of recipients) {
    const payload: ConcernNotificationJob = { tenantId: coreGroup.tenantId, coreGroupId: coreGroup.id, concernId: raised.concern.id, recipientAadObjectId: recipient.aadObjectId };
    const key = `concern:${raised.concern.id}:${recipient.id}`;
    await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: CONCERN_NOTIFICATION_JOB, payload, runAt: deps.clock.nowIso(), idempotencyKey: key, at: deps.clock.nowIso() });
  }
  return { ...raised, recipients };
}

/**
 * Raising a concern (seed 003's two families, and seed 001's request for an extra core group):
 * recorded once per request, routed to the people the first step of its escalation route names,
 * each told 1:1 by a durable job.
 */
export function createConcernService(deps: RaiseConcernDeps & { coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members'>; auditLog: Pick<AuditLog, 'append'> }) {
  return {
    async raise(request: { caller: Caller; coreGroupId: string; kind: ConcernKind; note: string; requestId: string }): Promise<{ concern: Concern; created: boolean; caseReference: string; toldRoles: readonly string[]; told: readonly string[] }> {
      const { coreGroup, member } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: actionToRaise(request.kind) });
      const { recipients, ...raised } = await raiseConcern(deps, { coreGroup, kind: request.kind, raisedByMemberId: member.id, note: request.note, key: request.requestId });
      return { ...raised, caseReference: coreGroup.caseReference, toldRoles: escalationRoute(request.kind).steps[0]!.to, told: recipients.map((recipient) => recipient.displayName) };
    },
  };
}

export type ConcernService = ReturnType<typeof createConcernService>;
