import type { Kysely } from 'kysely';
import type { AgencyReport, AgencyReportContent } from '../domain/agency-report';
import type { CivilDate } from '../domain/civil-date';
import { VersionConflictError, said } from '../domain/errors';
import type { AgencyReportRepository } from '../services/ports/store.port';
import type { AgencyReportTextRow, Database } from './schema';

/** The content as stored: the scaling absent (not null) until the author scales. */
type StoredContent = Omit<AgencyReportContent, 'scaling'> & { scaling?: number };

function rowToReport(row: AgencyReportTextRow): AgencyReport {
  const stored = JSON.parse(row.content) as StoredContent;
  return {
    id: row.id,
    coreGroupId: row.core_group_id,
    reviewConferenceId: row.review_conference_id,
    memberId: row.member_id,
    agency: row.agency,
    version: row.version,
    content: { ...stored, scaling: stored.scaling ?? undefined },
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at ?? undefined,
  };
}

const contentText = (content: AgencyReportContent) => JSON.stringify(content);

const CONFLICT = 'The report was saved elsewhere since you opened it (another tab or device). Reload it to see the latest, then make your change again.';

/** Agencies' written reports for review conferences, on Kysely (SQLite and PostgreSQL). */
export function createAgencyReportRepository(db: Kysely<Database>): AgencyReportRepository {
  const findById = async (id: string) => {
    const row = await db.selectFrom('agency_report_texts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToReport(row) : undefined;
  };
  return {
    findById,
    async listByReview(reviewConferenceId) {
      const rows = await db.selectFrom('agency_report_texts').selectAll().where('review_conference_id', '=', reviewConferenceId).orderBy('updated_at').orderBy('id').execute();
      return rows.map(rowToReport);
    },
    async start(report) {
      await db
        .insertInto('agency_report_texts')
        .values({
          id: report.id,
          core_group_id: report.coreGroupId,
          review_conference_id: report.reviewConferenceId,
          member_id: report.memberId,
          agency: report.agency,
          version: report.version,
          content: contentText(report.content),
          updated_at: report.updatedAt,
          submitted_at: null,
        })
        .onConflict((conflict) => conflict.columns(['review_conference_id', 'member_id']).doNothing())
        .execute();
      const row = await db.selectFrom('agency_report_texts').selectAll().where('review_conference_id', '=', report.reviewConferenceId).where('member_id', '=', report.memberId).executeTakeFirstOrThrow();
      return rowToReport(row);
    },
    async save(report) {
      const result = await db
        .updateTable('agency_report_texts')
        .set({ version: report.version, content: contentText(report.content), updated_at: report.updatedAt })
        .where('id', '=', report.id)
        .where('version', '=', report.version - 1)
        .where('submitted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new VersionConflictError(CONFLICT, { said: said('serviceRefusals.reports.savedElsewhere') });
    },
    async submit(report, on: CivilDate) {
      await db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('agency_report_texts')
          .set({ submitted_at: report.submittedAt ?? null })
          .where('id', '=', report.id)
          .where('version', '=', report.version)
          .where('submitted_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw new VersionConflictError(CONFLICT, { said: said('serviceRefusals.reports.savedElsewhere') });
        await trx
          .insertInto('agency_reports')
          .values({ review_conference_id: report.reviewConferenceId, agency: report.agency, on_date: on.toString() })
          .onConflict((conflict) => conflict.columns(['review_conference_id', 'agency']).doNothing())
          .execute();
      });
    },
  };
}
