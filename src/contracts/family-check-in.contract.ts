import { z } from 'zod';
import { FAMILY_ANSWERS, FAMILY_NOTE_MAX_LENGTH, type FamilyAnswer } from '../domain/family-check-in-link';

const answers = Object.keys(FAMILY_ANSWERS) as [FamilyAnswer, ...FamilyAnswer[]];

/** The path of a parent's check-in link: `GET /family/check-in/:token` (the token's shape is checked by the service). */
export const familyCheckInParamsSchema = z.object({ token: z.string().min(1).max(200) });

/**
 * `POST /family/check-in`, form-encoded from the link's page: the token (in the body, never the
 * URL of the post), the answer and an optional short note.
 */
export const familyCheckInFormSchema = z.object({
  token: z.string().min(1).max(200),
  answer: z.enum(answers),
  note: z.string().max(FAMILY_NOTE_MAX_LENGTH).default(''),
});
export type FamilyCheckInForm = z.infer<typeof familyCheckInFormSchema>;
