import { can } from '../../domain/permissions';
import type { Caller } from '../authorise';
import type { SchedulingDeps } from './scheduling-deps';

/** The caller's core groups whose meetings they may schedule (what `/coregroup schedule` offers). */
export async function schedulableFor(deps: Pick<SchedulingDeps, 'coreGroups'>, caller: Caller): Promise<{ id: string; caseReference: string }[]> {
  const groups = await deps.coreGroups.listForMember(caller.tenantId, caller.aadObjectId);
  const result: { id: string; caseReference: string }[] = [];
  for (const group of groups) {
    const member = await deps.coreGroups.findMember(group.id, caller.aadObjectId);
    if (member?.active && can({ role: member.role }, 'schedule-meeting')) result.push({ id: group.id, caseReference: group.caseReference });
  }
  return result;
}
