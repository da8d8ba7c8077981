import type { Language } from '../../src/i18n/language';
import type { Caller } from '../../src/services/authorise';
import type { BotServices } from '../bot-services';

/** A card action as the bot received it: the caller from the signed activity, the action's data merged with the card's inputs. */
export interface CardActionRequest {
  readonly caller: Caller;
  readonly data: Readonly<Record<string, unknown>>;
  /** The sender's display name as the channel gave it. */
  readonly senderName?: string | undefined;
  /** The conversation the card was pressed in, as the channel signed it. */
  readonly conversationId: string;
  /** The language to answer in: the presser's choice, else their Teams locale's (English when not known). */
  readonly language?: Language | undefined;
}

/**
 * Where a verb's answer may be shown. Every answer is about the person who pressed: it never
 * replaces a message in a shared (group, meeting or channel) chat, nor is posted into one.
 * - `personal-chat`: the card is only ever sent 1:1 (check-ins, a concern, booking, setting a
 *   group up) and its answer names the case. Pressed in a shared chat, it is refused before it runs.
 * - `presser-only`: the card lives in a shared chat and each person sees their own view of it (the
 *   agenda). Teams shows an `Action.Execute` answer to the presser alone; the `Action.Submit`
 *   fallback's answer goes to the presser's 1:1 chat with the app, or nowhere.
 */
export type AnswerPlace = 'personal-chat' | 'presser-only';

/** One card verb: where its answer may go, and its handler, which returns the presser's updated card. */
export interface CardAction {
  readonly answeredIn: AnswerPlace;
  readonly run: (request: CardActionRequest, services: BotServices) => Promise<object>;
}
