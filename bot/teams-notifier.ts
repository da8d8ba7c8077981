import { CardFactory, type ConversationReference } from 'botbuilder';
import { type RateLimiter, TEAMS_TENANT_LIMITS, TEAMS_THREAD_LIMITS } from '../src/jobs/rate-limiter';
import type { Conversations } from '../src/services/conversations.service';
import { said } from '../src/domain/errors';
import { DeliveryError, type Notifier } from '../src/services/ports/notifier.port';
import type { CoreGroupAdapter } from './bot-adapter';
import { wordsIn } from '../src/i18n/words';
import { renderOutboundCard } from './outbound-cards';

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

/**
 * Proactive messages through the bot: each outbound message rendered as its Adaptive Card, sent to
 * the recipient's stored conversation reference (never process memory), Teams' rate limits applied
 * per thread and per tenant before sending, and the connector's failures turned into
 * DeliveryErrors the job runner retries: `recipient-unreachable` (status 404, or 403) when there is
 * nowhere to send it (the person never opened a chat with the app, Teams no longer knows the chat,
 * or the person blocked the app),
 * `delivery-failed` otherwise, with the connector's 429 `Retry-After`.
 */
export function createTeamsNotifier(options: {
  adapter: CoreGroupAdapter;
  appId: string;
  /** The Teams app id in the org catalogue: links into the minutes tab point at it. */
  teamsAppId: string;
  conversations: Pick<Conversations, 'find'>;
  limiter: RateLimiter;
}): Notifier {
  return {
    async send({ tenantId, to, summary, message, language }) {
      const reference = (await options.conversations.find(tenantId, to)) as Partial<ConversationReference> | undefined;
      if (!reference?.conversation?.id) {
        throw new DeliveryError({ code: 'recipient-unreachable', userMessage: 'This person has not opened a chat with Core Group yet.', said: said('refusals.teams.notOpened'), internalMessage: `no conversation reference for this ${to.kind}`, status: 404 });
      }
      const card = renderOutboundCard(message, { teamsAppId: options.teamsAppId, words: wordsIn(language ?? 'en') });
      const slot = await options.limiter.acquire([
        { key: `thread:${reference.conversation.id}`, windows: TEAMS_THREAD_LIMITS },
        { key: `tenant:${tenantId}`, windows: TEAMS_TENANT_LIMITS },
      ]);
      let activityId: string | undefined;
      let failure: unknown;
      // A failure inside the callback goes to the adapter's turn-error handler, not to this caller:
      // it is caught here and thrown below, so a refused card can never look delivered.
      try {
        await options.adapter.continueConversationAsync(options.appId, reference, async (context) => {
          try {
            activityId = (await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)], summary }))?.id;
          } catch (error) {
            failure = error;
          }
        });
      } finally {
        await slot.answered();
      }
      if (failure !== undefined) {
        const error = failure;
        const status = (error as { statusCode?: number }).statusCode ?? 0;
        const retryAfter = Number((error as { response?: { headers?: { get?(name: string): string | undefined } } }).response?.headers?.get?.('retry-after'));
        throw new DeliveryError({
          // 404: Teams does not know the conversation (the app was removed); 403: the person blocked the
          // app. Either is as unreachable as no reference at all: the notice goes by e-mail instead.
          code: status === 404 || status === 403 ? 'recipient-unreachable' : 'delivery-failed',
          userMessage: RETRYABLE.has(status) ? 'Teams is busy; the message will be sent again shortly.' : 'Teams refused the message.',
          said: said(RETRYABLE.has(status) ? 'refusals.teams.busy' : 'refusals.teams.refused'),
          internalMessage: `the Teams connector answered ${status || 'nothing'} to a ${message.kind} message for a ${to.kind}`,
          status,
          retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
          cause: error,
        });
      }
      return { activityId };
    },
  };
}
