import { z } from 'zod';
import { REVIEW_OUTCOMES } from '../domain/review-conference';
import { TEXT_LIMITS, requiredText } from './text.contract';
import { civilDateSchema, deadlineStatusSchema } from './wire-values.contract';
import { ruleWordingSchema } from './dashboard.contract';

/** The path of the routes on one case's review conferences. */
export const coreGroupParamsSchema = z.object({ coreGroupId: z.uuid() });

export const reviewOutcomeSchema = z.enum(REVIEW_OUTCOMES);

/** One review conference of a case, as the dashboard shows it. */
export const reviewConferenceSchema = z.object({
  id: z.uuid(),
  date: civilDateSchema,
  status: z.enum(['scheduled', 'held', 'cancelled']),
  outcome: reviewOutcomeSchema.optional(),
  chairName: z.string().optional(),
  nextReviewOn: civilDateSchema.optional(),
});

/** `GET /api/core-groups/:coreGroupId/review-conferences`, and the answer to booking and recording one. */
export const reviewConferencesResponseSchema = z.object({
  caseReference: z.string(),
  reviews: z.array(reviewConferenceSchema),
  /** The review conference deadline still open: none once the plan has ended. */
  nextDue: z.object({ due: civilDateSchema, status: deadlineStatusSchema, wording: ruleWordingSchema.optional() }).optional(),
  planEndedOn: civilDateSchema.optional(),
  /** May book and record review conferences (the lead social worker, the team manager, the conference chair; not once the plan has ended). */
  canRecord: z.boolean(),
  /** What the last change did (`unchanged`: it was recorded already — a repeated press). */
  outcome: z.enum(['changed', 'unchanged']).optional(),
});
export type ReviewConferencesResponse = z.infer<typeof reviewConferencesResponseSchema>;

/** `POST /api/core-groups/:coreGroupId/review-conferences`: book the next one, or move the one booked (a working day still to come). */
export const bookReviewRequestSchema = z.object({ date: civilDateSchema }).strict();
export type BookReviewRequest = z.infer<typeof bookReviewRequestSchema>;

/** `POST /api/core-groups/:coreGroupId/review-conferences/held`: one that took place, what it decided, who chaired, the next review date it set. */
export const heldReviewRequestSchema = z
  .object({
    heldOn: civilDateSchema,
    outcome: reviewOutcomeSchema,
    chairName: requiredText(TEXT_LIMITS.name),
    nextReviewOn: civilDateSchema.optional(),
  })
  .strict();
export type HeldReviewRequest = z.infer<typeof heldReviewRequestSchema>;

/** `POST /api/core-groups/:coreGroupId/transfer-out`: the day the case transferred and the area it went to. */
export const transferOutRequestSchema = z.object({ on: civilDateSchema, to: requiredText(TEXT_LIMITS.name) }).strict();
export type TransferOutRequest = z.infer<typeof transferOutRequestSchema>;

/** What a transfer did (`unchanged`: it was recorded already). */
export const transferOutResponseSchema = z.object({ outcome: z.enum(['changed', 'unchanged']), planEndedOn: civilDateSchema, transferredTo: z.string() });
export type TransferOutResponse = z.infer<typeof transferOutResponseSchema>;
