import { randomUUID } from 'node:crypto';
import type { CoreGroupMember } from '../domain/core-group';
import { InvalidInputError, NotFoundError } from '../domain/errors';
import { type Caller, authorise } from './authorise';
import { parseMemberLines } from './core-group-setup.service';
import type { Directory } from './ports/calendar.port';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CoreGroupRepository } from './ports/store.port';

/**
 * A core group's membership after set-up, changed by its lead social worker or team manager
 * (`manage-members`). Someone removed stays on the record, inactive: minutes, check-ins and the
 * audit log still name who they were.
 */
export function createCoreGroupMembersService(deps: {
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members' | 'addMember' | 'updateMember'>;
  directory: Pick<Directory, 'findUser'>;
  auditLog: Pick<AuditLog, 'append'>;
  clock: Clock;
}) {
  return {
    /** The group's members, active first, for someone who may manage them. */
    async list(request: { caller: Caller; coreGroupId: string }): Promise<CoreGroupMember[]> {
      await authorise(deps, { ...request, action: 'manage-members' });
      const members = await deps.coreGroups.members(request.coreGroupId);
      return [...members.filter((member) => member.active), ...members.filter((member) => !member.active)];
    },

    /**
     * Adds the people on `memberText` (the set-up form's lines: `role | agency | name | e-mail`).
     * Someone who was removed earlier comes back as the same member. Returns who was added.
     */
    async add(request: { caller: Caller; coreGroupId: string; memberText: string }): Promise<CoreGroupMember[]> {
      const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'manage-members' });
      const lines = parseMemberLines(request.memberText);
      if (lines.length === 0) throw new InvalidInputError('Write the member to add: role | agency | name | e-mail.');
      const existing = await deps.coreGroups.members(coreGroup.id);
      const added: CoreGroupMember[] = [];
      for (const line of lines) {
        const found = line.role === 'family-member' || line.role === 'child' ? undefined : await deps.directory.findUser(line.email);
        const before = existing.find((member) => (found && member.aadObjectId === found.id) || member.email === line.email);
        if (before?.active) throw new InvalidInputError(`${line.email} is already a member of this core group.`);
        const member: CoreGroupMember = { id: before?.id ?? randomUUID(), displayName: line.name, role: line.role, position: line.position, agency: line.agency, email: line.email, aadObjectId: found?.id, reach: found ? 'tenant' : 'email-only', active: true };
        if (before) await deps.coreGroups.updateMember(coreGroup.id, member);
        else await deps.coreGroups.addMember(coreGroup.id, member);
        added.push(member);
      }
      return added;
    },

    /** Makes a member inactive (never deleted). The last lead social worker cannot be removed: someone must hold the case. */
    async remove(request: { caller: Caller; coreGroupId: string; memberId: string }): Promise<CoreGroupMember> {
      const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'manage-members', targetId: request.memberId });
      const members = await deps.coreGroups.members(coreGroup.id);
      const target = members.find((member) => member.id === request.memberId && member.active);
      if (!target) throw new NotFoundError('That person is not an active member of this core group.');
      const leads = members.filter((member) => member.active && member.role === 'lead-social-worker');
      if (target.role === 'lead-social-worker' && leads.length === 1) throw new InvalidInputError('The group needs a lead social worker: add the new one before removing this one.');
      const removed = { ...target, active: false };
      await deps.coreGroups.updateMember(coreGroup.id, removed);
      return removed;
    },
  };
}

export type CoreGroupMembersService = ReturnType<typeof createCoreGroupMembersService>;
