import { z } from 'zod';

/**
 * What every tab API error answers, whatever its status (400, 401, 403, 404, 409, 422, 500, 503…):
 * a stable `code` for programs and a `message` safe to show to people. A conflicting autosave adds
 * `current` beside it (`versionConflictBodySchema` in minutes.contract.ts).
 */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string().min(1),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
