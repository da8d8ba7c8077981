import type { AreaContact, ConcernTransition } from '../domain/concern-steps';
import type { CoreGroupMember } from '../domain/core-group';
import { type ConcernKind, actionToRaise, concernRecipients, escalationRoute } from '../domain/escalation';
import { type Caller, authorise } from './authorise';
import { uuidFromKey } from './deterministic-id';
import { type ConcernGroup, type TellConcernDeps, tellStep } from './concerns/tell-concern';
import type { NoticeDelivery } from '../domain/notice-delivery';
import type { AuditLog, Concern, ConcernHistoryRepository, ConcernRepository, CoreGroupRepository, NoticeDeliveryRepository } from './ports/store.port';

/** What recording a concern and telling its first step reads and writes. */
export interface RaiseConcernDeps extends TellConcernDeps {
  readonly concerns: Pick<ConcernRepository, 'raise'>;
  readonly concernHistory: Pick<ConcernHistoryRepository, 'record'>;
}

/** The id of the concern raised under a key: one concern per key, however often it is raised. */
export function concernIdFor(key: string): string {
  return uuidFromKey(`concern:${key}`);
}

/**
 * Records a concern once per key (its id comes from the key), and its raising on its history, and
 * tells the people the first step of its route names, 1:1, by a durable job each — the group's
 * members and the area's contacts in those roles, never the member who raised it. A retry with
 * the same key records nothing new and queues nothing twice.
 */
export async function raiseConcern(
  deps: RaiseConcernDeps,
  request: { coreGroup: ConcernGroup; kind: ConcernKind; raisedBy: Pick<CoreGroupMember, 'id' | 'displayName'>; note: string; key: string },
): Promise<{ concern: Concern; created: boolean; recipients: CoreGroupMember[]; areaContacts: AreaContact[] }> {
  const { coreGroup } = request;
  const at = deps.clock.nowIso();
  const note = request.note.trim();
  const raised = await deps.concerns.raise(
    { id: concernIdFor(request.key), coreGroupId: coreGroup.id, kind: request.kind, raisedByMemberId: request.raisedBy.id, step: 0, status: 'open', raisedAt: at, stepStartedAt: at, note },
    `concern:${coreGroup.id}:${request.key}`,
  );
  const { concern } = raised;
  await deps.concernHistory.record({ id: uuidFromKey(`concern-raised:${concern.id}`), concernId: concern.id, step: 0, kind: 'raised', actorId: request.raisedBy.id, actorName: request.raisedBy.displayName, text: concern.note, at: concern.raisedAt });
  const told = await tellStep(deps, { coreGroup, concern });
  return { ...raised, recipients: told.members, areaContacts: told.areaContacts };
}

/**
 * Raising a concern (seed 003's two families, and seed 001's request for an extra core group):
 * recorded once per request, routed to the people the first step of its escalation route names,
 * each queued a notice by a durable job (Teams 1:1 first, e-mail where Teams cannot reach them).
 */
export function createConcernService(
  deps: RaiseConcernDeps & {
    coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members'>;
    concerns: Pick<ConcernRepository, 'raise' | 'listByCoreGroup'>;
    concernHistory: Pick<ConcernHistoryRepository, 'record' | 'ofConcerns'>;
    noticeDeliveries: Pick<NoticeDeliveryRepository, 'deliveriesOf'>;
    auditLog: Pick<AuditLog, 'append'>;
  },
) {
  return {
    async raise(request: { caller: Caller; coreGroupId: string; kind: ConcernKind; note: string; requestId: string }): Promise<{ concern: Concern; created: boolean; caseReference: string; toldRoles: readonly string[]; queuedFor: readonly string[] }> {
      const { coreGroup, member } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: actionToRaise(request.kind) });
      const { recipients, areaContacts, ...raised } = await raiseConcern(deps, { coreGroup, kind: request.kind, raisedBy: member, note: request.note, key: request.requestId });
      const queuedFor = [...recipients.map((recipient) => recipient.displayName), ...areaContacts.map((contact) => contact.name)];
      return { ...raised, caseReference: coreGroup.caseReference, toldRoles: escalationRoute(request.kind).steps[0]!.to, queuedFor };
    },

    /**
     * The concerns the caller raised about a case, newest first, where each stands (its step and the
     * last thing that happened to it), and how its first notice went to each person it is routed
     * to: the recorded outcome (one per concern and person), or none yet (still queued).
     */
    async raisedByMe(request: { caller: Caller; coreGroupId: string }): Promise<ConcernNotices[]> {
      const { coreGroup, member } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'raise-concern' });
      const [members, concerns] = await Promise.all([deps.coreGroups.members(coreGroup.id), deps.concerns.listByCoreGroup(coreGroup.id)]);
      const mine = concerns.filter((concern) => concern.raisedByMemberId === member.id).reverse();
      const ids = mine.map((concern) => concern.id);
      const [deliveries, histories] = await Promise.all([deps.noticeDeliveries.deliveriesOf('concern', ids), deps.concernHistory.ofConcerns(ids)]);
      return mine.map((concern) => {
        const outcomes = deliveries.filter((delivery) => delivery.subjectId === concern.id);
        const routedTo = concernRecipients({ members, kind: concern.kind, raisedByMemberId: member.id }).map((recipient) => recipient.id);
        const memberIds = [...new Set([...routedTo, ...outcomes.map((delivery) => delivery.memberId)])];
        return {
          concern,
          lastTransition: (histories.get(concern.id) ?? []).filter((transition) => transition.kind !== 'told').at(-1),
          notices: memberIds.map((memberId) => ({ displayName: members.find((candidate) => candidate.id === memberId)?.displayName, delivery: outcomes.filter((delivery) => delivery.memberId === memberId).at(-1) })),
        };
      });
    },
  };
}

/** A concern, the last thing that happened to it, and, per person it is routed to first (no name: a former member), the recorded outcome of their notice (undefined: still queued). */
export interface ConcernNotices {
  readonly concern: Concern;
  readonly lastTransition?: ConcernTransition | undefined;
  readonly notices: readonly { readonly displayName: string | undefined; readonly delivery: NoticeDelivery | undefined }[];
}

export type ConcernService = ReturnType<typeof createConcernService>;
