import { z } from 'zod';
import { CONCERN_DECISIONS, CONCERN_TRANSITION_KINDS } from '../domain/concern-steps';
import { CONCERN_KINDS } from '../domain/escalation';
import { ESCALATION_ROUTE_NAMES } from '../domain/policy';
import { TEXT_LIMITS, freeText } from './text.contract';
import { civilDateSchema, instantSchema, memberRoleSchema } from './wire-values.contract';
import { problemParams } from './problem';

/** The path of the routes on one concern. */
export const concernParamsSchema = z.object({ concernId: z.uuid() });

export const concernDecisionSchema = z.enum(CONCERN_DECISIONS);

/**
 * `POST /api/concerns/:concernId/decisions`: acknowledge, resolve (an outcome is required), escalate
 * (a reason may be given), grant or refuse an extra core group (a reason is required to refuse),
 * or take a refusal to the next step. `requestId`: the same id again is the same decision.
 */
export const concernDecisionRequestSchema = z
  .object({ decision: concernDecisionSchema, text: freeText(TEXT_LIMITS.line).optional(), requestId: z.uuid() })
  .strict()
  .refine((body) => !(body.decision === 'resolve' || body.decision === 'refuse') || (body.text ?? '').trim().length > 0, { message: 'resolving needs the outcome, refusing the reason', path: ['text'], params: problemParams('outcome-or-reason-needed') });
export type ConcernDecisionRequest = z.infer<typeof concernDecisionRequestSchema>;

/**
 * Why a notice did not go, as facts for the reader's words (src/domain/notice-delivery.ts
 * `NoticeReason`): no mailbox to send from, no Teams chat and no e-mail address, the mail service
 * refused it, an attempt failed (its number, the error's name and code), the attempts used up (how
 * many, the last error); `as-recorded`: a reason stored in no known form, as it was stored.
 */
export const noticeReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.enum(['no-mailbox', 'no-address', 'mail-refused']) }),
  z.object({ code: z.literal('attempt-failed'), attempt: z.number().int().min(1), error: z.string() }),
  z.object({ code: z.literal('gave-up'), attempts: z.number().int().min(0), error: z.string().optional() }),
  z.object({ code: z.literal('as-recorded'), text: z.string() }),
]);
export type NoticeReasonWire = z.infer<typeof noticeReasonSchema>;

/** Where a notice to someone on the route stands: queued, retrying (the channel did not take it this time), sent, or failed; why, as facts (absent: no reason recorded). */
export const noticeStateSchema = z.object({ outcome: z.enum(['queued', 'sent', 'failed', 'retrying']), channel: z.enum(['teams', 'email']).optional(), reason: noticeReasonSchema.optional() });

/**
 * One entry of a concern's history: what happened, at which step (counting from 1), by or to
 * whom, their words, and its facts for the page to word — how the notice went (`told`), the
 * working days the step had (`climbed`), when the extra core group starts (`booked`). `detail`:
 * an entry kept before its facts were, in English as it was stored.
 */
export const concernTransitionSchema = z.object({
  kind: z.enum(CONCERN_TRANSITION_KINDS),
  step: z.number().int().min(1),
  /** Who did it, or (for `told`) who was told; absent for the automatic climb. */
  who: z.string().optional(),
  text: z.string().optional(),
  notice: noticeStateSchema.optional(),
  workingDays: z.number().int().min(0).optional(),
  bookedFor: instantSchema.optional(),
  detail: z.string().optional(),
  at: instantSchema,
});

/** Someone a route step goes to: a role in the group, or the agency managers (or designated professionals). */
export const stepRecipientSchema = z.union([memberRoleSchema, z.literal('agency-manager')]);

/** A concern as the person it came to sees it: its route, step and clock, what they may decide, and its history. */
export const concernSchema = z.object({
  id: z.uuid(),
  coreGroupId: z.uuid(),
  caseReference: z.string(),
  kind: z.enum(CONCERN_KINDS),
  status: z.enum(['open', 'resolved', 'refused']),
  /** The escalation route it is on: with the step, what the procedure asks now. */
  route: z.enum(ESCALATION_ROUTE_NAMES),
  /** The current step, counting from 1, of `steps`. */
  step: z.number().int().min(1),
  steps: z.number().int().min(1),
  /** Who the current step goes to. */
  stepTo: z.array(stepRecipientSchema),
  raisedOn: civilDateSchema,
  respondBy: civilDateSchema,
  overdue: z.boolean(),
  note: z.string(),
  decisions: z.array(concernDecisionSchema),
  history: z.array(concernTransitionSchema),
});
export type ConcernWire = z.infer<typeof concernSchema>;

/** `GET /api/concerns`: the concerns that came to the caller (as a member, or as one of an area's contacts). */
export const concernsResponseSchema = z.object({ concerns: z.array(concernSchema) });
export type ConcernsResponse = z.infer<typeof concernsResponseSchema>;

/** `GET /api/concerns/:concernId`. */
export const concernResponseSchema = z.object({ concern: concernSchema });
export type ConcernResponse = z.infer<typeof concernResponseSchema>;

/** What a decision did (`unchanged`: this request was recorded already) and the concern after it. */
export const concernDecisionResponseSchema = z.object({ outcome: z.enum(['recorded', 'unchanged']), concern: concernSchema });
export type ConcernDecisionResponse = z.infer<typeof concernDecisionResponseSchema>;
