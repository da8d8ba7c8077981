import type { Activity, ActivityHandler, InvokeResponse, TurnContext } from 'botbuilder';
import { type NextFunction, type Request, type Response, type Router, Router as createRouter } from 'express';
import { botActivitySchema } from '../contracts/bot-activity.contract';
import type { ErrorBody } from '../contracts/errors.contract';
import { ERROR_TRANSLATIONS, errorLogFields, translationOf } from '../errors/error-codes';
import { jsonBody } from './json-body';
import type { Logger } from './logger';
import { RequestRefusedError } from './request-refused';

/**
 * The largest activity read. Teams caps a message at about 28 KB of text; with its HTML twin,
 * mentions and channel data an activity stays well under 100 KB, and card submits are smaller.
 */
const ACTIVITY_LIMIT = '256kb';

/** An Authorization header that can hold a channel token at all: `Bearer` and a JWT's characters. */
const BEARER_SHAPED = /^Bearer [\w.~+/-]+=*$/;

/** Bot Framework's activity types: a log line names one of these, never what a request says instead. */
const ACTIVITY_TYPES = new Set(['message', 'messageUpdate', 'messageDelete', 'messageReaction', 'conversationUpdate', 'installationUpdate', 'invoke', 'event', 'typing', 'endOfConversation']);
const loggedType = (type: string) => (ACTIVITY_TYPES.has(type) ? type : 'other');

/** Token failures from botbuilder's validator and from jsonwebtoken underneath it. */
const AUTH_FAILURES = new Set(['AuthenticationError', 'JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * `POST /api/messages`: the Bot Framework endpoint. With tokens required (always, but in local
 * mode, whose Playground sends none), a request without a Bearer token is refused before its body
 * is read; the body is then read up to the activity limit, the envelope is schema-checked, and the
 * adapter verifies the token. Failures are mapped here once: any token problem is a 401 (a bad
 * signature or `alg: none` included), anything else a 500 with a generic body, logged with its
 * code at the level the error table gives. Neither the activity nor the error text for people is
 * logged or echoed back.
 */
export function botRouter(options: {
  adapter: { handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> };
  bot: ActivityHandler;
  logger: Logger;
  tokensRequired: boolean;
}): Router {
  const router = createRouter();
  const bearerFirst = (request: Request, _response: Response, next: NextFunction) => {
    const refused = options.tokensRequired && !BEARER_SHAPED.test(request.headers.authorization ?? '');
    next(refused ? new RequestRefusedError('unauthorized') : undefined);
  };
  router.post('/api/messages', bearerFirst, ...jsonBody({ limit: ACTIVITY_LIMIT }), async (request, response) => {
    const envelope = botActivitySchema.safeParse(request.body);
    if (!envelope.success) {
      const invalid: ErrorBody = { error: { code: 'invalid-input', message: 'Not a Bot Framework activity' } };
      response.status(400).json(invalid);
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
        options.logger.warn({ reason: name, activityType: loggedType(envelope.data.type) }, 'bot request refused: token not valid');
        const refused = new RequestRefusedError('unauthorized');
        const unauthorized: ErrorBody = { error: { code: refused.code, message: refused.userMessage } };
        response.status(ERROR_TRANSLATIONS.unauthorized.http.status).json(unauthorized);
        return;
      }
      // The turn's own translation happened in the adapter's turn-error handler; what reaches here is
      // a turn that must fail (a Teams event), and any failure is a 500 so that the channel delivers it again.
      options.logger[translationOf(error).log]({ ...errorLogFields(error), activityType: loggedType(envelope.data.type) }, 'bot request failed');
      const failed: ErrorBody = { error: { code: 'internal', message: 'Something went wrong; it has been logged' } };
      response.status(500).json(failed);
    }
  });
  return router;
}
