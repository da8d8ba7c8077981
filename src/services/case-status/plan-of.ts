import { currentActions } from '../../domain/plan';
import { type Caller, authorise } from '../authorise';
import type { StatusDeps } from './status-of';

/** The current plan of one core group, with owners' names and each action's latest check-in. */
export async function planOf(deps: StatusDeps, request: { caller: Caller; coreGroupId: string }) {
  const { coreGroupId } = request;
  const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId, action: 'view-plan' });
  const [plan, checkIns, members] = await Promise.all([deps.plans.current(coreGroupId), deps.checkIns.listByCoreGroup(coreGroupId), deps.coreGroups.members(coreGroupId)]);
  const names = new Map(members.map((member) => [member.id, `${member.displayName} (${member.agency})`]));
  return { caseReference: coreGroup.caseReference, plan, actions: currentActions(plan?.actions ?? [], checkIns), names };
}
