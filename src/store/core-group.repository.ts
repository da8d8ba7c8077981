import type { Kysely, Selectable } from 'kysely';
import { type CivilDate, parseCivilDate } from '../domain/civil-date';
import { AlreadyExistsError, NotFoundError, said } from '../domain/errors';
import type { CaseHeader, CoreGroup, CoreGroupMember, MemberReach, MemberRole } from '../domain/core-group';
import type { MemberPosition } from '../domain/member-position';
import type { CoreGroupRepository } from '../services/ports/store.port';
import { isUniqueViolation, uniqueViolationOf } from './database';
import { mapValues, rowsByKey } from './rows-by-key';
import type { CoreGroupRow, Database, MemberRow } from './schema';

function coreGroupRowToCoreGroup(row: Selectable<CoreGroupRow>): CoreGroup {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    caseReference: row.case_reference,
    childName: row.child_name,
    policyId: row.policy_id,
    icpcDate: parseCivilDate(row.icpc_date),
    transferredInFrom: row.transferred_in_from ?? undefined,
    planEndedOn: row.plan_ended_on ? parseCivilDate(row.plan_ended_on) : undefined,
    createdAt: row.created_at,
  };
}

/** Every column of a member row, for reading one beside its group's. */
function memberRowToMember(row: MemberRow): CoreGroupMember {
  return {
    id: row.id,
    displayName: row.display_name,
    role: row.role as MemberRole,
    position: (row.position ?? undefined) as MemberPosition | undefined,
    agency: row.agency,
    email: row.email ?? undefined,
    aadObjectId: row.aad_object_id ?? undefined,
    reach: row.reach as MemberReach,
    agencyManagerEmail: row.agency_manager_email ?? undefined,
    active: row.active === 1,
  };
}

function toMemberRow(coreGroupId: string, member: CoreGroupMember): MemberRow {
  return {
    id: member.id,
    core_group_id: coreGroupId,
    display_name: member.displayName,
    role: member.role,
    position: member.position ?? null,
    agency: member.agency,
    email: member.email ?? null,
    aad_object_id: member.aadObjectId ?? null,
    reach: member.reach,
    agency_manager_email: member.agencyManagerEmail ?? null,
    active: member.active ? 1 : 0,
  };
}

function caseHeaderOf(tenantId: string, row: Pick<Selectable<CoreGroupRow>, 'id' | 'case_reference' | 'policy_id' | 'icpc_date' | 'transferred_in_from' | 'plan_ended_on'>): CaseHeader {
  return {
    id: row.id,
    tenantId,
    caseReference: row.case_reference,
    policyId: row.policy_id,
    icpcDate: parseCivilDate(row.icpc_date),
    transferredInFrom: row.transferred_in_from ?? undefined,
    planEndedOn: row.plan_ended_on ? parseCivilDate(row.plan_ended_on) : undefined,
  };
}

/** Runs a write on members, reporting a second membership of the same person as AlreadyExistsError. */
async function asMember<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AlreadyExistsError('that person is already a member of this core group', { said: said('serviceRefusals.members.alreadyMember'), cause: error, internalMessage: `member write: ${uniqueViolationOf(error)}` });
    throw error;
  }
}

/**
 * Core groups and members on Kysely. A case reference is unique per tenant and a person is a
 * member of a core group once; the database enforces both and they surface as AlreadyExistsError.
 */
export function createCoreGroupRepository(db: Kysely<Database>): CoreGroupRepository {
  const listForMember: CoreGroupRepository['listForMember'] = async (tenantId, aadObjectId) => {
    const rows = await db
      .selectFrom('core_groups')
      .innerJoin('members', 'members.core_group_id', 'core_groups.id')
      .selectAll('core_groups')
      .where('core_groups.tenant_id', '=', tenantId)
      .where('members.aad_object_id', '=', aadObjectId)
      .where('members.active', '=', 1)
      .orderBy('core_groups.icpc_date')
      .execute();
    return rows.map(coreGroupRowToCoreGroup);
  };
  /**
   * A person's active memberships with their groups' headers, in ICPC order: only what a caseload
   * view judges and shows (never the child's name), and not the tenant, the person or "active",
   * which are what was asked for — 150 rows on every team manager's `/coregroup status`.
   */
  const activeMemberships = (tenantId: string, aadObjectId: string) =>
    db
      .selectFrom('core_groups')
      .innerJoin('members', 'members.core_group_id', 'core_groups.id')
      .select(['core_groups.id', 'core_groups.case_reference', 'core_groups.policy_id', 'core_groups.icpc_date', 'core_groups.transferred_in_from', 'core_groups.plan_ended_on', 'core_groups.revision', 'members.id as member_id', 'members.role as member_role'])
      .where('core_groups.tenant_id', '=', tenantId)
      .where('members.aad_object_id', '=', aadObjectId)
      .where('members.active', '=', 1)
      .orderBy('core_groups.icpc_date');
  const membersOfEach: CoreGroupRepository['membersOfEach'] = async (coreGroupIds) => {
    const grouped = await rowsByKey(coreGroupIds, (ids) => db.selectFrom('members').selectAll().where('core_group_id', 'in', ids).orderBy('id').execute(), (row) => row.core_group_id);
    return mapValues(grouped, (rows) => rows.map(memberRowToMember));
  };
  return {
    async create(coreGroup, members) {
      try {
        await db.transaction().execute(async (trx) => {
          const taken = await trx.selectFrom('core_groups').select('id').where('tenant_id', '=', coreGroup.tenantId).where('case_reference', '=', coreGroup.caseReference).executeTakeFirst();
          if (taken) throw new AlreadyExistsError(`a core group with case reference ${coreGroup.caseReference} already exists`, { said: said('serviceRefusals.setup.caseReferenceTaken', { caseReference: coreGroup.caseReference }) });
          await trx
            .insertInto('core_groups')
            .values({
              id: coreGroup.id,
              tenant_id: coreGroup.tenantId,
              case_reference: coreGroup.caseReference,
              child_name: coreGroup.childName,
              policy_id: coreGroup.policyId,
              icpc_date: coreGroup.icpcDate.toString(),
              transferred_in_from: coreGroup.transferredInFrom ?? null,
              plan_ended_on: coreGroup.planEndedOn?.toString() ?? null,
              created_at: coreGroup.createdAt,
            })
            .execute();
          if (members.length > 0) await trx.insertInto('members').values(members.map((member) => toMemberRow(coreGroup.id, member))).execute();
        });
      } catch (error) {
        // Two instances creating the same case at once: the unique constraint decides, not the check above.
        if (isUniqueViolation(error)) throw new AlreadyExistsError('this core group, or one of its members, already exists', { said: said('serviceRefusals.setup.alreadyExists'), cause: error, internalMessage: `core group insert: ${uniqueViolationOf(error)}` });
        throw error;
      }
    },
    async findById(id) {
      const row = await db.selectFrom('core_groups').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? coreGroupRowToCoreGroup(row) : undefined;
    },
    listForMember,
    async listMemberships(tenantId, aadObjectId) {
      const rows = await activeMemberships(tenantId, aadObjectId)
        .select(['members.display_name', 'members.position', 'members.agency', 'members.email', 'members.reach', 'members.agency_manager_email'])
        .execute();
      return rows.map((row) => {
        const member: CoreGroupMember = {
          id: row.member_id,
          displayName: row.display_name,
          role: row.member_role as MemberRole,
          position: (row.position ?? undefined) as MemberPosition | undefined,
          agency: row.agency,
          email: row.email ?? undefined,
          aadObjectId,
          reach: row.reach as MemberReach,
          agencyManagerEmail: row.agency_manager_email ?? undefined,
          active: true,
        };
        return { coreGroup: caseHeaderOf(tenantId, row), member, revision: String(row.revision) };
      });
    },
    async listCaseload(tenantId, aadObjectId) {
      const rows = await activeMemberships(tenantId, aadObjectId).execute();
      return rows.map((row) => ({ coreGroup: caseHeaderOf(tenantId, row), member: { id: row.member_id, role: row.member_role as MemberRole, active: true, aadObjectId }, revision: String(row.revision) }));
    },
    async policiesInUse() {
      const rows = await db.selectFrom('core_groups').select('policy_id').distinct().where('plan_ended_on', 'is', null).orderBy('policy_id').execute();
      return rows.map((row) => row.policy_id);
    },
    async listIds({ after, limit }) {
      let query = db.selectFrom('core_groups').select('id').orderBy('id').limit(limit);
      if (after) query = query.where('id', '>', after);
      return (await query.execute()).map((row) => row.id);
    },
    async members(coreGroupId) {
      return (await membersOfEach([coreGroupId])).get(coreGroupId) ?? [];
    },
    membersOfEach,
    async findMember(coreGroupId, aadObjectId) {
      const row = await db.selectFrom('members').selectAll().where('core_group_id', '=', coreGroupId).where('aad_object_id', '=', aadObjectId).executeTakeFirst();
      return row ? memberRowToMember(row) : undefined;
    },
    async addMember(coreGroupId, member) {
      await asMember(() => db.insertInto('members').values(toMemberRow(coreGroupId, member)).execute());
    },
    async updateMember(coreGroupId, member) {
      const { id: _id, core_group_id: _coreGroupId, ...changes } = toMemberRow(coreGroupId, member);
      const result = await asMember(() => db.updateTable('members').set(changes).where('id', '=', member.id).where('core_group_id', '=', coreGroupId).executeTakeFirst());
      if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('that member is not in this core group', { said: said('serviceRefusals.members.memberGone') });
    },
    async transferredTo(coreGroupId: string) {
      const row = await db.selectFrom('core_groups').select('transferred_to').where('id', '=', coreGroupId).executeTakeFirst();
      return row?.transferred_to ?? undefined;
    },
    async endPlan(coreGroupId: string, on: CivilDate, transferredTo?: string) {
      const result = await db
        .updateTable('core_groups')
        .set({ plan_ended_on: on.toString(), ...(transferredTo === undefined ? {} : { transferred_to: transferredTo }) })
        .where('id', '=', coreGroupId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('that core group does not exist', { said: said('serviceRefusals.access.coreGroupGone') });
    },
  };
}
