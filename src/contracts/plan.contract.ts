import { z } from 'zod';
import { PLAN_CHANGE_FIELDS, PLAN_CHANGE_LINE_KINDS } from '../domain/plan-edit';
import { TEXT_LIMITS, clientId, freeText, requiredText } from './text.contract';
import { actionStateSchema, civilDateSchema, instantSchema, lastCheckInSchema } from './wire-values.contract';

/** The most outcomes and actions one plan holds: far beyond a real plan, a bound on what one request may ask the server to check. */
export const PLAN_LIMITS = { outcomes: 50, actions: 200 } as const;

const outcomeSchema = z.object({ id: clientId(), text: requiredText(TEXT_LIMITS.line) }).strict();

/**
 * One line of the plan's change log, as facts the reader's page words: the kind of change, the
 * outcome's or action's words (at most 60 characters, as that version had them), which fields changed.
 */
export const planChangeLineSchema = z.object({ kind: z.enum(PLAN_CHANGE_LINE_KINDS), subject: z.string().optional(), fields: z.array(z.enum(PLAN_CHANGE_FIELDS)).optional() });
export type PlanChangeLineWire = z.infer<typeof planChangeLineSchema>;

/** `GET /api/core-groups/:coreGroupId/plan`: the current version, who may own actions, and the history. */
export const planViewResponseSchema = z.object({
  coreGroupId: z.uuid(),
  caseReference: z.string(),
  version: z.number().int().positive(),
  outcomes: z.array(z.object({ id: z.string(), text: z.string() })),
  actions: z.array(
    z.object({
      id: z.string(),
      outcomeId: z.string().optional(),
      what: z.string(),
      ownerMemberId: z.string(),
      /** Absent: the owner has left the group (a former member). */
      ownerName: z.string().optional(),
      due: civilDateSchema,
      agreedOn: civilDateSchema,
      childSeenFrequency: z.string().optional(),
      progressMeasure: z.string(),
      state: actionStateSchema,
      lastCheckIn: lastCheckInSchema.optional(),
    }),
  ),
  contingencyPlan: z.string(),
  resources: z.string(),
  monitoring: z.string(),
  owners: z.array(z.object({ id: z.string(), name: z.string(), agency: z.string() })),
  /** Each version, newest first: `by` is absent for a former member. */
  history: z.array(z.object({ version: z.number().int(), at: instantSchema, by: z.string().optional(), reason: z.string(), changes: z.array(planChangeLineSchema) })),
  planEndedOn: civilDateSchema.optional(),
  /** May change the plan: the lead social worker and the team manager, while the plan lasts. */
  canEdit: z.boolean(),
  /** What the save did (`unchanged`: this very save was made already — a retry). */
  outcome: z.enum(['changed', 'unchanged']).optional(),
});
export type PlanViewResponse = z.infer<typeof planViewResponseSchema>;

/** `PUT /api/core-groups/:coreGroupId/plan`: the whole plan as edited over `baseVersion`, and why it changed. */
export const planSaveRequestSchema = z
  .object({
    baseVersion: z.number().int().positive(),
    reason: requiredText(TEXT_LIMITS.line),
    outcomes: z.array(outcomeSchema).max(PLAN_LIMITS.outcomes),
    actions: z
      .array(
        z
          .object({
            id: clientId(),
            outcomeId: clientId().optional(),
            what: requiredText(TEXT_LIMITS.line),
            ownerMemberId: clientId(),
            due: civilDateSchema,
            childSeenFrequency: freeText(TEXT_LIMITS.name).optional(),
            progressMeasure: freeText(TEXT_LIMITS.short),
            dropped: z.boolean(),
          })
          .strict(),
      )
      .max(PLAN_LIMITS.actions),
    contingencyPlan: freeText(TEXT_LIMITS.section),
    resources: freeText(TEXT_LIMITS.section),
    monitoring: freeText(TEXT_LIMITS.section),
  })
  .strict();
export type PlanSaveRequest = z.infer<typeof planSaveRequestSchema>;
