import { randomUUID } from 'node:crypto';
import type { CoreGroupMember } from '../domain/core-group';
import { InvalidInputError, NotFoundError, said } from '../domain/errors';
import { type Caller, authorise } from './authorise';
import { parseMemberLines } from './core-group-setup.service';
import type { Directory } from './ports/calendar.port';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CoreGroupRepository, JobQueue } from './ports/store.port';
import { MEMBER_WELCOME_JOB, type MemberWelcomeJob } from '../contracts/jobs.contract';
import { uuidFromKey } from './deterministic-id';
import { memberIdentity } from './member-identity';
import { queueAppInstall } from './app-installs.service';

/** What an add did: who joined (each is welcomed), and who on the lines was a member already. */
export interface MembersAdded {
  readonly added: readonly CoreGroupMember[];
  readonly alreadyMembers: readonly CoreGroupMember[];
}

/**
 * A core group's membership after set-up, changed by its lead social worker or team manager
 * (`manage-members`). Someone removed stays on the record, inactive: minutes, check-ins and the
 * audit log still name who they were. Both changes can be pressed again (Teams retries a card
 * action): someone already a member is reported, not added twice, and removing someone already
 * removed changes nothing. Everyone added is welcomed by a durable job, once per joining, and the
 * app is installed for them by another (so the bot can reach them 1:1).
 */
export function createCoreGroupMembersService(deps: {
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members' | 'addMember' | 'updateMember'>;
  directory: Pick<Directory, 'findUser' | 'findGuest'>;
  auditLog: Pick<AuditLog, 'append'>;
  jobs: Pick<JobQueue, 'enqueue'>;
  clock: Clock;
}) {
  const welcome = async (coreGroup: { id: string; tenantId: string }, member: CoreGroupMember, joinedAt: string) => {
    const key = `member-welcome:${coreGroup.id}:${member.id}:${joinedAt}`;
    const payload: MemberWelcomeJob = { tenantId: coreGroup.tenantId, coreGroupId: coreGroup.id, memberId: member.id };
    await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: MEMBER_WELCOME_JOB, payload, runAt: joinedAt, idempotencyKey: key, at: joinedAt });
  };
  return {
    /** The group (its case reference) and its members, active first, for someone who may manage them. */
    async list(request: { caller: Caller; coreGroupId: string }): Promise<{ caseReference: string; members: CoreGroupMember[] }> {
      const { coreGroup } = await authorise(deps, { ...request, action: 'manage-members' });
      const members = await deps.coreGroups.members(request.coreGroupId);
      return { caseReference: coreGroup.caseReference, members: [...members.filter((member) => member.active), ...members.filter((member) => !member.active)] };
    },

    /**
     * Adds the people on `memberText` (the set-up form's lines: `role | agency | name | e-mail`).
     * Someone who was removed earlier comes back as the same member; someone active already is
     * reported, not added again.
     */
    async add(request: { caller: Caller; coreGroupId: string; memberText: string }): Promise<MembersAdded> {
      const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'manage-members' });
      const lines = parseMemberLines(request.memberText);
      if (lines.length === 0) throw new InvalidInputError('Write the member to add: role | agency | name | e-mail.', { said: said('serviceRefusals.members.writeMember') });
      const existing = await deps.coreGroups.members(coreGroup.id);
      const added: CoreGroupMember[] = [];
      const alreadyMembers: CoreGroupMember[] = [];
      const joinedAt = deps.clock.nowIso();
      for (const line of lines) {
        const identity = await memberIdentity(deps.directory, line);
        const before = existing.find((member) => (identity.aadObjectId && member.aadObjectId === identity.aadObjectId) || member.email === line.email);
        if (before?.active) {
          // Invited to Teams as a guest since they were added: from now on their Teams identity is trusted for them.
          if (identity.aadObjectId && !before.aadObjectId) await deps.coreGroups.updateMember(coreGroup.id, { ...before, ...identity });
          alreadyMembers.push(before);
          continue;
        }
        const member: CoreGroupMember = { id: before?.id ?? randomUUID(), displayName: line.name, role: line.role, position: line.position, agency: line.agency, email: line.email, ...identity, active: true };
        if (before) await deps.coreGroups.updateMember(coreGroup.id, member);
        else await deps.coreGroups.addMember(coreGroup.id, member);
        await welcome(coreGroup, member, joinedAt);
        await queueAppInstall(deps.jobs, { coreGroup, member, joinedAt });
        added.push(member);
      }
      return { added, alreadyMembers };
    },

    /** Makes a member inactive (never deleted; again is a no-op). The last lead social worker cannot be removed: someone must hold the case. */
    async remove(request: { caller: Caller; coreGroupId: string; memberId: string }): Promise<CoreGroupMember> {
      const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'manage-members', targetId: request.memberId });
      const members = await deps.coreGroups.members(coreGroup.id);
      const target = members.find((member) => member.id === request.memberId);
      if (!target) throw new NotFoundError('That person is not a member of this core group.', { said: said('serviceRefusals.members.notMember') });
      if (!target.active) return target;
      const leads = members.filter((member) => member.active && member.role === 'lead-social-worker');
      if (target.role === 'lead-social-worker' && leads.length === 1) throw new InvalidInputError('The group needs a lead social worker: add the new one before removing this one.', { said: said('serviceRefusals.members.lastLead') });
      const removed = { ...target, active: false };
      await deps.coreGroups.updateMember(coreGroup.id, removed);
      return removed;
    },
  };
}

export type CoreGroupMembersService = ReturnType<typeof createCoreGroupMembersService>;
