import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database';

/**
 * E-mails filed to a core group from Outlook (issue 15): the message (subject, sender, when it
 * arrived, its text) as an agency's report for a review conference or a paper for a meeting, and
 * its PDF and Word attachments, their bytes kept in the database beside the rest of the record
 * (BLOB on SQLite, bytea on PostgreSQL) so a backup holds them too. The id is derived from the
 * message and where it was filed, so filing the same e-mail there again adds nothing.
 */
export function filedDocumentsSchema(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('filed_documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('core_group_id', 'text', (c) => c.notNull().references('core_groups.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('review_conference_id', 'text', (c) => c.references('review_conferences.id').onDelete('cascade'))
        .addColumn('meeting_id', 'text', (c) => c.references('meetings.id').onDelete('cascade'))
        .addColumn('agency', 'text')
        .addColumn('filed_by_member_id', 'text', (c) => c.notNull().references('members.id'))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('sender', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('filed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('filed_documents_by_core_group').on('filed_documents').column('core_group_id').execute();
      await db.schema.createIndex('filed_documents_by_review').on('filed_documents').column('review_conference_id').execute();
      await db.schema.createIndex('filed_documents_by_meeting').on('filed_documents').column('meeting_id').execute();
      await db.schema
        .createTable('filed_attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull().references('filed_documents.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('content', engine === 'postgres' ? sql`bytea` : 'blob', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('filed_attachments_by_document').on('filed_attachments').column('document_id').execute();
    },
  };
}
