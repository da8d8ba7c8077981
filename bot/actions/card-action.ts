import type { Caller } from '../../src/services/authorise';
import type { BotServices } from '../bot-services';

/** A card action as the bot received it: the caller from the signed activity, the action's data merged with the card's inputs. */
export interface CardActionRequest {
  readonly caller: Caller;
  readonly data: Readonly<Record<string, unknown>>;
  /** The sender's display name as the channel gave it. */
  readonly senderName?: string | undefined;
}

/** Handles one card verb and returns the updated card. */
export type CardAction = (request: CardActionRequest, services: BotServices) => Promise<object>;
