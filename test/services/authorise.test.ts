import { authorise } from '../../src/services/authorise';
import type { AuditEntry } from '../../src/services/ports/store.port';
import { TENANT, aCoreGroup } from '../support/fixtures';
import { rejectionOf } from '../support/rejection';

/** A store that counts its reads, so a test can see what `known` saves and what it never trusts. */
function fakeDeps(group: ReturnType<typeof aCoreGroup>) {
  const reads: string[] = [];
  const audit: AuditEntry[] = [];
  return {
    reads,
    audit,
    deps: {
      coreGroups: {
        findById: async (id: string) => (reads.push('findById'), id === group.coreGroup.id ? group.coreGroup : undefined),
        findMember: async (_id: string, aad: string) => (reads.push('findMember'), group.members.find((member) => member.aadObjectId === aad)),
      },
      auditLog: { append: async (entry: AuditEntry) => void audit.push(entry) },
      clock: { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => group.coreGroup.icpcDate },
    },
  };
}

describe('authorise', () => {
  test('what the service already read is used instead of reading it again, and the decision is audited', async () => {
    const group = aCoreGroup();
    const { deps, reads, audit } = fakeDeps(group);
    const caller = { tenantId: TENANT, aadObjectId: group.lead.aadObjectId! };
    await authorise(deps, { caller, coreGroupId: group.coreGroup.id, action: 'view-compliance', known: { coreGroup: group.coreGroup, member: group.lead } });
    expect(reads).toEqual([]);
    expect(audit).toEqual([expect.objectContaining({ actor: caller.aadObjectId, action: 'view-compliance', outcome: 'allowed' })]);
  });

  test('a known membership of someone else is never taken for the caller’s', async () => {
    const group = aCoreGroup();
    const { deps, reads } = fakeDeps(group);
    const caller = { tenantId: TENANT, aadObjectId: group.teacher.aadObjectId! };
    const refused = await rejectionOf(authorise(deps, { caller, coreGroupId: group.coreGroup.id, action: 'edit-plan', known: { coreGroup: group.coreGroup, member: group.lead } }));
    expect(refused).toBe('Your role in this core group does not allow that.');
    expect(reads).toEqual(['findMember']);
  });

  test('a caller who is not an active member is told what a core group that does not exist is told; the refusal is audited', async () => {
    const group = aCoreGroup();
    const { deps, audit } = fakeDeps(group);
    const stranger = { tenantId: TENANT, aadObjectId: '99999999-0000-4000-8000-000000000000' };
    const missing = await rejectionOf(authorise(deps, { caller: stranger, coreGroupId: '99999999-0000-4000-8000-000000000001', action: 'view-case' }));
    expect(await rejectionOf(authorise(deps, { caller: stranger, coreGroupId: group.coreGroup.id, action: 'view-case' }))).toBe(missing);
    const left = { ...group.teacher, active: false };
    expect(await rejectionOf(authorise(deps, { caller: { tenantId: TENANT, aadObjectId: left.aadObjectId! }, coreGroupId: group.coreGroup.id, action: 'view-case', known: { member: left } }))).toBe(missing);
    expect(audit.map((entry) => entry.outcome)).toEqual(['denied', 'denied', 'denied']);
  });

  test('a known core group in another tenant is still not found', async () => {
    const group = aCoreGroup({ tenantId: '99999999-9999-4999-8999-999999999999' });
    const { deps } = fakeDeps(group);
    const caller = { tenantId: TENANT, aadObjectId: group.lead.aadObjectId! };
    expect(await rejectionOf(authorise(deps, { caller, coreGroupId: group.coreGroup.id, action: 'view-case', known: { coreGroup: group.coreGroup, member: group.lead } }))).toBe('That core group does not exist or you are not a member of it.');
  });
});
