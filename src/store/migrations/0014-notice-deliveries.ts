import type { Kysely } from 'kysely';

/**
 * How each notice reached each person (issue 14): a concern's notice by Teams or by e-mail, sent
 * or failed and why — kept per kind of notice and the thing it is about, so nothing fails silently.
 */
export const noticeDeliveriesSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('notice_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('notice_deliveries_by_subject').on('notice_deliveries').columns(['kind', 'subject_id']).execute();
  },
};
