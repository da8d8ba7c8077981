import { z } from 'zod';

/** One case of the caller's team: the lead social worker's name and counts, never the child's name. */
export const teamCaseSchema = z.object({
  coreGroupId: z.uuid(),
  caseReference: z.string(),
  leadSocialWorker: z.string().nullable(),
  overdue: z.number().int().min(0),
  atRisk: z.number().int().min(0),
  dueThisWeek: z.number().int().min(0),
  openConcerns: z.number().int().min(0),
  blockedActions: z.number().int().min(0),
});
export type TeamCase = z.infer<typeof teamCaseSchema>;

/**
 * `GET /api/team`: every core group the caller is the team manager or conference chair on, by
 * lead social worker then case reference. Empty for everyone else.
 */
export const teamResponseSchema = z.object({ cases: z.array(teamCaseSchema) });
export type TeamResponse = z.infer<typeof teamResponseSchema>;
