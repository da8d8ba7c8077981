import type { Kysely } from 'kysely';
import { parseCivilDate } from '../domain/civil-date';
import { VersionConflictError, said } from '../domain/errors';
import type { ChildProtectionPlan, PlanAction, PlanChange } from '../domain/plan';
import type { PlanRepository, StoredPlanRevision } from '../services/ports/store.port';
import { isUniqueViolation, uniqueViolationOf } from './database';
import { rowsByKey } from './rows-by-key';
import type { Database, PlanVersionRow } from './schema';

type StoredAction = Omit<PlanAction, 'due' | 'agreedOn'> & { due: string; agreedOn: string };
interface StoredPlanContent {
  outcomes: ChildProtectionPlan['outcomes'];
  actions: StoredAction[];
  contingencyPlan: string;
  resources: string;
  /** Absent in versions written before the plan editor. */
  monitoring?: string;
}

function toPlanContent(plan: ChildProtectionPlan): string {
  const content: StoredPlanContent = {
    outcomes: plan.outcomes,
    actions: plan.actions.map((action) => ({ ...action, due: action.due.toString(), agreedOn: action.agreedOn.toString() })),
    contingencyPlan: plan.contingencyPlan,
    resources: plan.resources,
    monitoring: plan.monitoring,
  };
  return JSON.stringify(content);
}

function planVersionRowToPlan(row: PlanVersionRow): ChildProtectionPlan {
  const content = JSON.parse(row.content) as StoredPlanContent;
  return {
    coreGroupId: row.core_group_id,
    version: row.version,
    outcomes: content.outcomes,
    actions: content.actions.map((action) => ({ ...action, due: parseCivilDate(action.due), agreedOn: parseCivilDate(action.agreedOn) })),
    contingencyPlan: content.contingencyPlan,
    resources: content.resources,
    monitoring: content.monitoring ?? '',
  };
}

/** Plan versions on Kysely: each version a row, never updated; the newest is the plan. */
export function createPlanRepository(db: Kysely<Database>): PlanRepository {
  const currentOfEach: PlanRepository['currentOfEach'] = async (coreGroupIds) => {
    const grouped = await rowsByKey(
      coreGroupIds,
      (ids) =>
        db
          .selectFrom('plan_versions as plan')
          .selectAll()
          .where('plan.core_group_id', 'in', ids)
          .where('plan.version', '=', (query) => query.selectFrom('plan_versions as newer').select((newer) => newer.fn.max('newer.version').as('latest')).whereRef('newer.core_group_id', '=', 'plan.core_group_id'))
          .execute(),
      (row) => row.core_group_id,
    );
    return new Map([...grouped].flatMap(([id, [row]]) => (row ? [[id, planVersionRowToPlan(row)] as const] : [])));
  };
  return {
    async current(coreGroupId) {
      return (await currentOfEach([coreGroupId])).get(coreGroupId);
    },
    currentOfEach,
    async history(coreGroupId) {
      const rows = await db.selectFrom('plan_versions').selectAll().where('core_group_id', '=', coreGroupId).orderBy('version').execute();
      return rows.map(
        (row): StoredPlanRevision => ({
          plan: planVersionRowToPlan(row),
          authorMemberId: row.author_member_id,
          reason: row.reason,
          changes: JSON.parse(row.changes) as PlanChange[],
          createdAt: row.created_at,
        }),
      );
    },
    async saveRevision(revision, at) {
      const { plan } = revision;
      try {
        await db.transaction().execute(async (trx) => {
          const latest = await trx.selectFrom('plan_versions').select('version').where('core_group_id', '=', plan.coreGroupId).orderBy('version', 'desc').limit(1).executeTakeFirst();
          if (plan.version !== (latest?.version ?? 0) + 1) {
            throw new VersionConflictError('the plan was changed by someone else first; reload it and make your change again', { said: said('serviceRefusals.plan.changedFirst') });
          }
          await trx
            .insertInto('plan_versions')
            .values({
              core_group_id: plan.coreGroupId,
              version: plan.version,
              content: toPlanContent(plan),
              author_member_id: revision.authorMemberId,
              reason: revision.reason,
              changes: JSON.stringify(revision.changes),
              created_at: at,
            })
            .execute();
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new VersionConflictError('the plan was changed by someone else first; reload it and make your change again', { said: said('serviceRefusals.plan.changedFirst'), cause: error, internalMessage: `plan revision insert: ${uniqueViolationOf(error)}` });
        throw error;
      }
    },
  };
}
