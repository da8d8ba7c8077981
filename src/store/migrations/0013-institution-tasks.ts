import type { Kysely } from 'kysely';

/**
 * A parent, relative or other relevant person in an institution (seed 001), recorded by the lead
 * social worker, and the co-ordinator's task to write to the head of the institution: done once
 * the letter's date is recorded. The id derives from the group, the person and the institution, so
 * recording the same again writes nothing.
 */
export const institutionTasksSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('institution_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('core_group_id', 'text', (c) => c.notNull().references('core_groups.id').onDelete('cascade'))
      .addColumn('person', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('institution', 'text', (c) => c.notNull())
      .addColumn('recorded_by_member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('letter_sent_on', 'text')
      .addColumn('done_by_member_id', 'text', (c) => c.references('members.id'))
      .execute();
    await db.schema.createIndex('institution_tasks_by_core_group').on('institution_tasks').column('core_group_id').execute();
  },
};
