import type { z } from 'zod';
import { agencyReportChangeResponseSchema, agencyReportParamsSchema, conferencePackParamsSchema, agencyReportReadingSchema, reportsToDoResponseSchema, reviewReportsParamsSchema, reviewReportsResponseSchema, saveAgencyReportRequestSchema, submitAgencyReportRequestSchema } from './agency-reports.contract';
import { meetingPapersResponseSchema, fileEmailRequestSchema, fileEmailResponseSchema, filedAttachmentParamsSchema, filedDocumentParamsSchema, filedDocumentSchema, filingCasesResponseSchema, outlookEventQuerySchema, outlookEventResponseSchema } from './filing.contract';
import { concernDecisionRequestSchema, concernDecisionResponseSchema, concernParamsSchema, concernResponseSchema, concernsResponseSchema } from './concerns.contract';
import { dashboardResponseSchema } from './dashboard.contract';
import {
  distributeRequestSchema,
  familyReadingResponseSchema,
  familyReviewRequestSchema,
  familySignOffRequestSchema,
  familyVersionReviewResponseSchema,
  recipientListChangedBodySchema,
  recipientListResponseSchema,
} from './family-version.contract';
import { currentMeetingQuerySchema, currentMeetingResponseSchema, devSignInRequestSchema, devSignInResponseSchema, devUsersResponseSchema, meResponseSchema } from './identity.contract';
import {
  amendRequestSchema,
  meetingOutcomeRequestSchema,
  contributionDecisionRequestSchema,
  contributionParamsSchema,
  distributionQueuedResponseSchema,
  meetingParamsSchema,
  minutesExportParamsSchema,
  minutesSnapshotResponseSchema,
  minutesViewResponseSchema,
  planExportParamsSchema,
  recordPackQuerySchema,
  rolesRequestSchema,
  sectionSaveRequestSchema,
  returnToChairRequestSchema,
  signOffRequestSchema,
  versionConflictBodySchema,
} from './minutes.contract';
import { cp9QueuedSchema, planCirculationQueuedSchema, planCirculationResponseSchema, planNotReceivedResponseSchema } from './plan-circulation.contract';
import { planSaveRequestSchema, planViewResponseSchema } from './plan.contract';
import { bookReviewRequestSchema, coreGroupParamsSchema, heldReviewRequestSchema, reviewConferencesResponseSchema, transferOutRequestSchema, transferOutResponseSchema } from './review-conferences.contract';
import { institutionTaskChangeResponseSchema, institutionTaskParamsSchema, institutionTasksResponseSchema, letterSentRequestSchema, recordInstitutionTaskRequestSchema } from './institution-tasks.contract';
import { cancelSeriesRequestSchema, moveSeriesRequestSchema, seriesChangeResponseSchema } from './series.contract';
import { chooseLanguageRequestSchema, chosenLanguageResponseSchema, documentLanguageRequestSchema, documentLanguageResponseSchema } from './language.contract';
import { stagePlanResponseSchema } from './stage.contract';
import { teamResponseSchema } from './team.contract';

/** A download (DOCX, PDF, CSV): bytes with a Content-Disposition, not JSON. */
export const FILE = 'file';

/** What one route of the tab API takes and answers. */
export interface TabApiRoute {
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The answers other than errors, by status; a status may also name its own error body (409). */
  readonly answers: Readonly<Record<number, z.ZodType | typeof FILE>>;
  /** Mounted only in local mode, on loopback. */
  readonly localOnly?: true;
}

/**
 * Every route of the tab's API (tab/API.md) with the schemas of what it takes and answers: the
 * index of this folder. Any status not listed in `answers` (400, 401, 403, 404, 422, 500…) answers
 * `errorBodySchema` (errors.contract.ts). The server's routes parse with these same schemas, and the
 * API tests check every answer they get against this table (test/support/tab-api-contract.ts).
 */
export const TAB_API = {
  'GET /api/me': { answers: { 200: meResponseSchema } },
  'GET /api/meetings/current': { query: currentMeetingQuerySchema, answers: { 200: currentMeetingResponseSchema } },
  'GET /api/dashboard': { answers: { 200: dashboardResponseSchema } },
  'GET /api/team': { answers: { 200: teamResponseSchema } },
  'GET /api/team/export.csv': { answers: { 200: FILE } },
  'GET /api/meetings/:meetingId/minutes': { params: meetingParamsSchema, answers: { 200: minutesViewResponseSchema } },
  'PATCH /api/meetings/:meetingId/minutes': { params: meetingParamsSchema, body: sectionSaveRequestSchema, answers: { 200: minutesSnapshotResponseSchema, 409: versionConflictBodySchema } },
  'POST /api/meetings/:meetingId/minutes/contributions/:contributionId': { params: contributionParamsSchema, body: contributionDecisionRequestSchema, answers: { 200: minutesSnapshotResponseSchema } },
  'PUT /api/meetings/:meetingId/roles': { params: meetingParamsSchema, body: rolesRequestSchema, answers: { 200: minutesViewResponseSchema } },
  'POST /api/meetings/:meetingId/minutes/sign-off': { params: meetingParamsSchema, body: signOffRequestSchema, answers: { 200: minutesViewResponseSchema } },
  'POST /api/meetings/:meetingId/outcome': { params: meetingParamsSchema, body: meetingOutcomeRequestSchema, answers: { 200: minutesViewResponseSchema } },
  'POST /api/meetings/:meetingId/minutes/amend': { params: meetingParamsSchema, body: amendRequestSchema, answers: { 200: minutesViewResponseSchema } },
  'POST /api/meetings/:meetingId/minutes/return': { params: meetingParamsSchema, body: returnToChairRequestSchema, answers: { 200: minutesViewResponseSchema } },
  'GET /api/meetings/:meetingId/minutes/recipients': { params: meetingParamsSchema, answers: { 200: recipientListResponseSchema } },
  'POST /api/meetings/:meetingId/minutes/distribute': { params: meetingParamsSchema, body: distributeRequestSchema, answers: { 202: distributionQueuedResponseSchema, 409: recipientListChangedBodySchema } },
  'GET /api/meetings/:meetingId/family-version': { params: meetingParamsSchema, answers: { 200: familyVersionReviewResponseSchema } },
  'PUT /api/meetings/:meetingId/family-version': { params: meetingParamsSchema, body: familyReviewRequestSchema, answers: { 200: familyVersionReviewResponseSchema } },
  'POST /api/meetings/:meetingId/family-version/sign-off': { params: meetingParamsSchema, body: familySignOffRequestSchema, answers: { 200: familyVersionReviewResponseSchema } },
  'GET /api/meetings/:meetingId/family-version/reading': { params: meetingParamsSchema, answers: { 200: familyReadingResponseSchema } },
  'GET /api/meetings/:meetingId/family-version/export.:format': { params: minutesExportParamsSchema, answers: { 200: FILE } },
  'GET /api/meetings/:meetingId/plan-circulation': { params: meetingParamsSchema, answers: { 200: planCirculationResponseSchema } },
  'POST /api/meetings/:meetingId/plan-circulation': { params: meetingParamsSchema, answers: { 202: planCirculationQueuedSchema } },
  'POST /api/meetings/:meetingId/cp9': { params: meetingParamsSchema, answers: { 202: cp9QueuedSchema } },
  'POST /api/core-groups/:coreGroupId/plan/not-received': { params: coreGroupParamsSchema, answers: { 200: planNotReceivedResponseSchema } },
  'POST /api/meetings/:meetingId/series/move': { params: meetingParamsSchema, body: moveSeriesRequestSchema, answers: { 200: seriesChangeResponseSchema } },
  'POST /api/meetings/:meetingId/series/cancel': { params: meetingParamsSchema, body: cancelSeriesRequestSchema, answers: { 200: seriesChangeResponseSchema } },
  'GET /api/core-groups/:coreGroupId/review-conferences': { params: coreGroupParamsSchema, answers: { 200: reviewConferencesResponseSchema } },
  'POST /api/core-groups/:coreGroupId/review-conferences': { params: coreGroupParamsSchema, body: bookReviewRequestSchema, answers: { 200: reviewConferencesResponseSchema } },
  'POST /api/core-groups/:coreGroupId/review-conferences/held': { params: coreGroupParamsSchema, body: heldReviewRequestSchema, answers: { 200: reviewConferencesResponseSchema } },
  'POST /api/core-groups/:coreGroupId/transfer-out': { params: coreGroupParamsSchema, body: transferOutRequestSchema, answers: { 200: transferOutResponseSchema } },
  'GET /api/institution-tasks': { answers: { 200: institutionTasksResponseSchema } },
  'GET /api/agency-reports': { answers: { 200: reportsToDoResponseSchema } },
  'GET /api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/agency-reports': { params: reviewReportsParamsSchema, answers: { 200: reviewReportsResponseSchema } },
  'PUT /api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/agency-reports/mine': { params: reviewReportsParamsSchema, body: saveAgencyReportRequestSchema, answers: { 200: agencyReportChangeResponseSchema } },
  'POST /api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/agency-reports/mine/submit': { params: reviewReportsParamsSchema, body: submitAgencyReportRequestSchema, answers: { 200: agencyReportChangeResponseSchema } },
  'GET /api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/agency-reports/:reportId': { params: agencyReportParamsSchema, answers: { 200: agencyReportReadingSchema } },
  'GET /api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/conference-pack.:format': { params: conferencePackParamsSchema, answers: { 200: FILE } },
  'GET /api/outlook/cases': { answers: { 200: filingCasesResponseSchema } },
  'GET /api/outlook/event': { query: outlookEventQuerySchema, answers: { 200: outlookEventResponseSchema } },
  'POST /api/core-groups/:coreGroupId/filed-documents': { params: coreGroupParamsSchema, body: fileEmailRequestSchema, answers: { 200: fileEmailResponseSchema } },
  'GET /api/meetings/:meetingId/papers': { params: meetingParamsSchema, answers: { 200: meetingPapersResponseSchema } },
  'GET /api/core-groups/:coreGroupId/filed-documents/:documentId': { params: filedDocumentParamsSchema, answers: { 200: filedDocumentSchema } },
  'GET /api/core-groups/:coreGroupId/filed-documents/:documentId/attachments/:attachmentId': { params: filedAttachmentParamsSchema, answers: { 200: FILE } },
  'POST /api/core-groups/:coreGroupId/institution-tasks': { params: coreGroupParamsSchema, body: recordInstitutionTaskRequestSchema, answers: { 200: institutionTaskChangeResponseSchema } },
  'POST /api/institution-tasks/:taskId/letter-sent': { params: institutionTaskParamsSchema, body: letterSentRequestSchema, answers: { 200: institutionTaskChangeResponseSchema } },
  'GET /api/concerns': { answers: { 200: concernsResponseSchema } },
  'GET /api/concerns/:concernId': { params: concernParamsSchema, answers: { 200: concernResponseSchema } },
  'POST /api/concerns/:concernId/decisions': { params: concernParamsSchema, body: concernDecisionRequestSchema, answers: { 200: concernDecisionResponseSchema } },
  'GET /api/core-groups/:coreGroupId/plan': { params: coreGroupParamsSchema, answers: { 200: planViewResponseSchema } },
  'PUT /api/core-groups/:coreGroupId/plan': { params: coreGroupParamsSchema, body: planSaveRequestSchema, answers: { 200: planViewResponseSchema } },
  'PUT /api/me/language': { body: chooseLanguageRequestSchema, answers: { 200: chosenLanguageResponseSchema } },
  'GET /api/core-groups/:coreGroupId/document-language': { params: coreGroupParamsSchema, answers: { 200: documentLanguageResponseSchema } },
  'PUT /api/core-groups/:coreGroupId/document-language': { params: coreGroupParamsSchema, body: documentLanguageRequestSchema, answers: { 200: documentLanguageResponseSchema } },
  'GET /api/meetings/:meetingId/stage': { params: meetingParamsSchema, answers: { 200: stagePlanResponseSchema } },
  'GET /api/meetings/:meetingId/minutes/export.:format': { params: minutesExportParamsSchema, answers: { 200: FILE } },
  'GET /api/core-groups/:coreGroupId/plan/export.:format': { params: planExportParamsSchema, answers: { 200: FILE } },
  'GET /api/core-groups/:coreGroupId/record-pack': { params: coreGroupParamsSchema, query: recordPackQuerySchema, answers: { 200: FILE } },
  'GET /api/dev/users': { answers: { 200: devUsersResponseSchema }, localOnly: true },
  'POST /api/dev/sign-in': { body: devSignInRequestSchema, answers: { 200: devSignInResponseSchema }, localOnly: true },
} as const satisfies Record<string, TabApiRoute>;

export type TabApiRouteKey = keyof typeof TAB_API;
