import type { Kysely } from 'kysely';
import type { CivilDate } from '../domain/civil-date';
import type { AttachmentType, FiledDocument, FiledDocumentKind } from '../domain/filed-document';
import type { FiledDocumentRepository } from '../services/ports/store.port';
import type { Database, FiledAttachmentRow, FiledDocumentRow } from './schema';

type AttachmentHeader = Omit<FiledAttachmentRow, 'content'>;

function rowToDocument(row: FiledDocumentRow, attachments: readonly AttachmentHeader[]): FiledDocument {
  return {
    id: row.id,
    coreGroupId: row.core_group_id,
    kind: row.kind as FiledDocumentKind,
    reviewConferenceId: row.review_conference_id ?? undefined,
    meetingId: row.meeting_id ?? undefined,
    agency: row.agency ?? undefined,
    filedByMemberId: row.filed_by_member_id,
    subject: row.subject,
    sender: row.sender,
    receivedAt: row.received_at,
    body: row.body,
    filedAt: row.filed_at,
    attachments: attachments
      .filter((attachment) => attachment.document_id === row.id)
      .sort((a, b) => a.position - b.position)
      .map((attachment) => ({ id: attachment.id, name: attachment.name, type: attachment.type as AttachmentType, size: Number(attachment.size) })),
  };
}

const HEADER_COLUMNS = ['id', 'document_id', 'position', 'name', 'type', 'size'] as const;

/** E-mails filed from Outlook and their attachments, on Kysely (SQLite and PostgreSQL). */
export function createFiledDocumentRepository(db: Kysely<Database>): FiledDocumentRepository {
  const withAttachments = async (rows: readonly FiledDocumentRow[]) => {
    if (rows.length === 0) return [];
    const attachments = await db.selectFrom('filed_attachments').select(HEADER_COLUMNS).where('document_id', 'in', rows.map((row) => row.id)).execute();
    return rows.map((row) => rowToDocument(row, attachments));
  };

  return {
    async file(document, contents, agencyReportOn?: CivilDate) {
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('filed_documents')
          .values({
            id: document.id,
            core_group_id: document.coreGroupId,
            kind: document.kind,
            review_conference_id: document.reviewConferenceId ?? null,
            meeting_id: document.meetingId ?? null,
            agency: document.agency ?? null,
            filed_by_member_id: document.filedByMemberId,
            subject: document.subject,
            sender: document.sender,
            received_at: document.receivedAt,
            body: document.body,
            filed_at: document.filedAt,
          })
          .onConflict((conflict) => conflict.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) return 'unchanged' as const;
        for (const [position, attachment] of document.attachments.entries()) {
          await trx
            .insertInto('filed_attachments')
            .values({ id: attachment.id, document_id: document.id, position, name: attachment.name, type: attachment.type, size: attachment.size, content: contents[position]! })
            .execute();
        }
        if (document.kind === 'agency-report' && document.reviewConferenceId && document.agency && agencyReportOn) {
          await trx
            .insertInto('agency_reports')
            .values({ review_conference_id: document.reviewConferenceId, agency: document.agency, on_date: agencyReportOn.toString() })
            .onConflict((conflict) => conflict.columns(['review_conference_id', 'agency']).doNothing())
            .execute();
        }
        return 'changed' as const;
      });
    },
    async findById(id) {
      const row = await db.selectFrom('filed_documents').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? (await withAttachments([row]))[0] : undefined;
    },
    async listByReview(reviewConferenceId) {
      return withAttachments(await db.selectFrom('filed_documents').selectAll().where('review_conference_id', '=', reviewConferenceId).orderBy('filed_at').orderBy('id').execute());
    },
    async listByMeeting(meetingId) {
      return withAttachments(await db.selectFrom('filed_documents').selectAll().where('meeting_id', '=', meetingId).orderBy('filed_at').orderBy('id').execute());
    },
    async content(documentId, attachmentId) {
      const row = await db.selectFrom('filed_attachments').select('content').where('document_id', '=', documentId).where('id', '=', attachmentId).executeTakeFirst();
      return row ? new Uint8Array(row.content) : undefined;
    },
  };
}
