import type { Kysely } from 'kysely';
import type { ConcernTransition, ConcernTransitionKind } from '../domain/concern-steps';
import type { ConcernHistoryRepository } from '../services/ports/store.port';
import { mapValues, rowsByKey } from './rows-by-key';
import type { ConcernHistoryRow, Database } from './schema';

/** The `facts` column's JSON (migration 0030 writes the same shape for the entries it converts). */
type StoredConcernFacts = Pick<ConcernTransition, 'notice' | 'workingDays' | 'bookedFor'>;

function historyRowToTransition(row: ConcernHistoryRow): ConcernTransition {
  const facts: StoredConcernFacts = row.facts ? (JSON.parse(row.facts) as StoredConcernFacts) : {};
  return {
    id: row.id,
    concernId: row.concern_id,
    step: row.step,
    kind: row.kind as ConcernTransitionKind,
    actorId: row.actor_id ?? undefined,
    actorName: row.actor_name ?? undefined,
    text: row.text ?? undefined,
    notice: facts.notice,
    workingDays: facts.workingDays,
    bookedFor: facts.bookedFor,
    detail: row.detail ?? undefined,
    at: row.at,
  };
}

/** The facts column of a transition: null when it has none. */
function factsOf(transition: ConcernTransition): string | null {
  const facts: StoredConcernFacts = { notice: transition.notice, workingDays: transition.workingDays, bookedFor: transition.bookedFor };
  return Object.values(facts).some((value) => value !== undefined) ? JSON.stringify(facts) : null;
}

/** Concern histories on Kysely: a transition is kept once per id, so a retried request or job adds nothing. */
export function createConcernHistoryRepository(db: Kysely<Database>): ConcernHistoryRepository {
  return {
    async record(transition) {
      const inserted = await db
        .insertInto('concern_history')
        .values({
          id: transition.id,
          concern_id: transition.concernId,
          step: transition.step,
          kind: transition.kind,
          actor_id: transition.actorId ?? null,
          actor_name: transition.actorName ?? null,
          text: transition.text ?? null,
          detail: transition.detail ?? null,
          facts: factsOf(transition),
          at: transition.at,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return { created: inserted !== undefined };
    },
    async find(id) {
      const row = await db.selectFrom('concern_history').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? historyRowToTransition(row) : undefined;
    },
    async ofConcerns(concernIds) {
      const grouped = await rowsByKey(concernIds, (ids) => db.selectFrom('concern_history').selectAll().where('concern_id', 'in', ids).orderBy('at').orderBy('step').execute(), (row) => row.concern_id);
      return mapValues(grouped, (rows) => rows.map(historyRowToTransition));
    },
  };
}
