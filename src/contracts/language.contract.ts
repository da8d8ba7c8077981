import { z } from 'zod';

/** The languages a person may choose for Core Group: English or Welsh. */
const personLanguageSchema = z.enum(['en', 'cy']);

/** `PUT /api/me/language`: the caller's own language, over their Teams locale (the tab's switch; `/coregroup language` in the bot). */
export const chooseLanguageRequestSchema = z.object({ language: personLanguageSchema }).strict();
export const chosenLanguageResponseSchema = z.object({ language: personLanguageSchema });
export type ChosenLanguageResponse = z.infer<typeof chosenLanguageResponseSchema>;

/** `GET|PUT /api/core-groups/:coreGroupId/document-language`: what the group's documents are written in — English, Welsh or both — and whether the caller may change it. */
export const documentLanguageRequestSchema = z.object({ language: z.enum(['en', 'cy', 'both']) }).strict();
export const documentLanguageResponseSchema = z.object({ language: z.enum(['en', 'cy', 'both']), canChoose: z.boolean() });
export type DocumentLanguageResponse = z.infer<typeof documentLanguageResponseSchema>;
