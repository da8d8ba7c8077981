import type { AgencyReportWire, ReviewReportsResponse } from '../contracts/agency-reports.contract';
import type { AgencyReport, AgencyReportContent } from '../domain/agency-report';
import type { AgencyReportContent as WireContent } from '../contracts/agency-reports.contract';
import type { ReviewReports } from '../services/agency-reports/agency-reports.service';

export function reportContentFromWire(content: WireContent): AgencyReportContent {
  return { ...content, scaling: content.scaling ?? undefined };
}

export function agencyReportToWire(report: AgencyReport): AgencyReportWire {
  const { content } = report;
  return {
    id: report.id,
    agency: report.agency,
    version: report.version,
    content: {
      worries: content.worries,
      workingWell: content.workingWell,
      needsToHappen: content.needsToHappen,
      scaling: content.scaling ?? null,
      scalingReasons: content.scalingReasons,
      childsViews: content.childsViews,
      actionProgress: content.actionProgress.map((entry) => ({ actionId: entry.actionId, progress: entry.progress })),
    },
    updatedAt: report.updatedAt,
    submittedAt: report.submittedAt,
  };
}

export function reviewReportsToWire(reports: ReviewReports, canExportPack: boolean): ReviewReportsResponse {
  return {
    caseReference: reports.coreGroup.caseReference,
    review: { id: reports.review.id, date: reports.review.date.toString(), status: reports.review.status },
    due: reports.due?.toString(),
    mine: reports.mine && { report: agencyReportToWire(reports.mine.report), actions: reports.mine.actions.map((action) => ({ id: action.id, what: action.what, due: action.due.toString() })) },
    standings: reports.standings?.map((entry) => ({
      memberId: entry.member.id,
      name: entry.member.displayName,
      agency: entry.member.agency,
      standing: entry.standing,
      reportId: entry.standing === 'submitted' ? entry.report?.id : undefined,
      submittedAt: entry.report?.submittedAt,
      filedDocumentId: entry.standing === 'filed' ? reports.filed?.find((filed) => filed.document.agency === entry.member.agency)?.document.id : undefined,
    })),
    filed: reports.filed?.map(({ document, filedBy }) => ({ id: document.id, agency: document.agency ?? '', subject: document.subject, sender: document.sender, receivedAt: document.receivedAt, filedAt: document.filedAt, filedBy, attachments: document.attachments.length })),
    canExportPack,
  };
}
