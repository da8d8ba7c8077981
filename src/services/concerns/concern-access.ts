import { type AreaContact, type ConcernStanding } from '../../domain/concern-steps';
import type { CoreGroup, CoreGroupMember, MemberRole } from '../../domain/core-group';
import { ForbiddenError, NotFoundError, said } from '../../domain/errors';
import { recipientsAtStep } from '../../domain/escalation';
import { can } from '../../domain/permissions';
import type { Caller } from '../authorise';
import type { Clock } from '../ports/clock.port';
import type { AreaContactRepository, AuditLog, Concern, ConcernRepository, CoreGroupRepository } from '../ports/store.port';

/** What deciding who may see or act on a concern reads. */
export interface ConcernAccessDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember'>;
  readonly concerns: Pick<ConcernRepository, 'find'>;
  readonly areaContacts: Pick<AreaContactRepository, 'byIdentity'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
}

/** Who the caller is to one concern: a member of its group, or one of its area's contacts. */
export interface ConcernAccess {
  readonly concern: Concern;
  readonly coreGroup: CoreGroup;
  readonly actor: { readonly id: string; readonly name: string; readonly role: MemberRole; readonly via: 'member' | 'area-contact' };
  readonly standing: ConcernStanding;
}

/** Whether a step up to the concern's current one named this role: the concern has reached them. */
export function reached(concern: Concern, role: MemberRole): boolean {
  for (let step = 0; step <= concern.step; step += 1) if (recipientsAtStep(concern.kind, step).includes(role)) return true;
  return false;
}

/** The caller's standing at a concern: one of its current step's people (not the raiser), the raiser, or neither. */
export function standingOf(concern: Concern, person: { id: string; role: MemberRole }): ConcernStanding {
  if (recipientsAtStep(concern.kind, concern.step).includes(person.role) && person.id !== concern.raisedByMemberId) return 'step';
  return person.id === concern.raisedByMemberId ? 'raiser' : 'neither';
}

/** An area contact of the group's area (its policy profile) in this tenant whom the concern has reached. */
function contactReached(contacts: readonly AreaContact[], coreGroup: CoreGroup, concern: Concern): AreaContact | undefined {
  const ofArea = contacts.filter((contact) => contact.area === coreGroup.policyId);
  return ofArea.find((contact) => recipientsAtStep(concern.kind, concern.step).includes(contact.role)) ?? ofArea.find((contact) => reached(concern, contact.role));
}

/**
 * Who the verified caller is to a concern, audited either way. A member of its group sees it when
 * they raised it, a step of its route has named their role, or they watch the group's attention
 * (lead social worker, team manager, conference chair); another member is refused (they know the
 * group). One of the area's contacts (conference chair / IRO, co-ordinator) sees only the
 * concerns that reached their role — never anything else of the case. Anyone else, or another
 * tenant's, is told it does not exist.
 */
export async function concernAccess(deps: ConcernAccessDeps, request: { caller: Caller; concernId: string; action: string }): Promise<ConcernAccess> {
  const { caller } = request;
  const audit = (outcome: 'allowed' | 'denied', coreGroupId?: string) =>
    deps.auditLog.append({ at: deps.clock.nowIso(), tenantId: caller.tenantId, actor: caller.aadObjectId, action: request.action, coreGroupId, targetId: request.concernId, outcome });
  const notFound = async (coreGroupId?: string) => {
    await audit('denied', coreGroupId);
    return new NotFoundError('That concern does not exist or it has not come to you.', { said: said('serviceRefusals.concerns.notFound') });
  };
  const concern = await deps.concerns.find(request.concernId);
  const coreGroup = concern ? await deps.coreGroups.findById(concern.coreGroupId) : undefined;
  if (!concern || !coreGroup || coreGroup.tenantId !== caller.tenantId) throw await notFound();
  const member: CoreGroupMember | undefined = await deps.coreGroups.findMember(coreGroup.id, caller.aadObjectId);
  if (member?.active) {
    const standing = standingOf(concern, member);
    if (standing === 'neither' && !reached(concern, member.role) && !can({ role: member.role }, 'view-group-attention')) {
      await audit('denied', coreGroup.id);
      throw new ForbiddenError('Your role in this core group does not allow that.', { said: said('refusals.byCode.forbidden') });
    }
    await audit('allowed', coreGroup.id);
    return { concern, coreGroup, actor: { id: member.id, name: member.displayName, role: member.role, via: 'member' }, standing };
  }
  const contact = contactReached(await deps.areaContacts.byIdentity(caller.tenantId, caller.aadObjectId), coreGroup, concern);
  if (!contact) throw await notFound(coreGroup.id);
  await audit('allowed', coreGroup.id);
  return { concern, coreGroup, actor: { id: contact.id, name: contact.name, role: contact.role, via: 'area-contact' }, standing: standingOf(concern, contact) };
}
