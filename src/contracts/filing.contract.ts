import { z } from 'zod';
import { obligationKindSchema, ruleWordingSchema } from './dashboard.contract';
import { coreGroupParamsSchema } from './review-conferences.contract';
import { TEXT_LIMITS, freeText } from './text.contract';
import { civilDateSchema, deadlineStatusSchema, instantSchema } from './wire-values.contract';
import { problemParams } from './problem';

/** Attachments filed with one e-mail, and how much they may hold together (each is checked again by its bytes). */
export const FILING_LIMITS = { attachments: 5, totalBytes: 20 * 1024 * 1024, body: 100_000 } as const;

/** `GET /api/outlook/event?chatId=`: the Teams meeting chat named in a calendar event's join link. */
export const outlookEventQuerySchema = z.object({ chatId: z.string().min(4).max(300).regex(/^19:[^\s/?#]+$/) }).strict();

/** The path of one filed e-mail, and of one of its attachments. */
export const filedDocumentParamsSchema = coreGroupParamsSchema.extend({ documentId: z.uuid() });
export const filedAttachmentParamsSchema = filedDocumentParamsSchema.extend({ attachmentId: z.uuid() });

const base64Bytes = (text: string) => Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);

/**
 * `POST /api/core-groups/:coreGroupId/filed-documents`: an e-mail read in Outlook, filed as an
 * agency's report for a review conference or as a paper for a meeting, with the attachments the
 * member chose (base64, as Office.js gives them).
 */
export const fileEmailRequestSchema = z
  .object({
    messageId: z.string().trim().min(1).max(998),
    subject: freeText(TEXT_LIMITS.short),
    sender: freeText(TEXT_LIMITS.name * 2),
    receivedAt: instantSchema,
    body: freeText(FILING_LIMITS.body),
    to: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('agency-report'), reviewConferenceId: z.uuid(), agency: z.string().trim().min(1).max(TEXT_LIMITS.name) }).strict(),
      z.object({ kind: z.literal('meeting-paper'), meetingId: z.uuid() }).strict(),
    ]),
    attachments: z
      .array(z.object({ name: z.string().trim().min(1).max(255), content: z.base64() }).strict())
      .max(FILING_LIMITS.attachments, `at most ${FILING_LIMITS.attachments} attachments with one e-mail`)
      .refine((attachments) => attachments.reduce((sum, attachment) => sum + base64Bytes(attachment.content), 0) <= FILING_LIMITS.totalBytes, { message: `the attachments together must be at most ${FILING_LIMITS.totalBytes / 1024 / 1024} MB`, params: problemParams('attachments-too-large', { megabytes: FILING_LIMITS.totalBytes / 1024 / 1024 }) }),
  })
  .strict();
export type FileEmailRequest = z.infer<typeof fileEmailRequestSchema>;

export const filedDocumentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['agency-report', 'meeting-paper']),
  reviewConferenceId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  agency: z.string().optional(),
  subject: z.string(),
  sender: z.string(),
  receivedAt: instantSchema,
  filedAt: instantSchema,
  /** Absent: whoever filed it has left the group (a former member). */
  filedBy: z.string().optional(),
  body: z.string(),
  attachments: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.enum(['pdf', 'docx']), size: z.number().int().positive() })),
});
export type FiledDocumentWire = z.infer<typeof filedDocumentSchema>;

export const fileEmailResponseSchema = z.object({ outcome: z.enum(['changed', 'unchanged']), document: filedDocumentSchema });
export type FileEmailResponse = z.infer<typeof fileEmailResponseSchema>;

/** A filed e-mail as a list shows it: who sent it and when, who filed it (absent: a former member), how many attachments. */
export const filedDocumentSummarySchema = z.object({ id: z.uuid(), subject: z.string(), sender: z.string(), receivedAt: instantSchema, filedAt: instantSchema, filedBy: z.string().optional(), attachments: z.number().int().nonnegative() });

/** `GET /api/meetings/:meetingId/papers`: the e-mails filed from Outlook as papers for the meeting. */
export const meetingPapersResponseSchema = z.object({ coreGroupId: z.uuid(), papers: z.array(filedDocumentSummarySchema) });
export type MeetingPapersResponse = z.infer<typeof meetingPapersResponseSchema>;

/** `GET /api/outlook/cases`: the caller's cases they may file to, with the next review conference's reports and the next meeting. */
export const filingCasesResponseSchema = z.object({
  cases: z.array(
    z.object({
      coreGroupId: z.uuid(),
      caseReference: z.string(),
      review: z.object({ id: z.uuid(), date: civilDateSchema, reportsDue: civilDateSchema.optional(), agencies: z.array(z.string()) }).optional(),
      nextMeeting: z.object({ id: z.uuid(), date: civilDateSchema }).optional(),
    }),
  ),
});
export type FilingCasesResponse = z.infer<typeof filingCasesResponseSchema>;

/** One of a case's next deadlines beside a calendar event: its kind, its rule as data, when it falls due and where it stands. */
export const outlookDeadlineSchema = z.object({ id: z.string().min(1), kind: obligationKindSchema, wording: ruleWordingSchema, due: civilDateSchema, status: deadlineStatusSchema, daysLate: z.number().int().min(0) });
export type OutlookDeadline = z.infer<typeof outlookDeadlineSchema>;

/** `GET /api/outlook/event`: the core group meeting behind a calendar event, the case's next deadlines and where its minutes open. */
export const outlookEventResponseSchema = z.object({
  coreGroupId: z.uuid(),
  caseReference: z.string(),
  meeting: z.object({ id: z.uuid(), date: civilDateSchema, status: z.enum(['scheduled', 'held', 'cancelled', 'not-held']) }),
  deadlines: z.array(outlookDeadlineSchema),
  minutesUrl: z.url(),
});
export type OutlookEventResponse = z.infer<typeof outlookEventResponseSchema>;
