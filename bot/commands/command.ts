import type { Caller } from '../../src/services/authorise';
import type { CoreGroupStatus } from '../../src/services/case-status.service';
import type { BotServices } from '../bot-services';
import { messageCard } from '../cards/notice.card';

/** A `/coregroup …` command as the bot read it from a message. */
export interface CommandRequest {
  readonly caller: Caller;
  /** What follows the verb, as plain text. */
  readonly rest: string;
  /** A 1:1 chat with the app (case details may be shown), or a group or meeting chat (they may not). */
  readonly personal: boolean;
  readonly conversationId: string;
  /** The message's id: a retried delivery of the same message carries the same one. */
  readonly activityId: string;
  /** The Entra object id of the first person mentioned in the message (not the app), looked up only when asked. */
  firstPersonMentioned(): Promise<string | undefined>;
}

/** What the bot sends back: a card, or a line of text. */
export type Reply = { readonly card: object } | { readonly text: string };

/** One command: its handler, and whether it shows case details (then it answers in a 1:1 chat only). */
export interface Command {
  readonly run: (request: CommandRequest, services: BotServices) => Promise<Reply>;
  readonly personalOnly: boolean;
}

/**
 * A case command about the caller's first core group: its card, or a plain "not a member yet"
 * when they belong to none.
 */
export function aboutFirstCoreGroup(card: (coreGroup: CoreGroupStatus['coreGroup'], request: CommandRequest, services: BotServices) => Promise<object> | object): Command['run'] {
  return async (request, services) => {
    const [first] = await services.status.myStatus(request.caller);
    return { card: first ? await card(first.coreGroup, request, services) : messageCard('You are not a member of any core group yet.') };
  };
}
