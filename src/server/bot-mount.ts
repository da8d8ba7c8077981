import type { Activity, ActivityHandler, InvokeResponse, TurnContext } from 'botbuilder';
import { type Router, Router as createRouter, json } from 'express';
import { z } from 'zod';
import { errorLogFields, translationOf } from '../errors/error-codes';
import type { Logger } from './logger';

/** The envelope every Bot Framework activity has; the bot validates what each handler reads. */
const activityEnvelope = z
  .object({
    type: z.string().min(1).max(64),
    serviceUrl: z.string().url(),
    channelId: z.string().min(1).max(64),
    conversation: z.object({ id: z.string().min(1) }).passthrough(),
  })
  .passthrough();

/** Token failures from botbuilder's validator and from jsonwebtoken underneath it. */
const AUTH_FAILURES = new Set(['AuthenticationError', 'JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * `POST /api/messages`: the Bot Framework endpoint. The envelope is schema-checked, the adapter
 * authenticates the request, and failures are mapped here once: any token problem is a 401 (a
 * bad signature or `alg: none` included), anything else a 500 with a generic body, logged with its
 * code at the level the error table gives. Neither the activity nor the error text for people is
 * logged or echoed back.
 */
export function botRouter(options: {
  adapter: { handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> };
  bot: ActivityHandler;
  logger: Logger;
}): Router {
  const router = createRouter();
  router.post('/api/messages', json({ limit: '1mb' }), async (request, response) => {
    const envelope = activityEnvelope.safeParse(request.body);
    if (!envelope.success) {
      response.status(400).json({ error: { code: 'invalid-input', message: 'Not a Bot Framework activity' } });
      return;
    }
    try {
      const invokeResponse = await options.adapter.handle(request.headers.authorization ?? '', request.body as Activity, (context) => options.bot.run(context));
      response.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body === undefined) response.end();
      else response.json(invokeResponse.body);
    } catch (error) {
      const name = (error as { name?: string } | null)?.name ?? '';
      if (AUTH_FAILURES.has(name) || (error as { statusCode?: number } | null)?.statusCode === 401) {
        options.logger.warn({ reason: name, activityType: envelope.data.type }, 'bot request refused: token not valid');
        response.status(401).json({ error: { code: 'unauthorized', message: 'The request is not authorised' } });
        return;
      }
      // The turn's own translation happened in the adapter's turn-error handler; what reaches here is
      // a turn that must fail (a Teams event), and any failure is a 500 so that the channel delivers it again.
      options.logger[translationOf(error).log]({ ...errorLogFields(error), activityType: envelope.data.type }, 'bot request failed');
      response.status(500).json({ error: { code: 'internal', message: 'Something went wrong; it has been logged' } });
    }
  });
  return router;
}
