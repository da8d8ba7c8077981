import { type NextFunction, type Request, type Response, type Router, Router as createRouter } from 'express';
import { changeNotificationsSchema } from '../contracts/graph-notifications.contract';
import type { ErrorBody } from '../contracts/errors.contract';
import type { CalendarNotificationService } from '../services/calendar-notifications.service';
import { jsonBody } from './json-body';
import type { Logger } from './logger';

/**
 * The largest batch read: the contract takes up to 1,000 notifications, each well under 1 KB
 * (ids, a client state, a resource path; never resource data).
 */
const BATCH_LIMIT = '1mb';

/**
 * Graph's subscription validation: the token in the query echoed as plain text, before any body
 * is read (Graph sends none worth reading).
 */
function answerValidation(request: Request, response: Response, next: NextFunction): void {
  const validationToken = request.query.validationToken;
  if (typeof validationToken !== 'string') {
    next();
    return;
  }
  response.status(200).type('text/plain').send(validationToken);
}

/**
 * `POST /api/graph/notifications`: Graph's subscription validation and change notifications (read
 * up to the batch limit, schema-checked, then handed to the service; 202 either way so Graph does
 * not retry a batch we have judged).
 */
export function graphNotificationsRouter(options: { service: Pick<CalendarNotificationService, 'handle'>; logger: Logger }): Router {
  const router = createRouter();
  router.post('/api/graph/notifications', answerValidation, ...jsonBody({ limit: BATCH_LIMIT }), async (request, response) => {
    const parsed = changeNotificationsSchema.safeParse(request.body);
    if (!parsed.success) {
      const refused: ErrorBody = { error: { code: 'invalid-input', message: 'Not a Graph change notification batch' } };
      response.status(400).json(refused);
      return;
    }
    const result = await options.service.handle(parsed.data);
    if (result.rejected > 0) options.logger.warn({ rejected: result.rejected }, 'graph notifications with an unknown subscription or wrong client state ignored');
    response.status(202).end();
  });
  return router;
}
