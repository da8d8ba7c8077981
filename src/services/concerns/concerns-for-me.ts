import type { CaseHeader, MemberRole } from '../../domain/core-group';
import type { Caller } from '../authorise';
import type { PolicyDeps } from '../policy-calendar';
import type { Clock } from '../ports/clock.port';
import type { AreaContactRepository, AuditLog, Concern, ConcernHistoryRepository, ConcernRepository, CoreGroupRepository } from '../ports/store.port';
import { reached, standingOf } from './concern-access';
import { type ConcernView, concernView } from './concern-view';

/** What listing the concerns that came to someone reads. */
export type ConcernsForMeDeps = PolicyDeps & {
  readonly coreGroups: Pick<CoreGroupRepository, 'listMemberships' | 'findById'>;
  readonly concerns: Pick<ConcernRepository, 'listByCoreGroups' | 'listInArea'>;
  readonly concernHistory: Pick<ConcernHistoryRepository, 'ofConcerns'>;
  readonly areaContacts: Pick<AreaContactRepository, 'byIdentity'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
};

interface Seen {
  readonly concern: Concern;
  readonly coreGroup: Pick<CaseHeader, 'caseReference' | 'policyId'>;
  readonly who: { readonly id: string; readonly role: MemberRole };
}

/**
 * The concerns that came to the verified caller, newest first: in their groups, those they raised
 * or whose route has reached their role; as one of an area's contacts, those in the area's groups
 * that reached their role (nothing else of those cases). Audited as one listing.
 */
export async function concernsForMe(deps: ConcernsForMeDeps, caller: Caller): Promise<ConcernView[]> {
  const [memberships, contacts] = await Promise.all([deps.coreGroups.listMemberships(caller.tenantId, caller.aadObjectId), deps.areaContacts.byIdentity(caller.tenantId, caller.aadObjectId)]);
  const active = memberships.filter(({ member }) => member.active);
  const byGroup = await deps.concerns.listByCoreGroups(active.map(({ coreGroup }) => coreGroup.id));
  const seen: Seen[] = active.flatMap(({ coreGroup, member }) =>
    (byGroup.get(coreGroup.id) ?? []).filter((concern) => concern.raisedByMemberId === member.id || reached(concern, member.role)).map((concern) => ({ concern, coreGroup, who: member })),
  );
  const memberOf = new Set(active.map(({ coreGroup }) => coreGroup.id));
  for (const contact of contacts) {
    for (const concern of await deps.concerns.listInArea(caller.tenantId, contact.area)) {
      if (memberOf.has(concern.coreGroupId) || !reached(concern, contact.role) || seen.some((entry) => entry.concern.id === concern.id)) continue;
      const coreGroup = await deps.coreGroups.findById(concern.coreGroupId);
      if (coreGroup) seen.push({ concern, coreGroup, who: contact });
    }
  }
  await deps.auditLog.append({ at: deps.clock.nowIso(), tenantId: caller.tenantId, actor: caller.aadObjectId, action: 'list-concerns', outcome: 'allowed' });
  const histories = await deps.concernHistory.ofConcerns(seen.map(({ concern }) => concern.id));
  return seen
    .sort((a, b) => b.concern.raisedAt.localeCompare(a.concern.raisedAt))
    .map(({ concern, coreGroup, who }) => concernView(deps, { concern, coreGroup, who: { standing: standingOf(concern, who), role: who.role }, history: histories.get(concern.id) ?? [] }));
}
