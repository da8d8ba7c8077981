import type { CaseHeader, CaseloadMember, CoreGroup, CoreGroupMember } from '../domain/core-group';
import { ForbiddenError, NotFoundError, said } from '../domain/errors';
import { type CaseAction, type MeetingRole, can } from '../domain/permissions';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CoreGroupRepository } from './ports/store.port';

/** Who is asking, as established from a verified token or activity — never from a request body. */
export interface Caller {
  readonly tenantId: string;
  readonly aadObjectId: string;
}

/**
 * Checks that the caller is an active member of the core group whose role allows the action,
 * and audits the decision either way (who, what, which case, when — never the data). A core
 * group in another tenant, or one the caller is not an active member of, is reported as not
 * found, so its existence does not leak; a member whose role does not allow the action (they know
 * the group) is told so.
 */
export async function authorise<Group extends CaseHeader = CoreGroup, Member extends CaseloadMember = CoreGroupMember>(
  deps: { coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember'>; auditLog: Pick<AuditLog, 'append'>; clock: Clock },
  request: {
    caller: Caller;
    coreGroupId: string;
    action: CaseAction;
    meetingRoles?: readonly MeetingRole[];
    /** What the group decided to share with the family and the child (seed 002), when the action depends on it. */
    sharing?: { readonly withFamily: boolean; readonly withChild: boolean } | undefined;
    targetId?: string;
    /** What the caller's service already read in this request (the group, the caller's membership), so it is not read again. */
    known?: { coreGroup?: Group | undefined; member?: Member | undefined };
  },
): Promise<{ coreGroup: Group | CoreGroup; member: Member | CoreGroupMember }> {
  const { caller, coreGroupId, action } = request;
  const audit = (outcome: 'allowed' | 'denied') =>
    deps.auditLog.append({ at: deps.clock.nowIso(), tenantId: caller.tenantId, actor: caller.aadObjectId, action, coreGroupId, targetId: request.targetId, outcome });
  const known = request.known;
  const notFound = () => new NotFoundError('That core group does not exist or you are not a member of it.', { said: said('serviceRefusals.access.coreGroupNotFound') });
  const coreGroup = known?.coreGroup?.id === coreGroupId ? known.coreGroup : await deps.coreGroups.findById(coreGroupId);
  if (!coreGroup || coreGroup.tenantId !== caller.tenantId) {
    await audit('denied');
    throw notFound();
  }
  const member = known?.member?.aadObjectId === caller.aadObjectId ? known.member : await deps.coreGroups.findMember(coreGroupId, caller.aadObjectId);
  if (!member?.active) {
    await audit('denied');
    throw notFound();
  }
  if (!can({ role: member.role, meetingRoles: request.meetingRoles, sharedWithFamily: request.sharing?.withFamily, sharedWithChild: request.sharing?.withChild }, action)) {
    await audit('denied');
    throw new ForbiddenError('Your role in this core group does not allow that.', { said: said('refusals.byCode.forbidden') });
  }
  await audit('allowed');
  return { coreGroup, member };
}
