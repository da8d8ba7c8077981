import { z } from 'zod';
import { civilDateSchema, deadlineStatusSchema, instantSchema } from './wire-values.contract';

/** A deadline after a meeting (the plan's circulation, the CP9), as the profile sets it. */
const deadlineSchema = z.object({ due: civilDateSchema, status: deadlineStatusSchema });

/** One delivery of the plan to one member; `resent`: again, after they said it had not reached them. */
export const planDeliverySchema = z.object({ memberId: z.string().min(1), channel: z.enum(['teams', 'email']), outcome: z.enum(['sent', 'failed']), at: instantSchema, resent: z.boolean() });
export type PlanDelivery = z.infer<typeof planDeliverySchema>;

/** Where the CP9 of a meeting stands: sent, on its way, its last try failed (send again), or not sent. */
export const cp9StateSchema = z.enum(['sent', 'sending', 'failed', 'not-sent']);
export type Cp9State = z.infer<typeof cp9StateSchema>;

/**
 * `GET /api/meetings/:meetingId/plan-circulation`: the plan's circulation after one meeting.
 * `circulation` only where the profile sets a plan deadline (and for a held meeting); `cp9` only
 * where the profile sends CP9 to a co-ordinator — other areas see nothing about it.
 */
export const planCirculationResponseSchema = z.object({
  meetingId: z.uuid(),
  /** The plan's current version, the one circulated; absent while the group has no plan. */
  planVersion: z.number().int().positive().optional(),
  /** Who the plan goes to after this meeting: everyone present or invited, and the conference chair. */
  recipients: z.array(z.string().min(1)),
  /** Deliveries of the current version, in the order they happened. */
  deliveries: z.array(planDeliverySchema),
  /** Members who said the current version has not reached them. */
  notReceived: z.array(z.object({ memberId: z.string().min(1), at: instantSchema })),
  circulation: deadlineSchema.optional(),
  /** The day everyone had it (which met the deadline, where there is one). */
  circulatedOn: civilDateSchema.optional(),
  /** May press "Circulate the plan" now (the lead social worker, the team manager, the chair; a held meeting). */
  canCirculate: z.boolean(),
  cp9: z
    .object({
      deadline: deadlineSchema.optional(),
      state: cp9StateSchema,
      sentOn: civilDateSchema.optional(),
      /** May press "Send CP9" now (the lead social worker, the team manager; a held meeting). */
      canSend: z.boolean(),
    })
    .optional(),
});
export type PlanCirculationResponse = z.infer<typeof planCirculationResponseSchema>;

/** `POST /api/meetings/:meetingId/plan-circulation` answers 202: one delivery job per recipient who does not have this version yet. */
export const planCirculationQueuedSchema = z.object({ queued: z.number().int().min(0), recipients: z.number().int().min(0) });
export type PlanCirculationQueued = z.infer<typeof planCirculationQueuedSchema>;

/** `POST /api/meetings/:meetingId/cp9` answers 202: queued now, already on its way, or already sent. */
export const cp9QueuedSchema = z.object({ outcome: z.enum(['queued', 'already-queued', 'already-sent']) });
export type Cp9Queued = z.infer<typeof cp9QueuedSchema>;

/**
 * `POST /api/core-groups/:coreGroupId/plan/not-received` (seed 003): the lead social worker is told
 * (`unchanged`: the caller had said so already); `resending`: the plan is on its way to them again.
 */
export const planNotReceivedResponseSchema = z.object({ outcome: z.enum(['told', 'unchanged']), resending: z.boolean() });
export type PlanNotReceivedResponse = z.infer<typeof planNotReceivedResponseSchema>;
