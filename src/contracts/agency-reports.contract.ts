import { z } from 'zod';
import { filedDocumentSummarySchema } from './filing.contract';
import { TEXT_LIMITS, freeText } from './text.contract';
import { civilDateSchema, instantSchema } from './wire-values.contract';

/** The path of a review conference's reports. */
export const reviewReportsParamsSchema = z.object({ coreGroupId: z.uuid(), reviewConferenceId: z.uuid() });
/** The path of one report. */
export const agencyReportParamsSchema = reviewReportsParamsSchema.extend({ reportId: z.uuid() });
/** The path of the conference pack, as DOCX or PDF. */
export const conferencePackParamsSchema = reviewReportsParamsSchema.extend({ format: z.enum(['docx', 'pdf']) });

/** The Signs of Safety template of an agency's written report (seed 004). `scaling` null: not scaled yet. */
export const agencyReportContentSchema = z
  .object({
    worries: freeText(TEXT_LIMITS.section),
    workingWell: freeText(TEXT_LIMITS.section),
    needsToHappen: freeText(TEXT_LIMITS.section),
    scaling: z.number().int().min(0).max(10).nullable(),
    scalingReasons: freeText(TEXT_LIMITS.paragraph),
    childsViews: freeText(TEXT_LIMITS.section),
    actionProgress: z.array(z.object({ actionId: z.string().min(1).max(100), progress: freeText(TEXT_LIMITS.paragraph) }).strict()).max(100),
  })
  .strict();
export type AgencyReportContent = z.infer<typeof agencyReportContentSchema>;

/** `PUT …/agency-reports/mine`: the caller's draft, based on the version they read (0: not saved before). */
export const saveAgencyReportRequestSchema = z.object({ baseVersion: z.number().int().nonnegative(), content: agencyReportContentSchema }).strict();
/** `POST …/agency-reports/mine/submit`: submit the version the caller read. */
export const submitAgencyReportRequestSchema = z.object({ version: z.number().int().positive() }).strict();

export const reportStandingSchema = z.enum(['submitted', 'filed', 'draft', 'not-started']);
export type ReportStandingWire = z.infer<typeof reportStandingSchema>;

export const agencyReportSchema = z.object({
  id: z.uuid(),
  agency: z.string(),
  version: z.number().int().nonnegative(),
  content: agencyReportContentSchema,
  updatedAt: instantSchema,
  submittedAt: instantSchema.optional(),
});
export type AgencyReportWire = z.infer<typeof agencyReportSchema>;

/** `GET …/review-conferences/:reviewConferenceId/agency-reports`: the caller's own report to write, and for those who follow them, where each member's stands. */
export const reviewReportsResponseSchema = z.object({
  caseReference: z.string(),
  review: z.object({ id: z.uuid(), date: civilDateSchema, status: z.enum(['scheduled', 'held', 'cancelled']) }),
  /** When the reports are due by the group's profile; absent: the profile asks for none. */
  due: civilDateSchema.optional(),
  mine: z.object({ report: agencyReportSchema, actions: z.array(z.object({ id: z.string(), what: z.string(), due: civilDateSchema })) }).optional(),
  standings: z.array(z.object({ memberId: z.string(), name: z.string(), agency: z.string(), standing: reportStandingSchema, reportId: z.uuid().optional(), submittedAt: instantSchema.optional(), filedDocumentId: z.uuid().optional() })).optional(),
  /** Agencies' reports sent by e-mail and filed from Outlook (read whole at `GET …/filed-documents/:documentId`), for those who follow the reports. */
  filed: z.array(filedDocumentSummarySchema.extend({ agency: z.string() })).optional(),
  /** Whether the caller may download the conference pack. */
  canExportPack: z.boolean(),
});
export type ReviewReportsResponse = z.infer<typeof reviewReportsResponseSchema>;

/** `GET …/agency-reports/:reportId`: one report, read by its author or (once submitted) by those who follow the reports. */
export const agencyReportReadingSchema = z.object({
  caseReference: z.string(),
  /** `name` absent: the author has left the group (a former member). */
  author: z.object({ name: z.string().optional(), agency: z.string() }),
  report: agencyReportSchema,
  actions: z.array(z.object({ id: z.string(), what: z.string() })),
});
export type AgencyReportReading = z.infer<typeof agencyReportReadingSchema>;

/** `GET /api/agency-reports`: the review conferences to come with reports the caller writes or follows. */
export const reportsToDoResponseSchema = z.object({
  reviews: z.array(
    z.object({
      coreGroupId: z.uuid(),
      caseReference: z.string(),
      reviewConferenceId: z.uuid(),
      reviewOn: civilDateSchema,
      due: civilDateSchema.optional(),
      mine: reportStandingSchema.optional(),
      submitted: z.number().int().nonnegative(),
      expected: z.number().int().nonnegative(),
    }),
  ),
});
export type ReportsToDoResponse = z.infer<typeof reportsToDoResponseSchema>;

/** A saved or submitted report, with what became of the request. */
export const agencyReportChangeResponseSchema = z.object({ outcome: z.enum(['changed', 'unchanged']), report: agencyReportSchema });
export type AgencyReportChangeResponse = z.infer<typeof agencyReportChangeResponseSchema>;
