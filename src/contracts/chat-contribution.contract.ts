import { z } from 'zod';
import { TEXT_LIMITS, requiredText } from './text.contract';
import { civilDateSchema } from './wire-values.contract';

/**
 * `/coregroup note|decision|action …` in a meeting chat, as the bot read it from the message: the
 * text after the verb and, for an action, the `by YYYY-MM-DD` it ends with. Checked before anything
 * is stored (src/services/meeting-chat.service.ts), with the same limit as the tab's fields the
 * line can land in (`TEXT_LIMITS.line`), so what the chat takes the tab can save again.
 */
export const chatContributionSchema = z.object({
  text: requiredText(TEXT_LIMITS.line),
  due: civilDateSchema.optional(),
});
export type ChatContributionRequest = z.infer<typeof chatContributionSchema>;
