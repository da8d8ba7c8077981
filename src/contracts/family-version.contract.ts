import { z } from 'zod';
import { FAMILY_SECTIONS, PROFESSIONAL_ONLY_PARTS } from '../domain/family-version';
import { RECOMMENDATION_OUTCOMES } from '../domain/minutes';
import { errorBodySchema } from './errors.contract';
import { TEXT_LIMITS, clientId, freeText } from './text.contract';
import { actionStateSchema, civilDateSchema, instantSchema, memberRoleSchema } from './wire-values.contract';
import { problemParams } from './problem';

// ─── The family version (issue 14): reviewed by the chair or the lead social worker, read by the family ───

export const familySectionSchema = z.enum(FAMILY_SECTIONS);

/**
 * A line the family version prepares, as facts the page words in its reader's language
 * (src/domain/family-version.ts): `owner` is "name (agency)", absent for someone who has left the
 * group; `action` absent, an action no longer on the plan.
 */
export const familyLineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('someone-left') }),
  z.object({ kind: z.literal('progress'), action: z.string().optional(), update: z.string() }),
  z.object({ kind: z.literal('new-action'), what: z.string(), owner: z.string().optional(), due: civilDateSchema }),
  z.object({ kind: z.literal('plan-action'), what: z.string(), owner: z.string().optional(), due: civilDateSchema, state: actionStateSchema }),
  z.object({ kind: z.literal('recommendation'), outcome: z.enum(RECOMMENDATION_OUTCOMES) }),
  z.object({ kind: z.literal('next-meeting'), on: civilDateSchema }),
]);
export type FamilyLine = z.infer<typeof familyLineSchema>;

/** One item: words a person wrote (`text`: the record's, or the reviewer's) or a prepared `line` the reviewer has not reworded. */
export const familyItemSchema = z.object({ id: z.string().min(1), section: familySectionSchema, text: z.string().optional(), line: familyLineSchema.optional(), removed: z.boolean() });
export type FamilyItem = z.infer<typeof familyItemSchema>;

/** `GET|PUT /api/meetings/:meetingId/family-version`, `POST …/family-version/sign-off`: the reviewer's view. */
export const familyVersionReviewResponseSchema = z.object({
  meetingId: z.string().min(1),
  /** The version a review or sign-off is made on; 0 when nothing has been reviewed yet. */
  version: z.number().int().min(0),
  summary: z.string(),
  sections: z.array(z.object({ section: familySectionSchema, items: z.array(familyItemSchema) })),
  /** Who signed the family version off and when; `by` absent: they have left the group (a former member). */
  signedOff: z.object({ by: z.string().optional(), at: instantSchema }).optional(),
  /** What the minutes decided about sharing, and the reason when something is withheld. */
  sharing: z.object({ withFamily: z.boolean(), withChild: z.boolean(), withheldReason: z.string().optional() }),
  /** What is never in a family version: the parts the domain marks professional-only (src/domain/family-version.ts), for the page to say why. */
  leftOut: z.array(z.enum(PROFESSIONAL_ONLY_PARTS)),
});
export type FamilyVersionReview = z.infer<typeof familyVersionReviewResponseSchema>;

/** `PUT /api/meetings/:meetingId/family-version`: the review, on the version the reviewer read. */
export const familyReviewRequestSchema = z.object({
  baseVersion: z.number().int().min(0),
  summary: freeText(TEXT_LIMITS.section),
  /** Each item named: removed or not, and its new words when the reviewer reworded it (absent: as it is). */
  items: z.array(z.object({ id: clientId(200), text: freeText(TEXT_LIMITS.section).optional(), removed: z.boolean() })).max(500),
});
export type FamilyReviewRequest = z.infer<typeof familyReviewRequestSchema>;

/** `POST /api/meetings/:meetingId/family-version/sign-off`: signs off the version the reviewer read. */
export const familySignOffRequestSchema = z.object({ version: z.number().int().min(0) });
export type FamilySignOffRequest = z.infer<typeof familySignOffRequestSchema>;

/** `GET /api/meetings/:meetingId/family-version/reading`: what the family reads, as signed off. */
export const familyReadingResponseSchema = z.object({
  meetingId: z.string().min(1),
  meetingDate: civilDateSchema,
  summary: z.string(),
  signedOffAt: instantSchema,
  /** Each line as written (`text`) or prepared (`line`, for the page to word). */
  sections: z.array(z.object({ section: familySectionSchema, lines: z.array(z.object({ text: z.string().optional(), line: familyLineSchema.optional() })) })),
});
export type FamilyReading = z.infer<typeof familyReadingResponseSchema>;

// ─── Distribute's recipient check ─────────────────────────────────────────────────────────────────

export const recipientEntrySchema = z.object({
  memberId: z.string().min(1),
  name: z.string(),
  role: memberRoleSchema,
  route: z.enum(['teams', 'email', 'none']),
  gets: z.enum(['full', 'family-version']),
  status: z.enum(['to-send', 'already-sent', 'waiting-for-family-version']),
});
export type RecipientEntry = z.infer<typeof recipientEntrySchema>;

/** `GET /api/meetings/:meetingId/minutes/recipients`: who Distribute sends to, and the hash its confirmation carries. */
export const recipientListResponseSchema = z.object({ entries: z.array(recipientEntrySchema), listHash: z.string().regex(/^[0-9a-f]{64}$/) });
export type RecipientListResponse = z.infer<typeof recipientListResponseSchema>;

/** `POST /api/meetings/:meetingId/minutes/distribute`: sends only when `listHash` is the list's as it is now. */
export const distributeRequestSchema = z.object({ listHash: z.string().refine((hash) => /^[0-9a-f]{64}$/.test(hash), { message: 'confirm the list of recipients first', params: problemParams('confirm-recipients') }) });
export type DistributeRequest = z.infer<typeof distributeRequestSchema>;

/** 409 from Distribute: the list changed since it was shown; here it is as it is now. */
export const recipientListChangedBodySchema = errorBodySchema.extend({ current: recipientListResponseSchema });
export type RecipientListChangedBody = z.infer<typeof recipientListChangedBodySchema>;
