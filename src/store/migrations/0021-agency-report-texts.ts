import type { Kysely } from 'kysely';

/**
 * The written reports agencies write for a review conference (issue 15): one per member and
 * review conference, a draft (its Signs of Safety content as JSON) until submitted. The day it is
 * submitted is also written to `agency_reports`, which the `agency-report` obligation reads.
 */
export const agencyReportTextsSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('agency_report_texts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('core_group_id', 'text', (c) => c.notNull().references('core_groups.id').onDelete('cascade'))
      .addColumn('review_conference_id', 'text', (c) => c.notNull().references('review_conferences.id').onDelete('cascade'))
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addUniqueConstraint('agency_report_texts_one_per_member', ['review_conference_id', 'member_id'])
      .execute();
    await db.schema.createIndex('agency_report_texts_by_core_group').on('agency_report_texts').column('core_group_id').execute();
  },
};
