import { z } from 'zod';
import { actionStateSchema, civilDateSchema } from './wire-values.contract';

/**
 * `GET /api/meetings/:meetingId/stage`: the plan as shared to the meeting stage — read-only, and no
 * more than everyone in the meeting may see: the family version when the group has family or the
 * child in it. Owners by name and agency, each action's state and when it was last checked in on;
 * no check-in notes (a shared screen), no history.
 */
export const stagePlanResponseSchema = z.object({
  caseReference: z.string(),
  version: z.number().int().positive(),
  familyVersion: z.boolean(),
  outcomes: z.array(z.object({ id: z.string(), text: z.string() })),
  actions: z.array(
    z.object({
      id: z.string(),
      outcomeId: z.string().optional(),
      what: z.string(),
      /** The owner with their agency; absent: the owner has left the group (a former member). */
      ownerName: z.string().optional(),
      due: civilDateSchema,
      state: actionStateSchema,
      lastCheckedInOn: civilDateSchema.optional(),
    }),
  ),
});
export type StagePlanResponse = z.infer<typeof stagePlanResponseSchema>;
