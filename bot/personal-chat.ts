import { CardFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { Caller } from '../src/services/authorise';
import type { Conversations } from '../src/services/conversations.service';

/**
 * Sends a card to the caller's own 1:1 chat with the app: the one place an answer about them may
 * go when they pressed a card in a shared chat. Without a stored 1:1 chat (they never opened one)
 * the card goes nowhere — never into the conversation the press came from. It is sent with the
 * identity this turn was authenticated with, to the service URL the channel gave for that chat.
 */
export async function sendToPersonalChat(context: TurnContext, options: { conversations: Pick<Conversations, 'find'>; caller: Caller; card: object }): Promise<void> {
  const { caller } = options;
  const reference = (await options.conversations.find(caller.tenantId, { kind: 'person', aadObjectId: caller.aadObjectId })) as Partial<ConversationReference> | undefined;
  if (reference?.conversation?.conversationType !== 'personal') return;
  const identity = context.turnState.get(context.adapter.BotIdentityKey);
  await context.adapter.continueConversationAsync(identity, reference, async (personal) => {
    await personal.sendActivity({ attachments: [CardFactory.adaptiveCard(options.card)] });
  });
}
