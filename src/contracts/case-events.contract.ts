import { z } from 'zod';
import { civilDateSchema } from './wire-values.contract';

/**
 * A case's history as a file of events, for `coregroup obligations` (docs in README, "The life of
 * a plan"): the ICPC date — or, for a case that transferred in from another area, the date of its
 * transfer-in conference instead — the agencies expected to report (optional: those that reported, when
 * left out) and what happened, in any order. Circulations name the meeting by its date.
 */
const on = civilDateSchema;
export const caseEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('core-group-booked'), on }).strict(),
  z.object({ kind: z.literal('core-group-held'), on }).strict(),
  z.object({ kind: z.literal('core-group-cancelled'), on }).strict(),
  z.object({ kind: z.literal('minutes-circulated'), meeting: civilDateSchema, on }).strict(),
  z.object({ kind: z.literal('plan-circulated'), meeting: civilDateSchema, on }).strict(),
  z.object({ kind: z.literal('cp9-sent'), meeting: civilDateSchema, on }).strict(),
  z.object({ kind: z.literal('agency-report-submitted'), agency: z.string().trim().min(1).max(100), on }).strict(),
  z.object({ kind: z.literal('review-conference-booked'), on }).strict(),
  z.object({ kind: z.literal('review-conference-held'), on, outcome: z.enum(['continue', 'end']) }).strict(),
  z.object({ kind: z.literal('plan-ended'), on }).strict(),
]);
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const CASE_EVENT_KINDS = caseEventSchema.options.map((option) => option.shape.kind.value);

export const caseEventsFileSchema = z
  .object({
    icpc: civilDateSchema.optional(),
    transferIn: civilDateSchema.optional(),
    agencies: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
    events: z.array(z.unknown()).max(10_000),
  })
  .strict()
  .refine((file) => (file.icpc === undefined) !== (file.transferIn === undefined), { path: ['icpc'], message: 'give the ICPC date as "icpc", or the transfer-in conference date as "transferIn" (one of them)' });
