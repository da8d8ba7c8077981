import type { Kysely } from 'kysely';
import { parseCivilDate } from '../domain/civil-date';
import { NotFoundError, said } from '../domain/errors';
import type { InstitutionKind, InstitutionTask } from '../domain/institution-task';
import type { InstitutionTaskRepository } from '../services/ports/store.port';
import { mapValues, rowsByKey } from './rows-by-key';
import type { Database, InstitutionTaskRow } from './schema';

function institutionTaskRowToTask(row: InstitutionTaskRow): InstitutionTask {
  return {
    id: row.id,
    coreGroupId: row.core_group_id,
    person: row.person,
    kind: row.kind as InstitutionKind,
    institution: row.institution,
    recordedByMemberId: row.recorded_by_member_id,
    recordedAt: row.recorded_at,
    letterSentOn: row.letter_sent_on ? parseCivilDate(row.letter_sent_on) : undefined,
    doneByMemberId: row.done_by_member_id ?? undefined,
  };
}

/** People in institutions and the co-ordinator's letters, on Kysely (SQLite and PostgreSQL). */
export function createInstitutionTaskRepository(db: Kysely<Database>): InstitutionTaskRepository {
  const findById = async (id: string) => {
    const row = await db.selectFrom('institution_tasks').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? institutionTaskRowToTask(row) : undefined;
  };
  return {
    async record(task) {
      const inserted = await db
        .insertInto('institution_tasks')
        .values({
          id: task.id,
          core_group_id: task.coreGroupId,
          person: task.person,
          kind: task.kind,
          institution: task.institution,
          recorded_by_member_id: task.recordedByMemberId,
          recorded_at: task.recordedAt,
          letter_sent_on: null,
          done_by_member_id: null,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { task: institutionTaskRowToTask(inserted), created: true };
      return { task: (await findById(task.id))!, created: false };
    },
    findById,
    async listByCoreGroups(coreGroupIds) {
      const grouped = await rowsByKey(coreGroupIds, (ids) => db.selectFrom('institution_tasks').selectAll().where('core_group_id', 'in', ids).orderBy('recorded_at').orderBy('id').execute(), (row) => row.core_group_id);
      return mapValues(grouped, (rows) => rows.map(institutionTaskRowToTask));
    },
    async markLetterSent(task) {
      const result = await db
        .updateTable('institution_tasks')
        .set({ letter_sent_on: task.letterSentOn?.toString() ?? null, done_by_member_id: task.doneByMemberId ?? null })
        .where('id', '=', task.id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('that task does not exist', { said: said('serviceRefusals.institutions.taskGone') });
    },
  };
}
