import { type Router, Router as createRouter, json, text } from 'express';
import { changeNotificationsSchema } from '../contracts/graph-notifications.contract';
import type { ErrorBody } from '../contracts/errors.contract';
import type { CalendarNotificationService } from '../services/calendar-notifications.service';
import type { Logger } from './logger';

/**
 * `POST /api/graph/notifications`: Graph's subscription validation (echo the token as plain text)
 * and change notifications (schema-checked, then handed to the service; 202 either way so Graph
 * does not retry a batch we have judged).
 */
export function graphNotificationsRouter(options: { service: Pick<CalendarNotificationService, 'handle'>; logger: Logger }): Router {
  const router = createRouter();
  router.post('/api/graph/notifications', json({ limit: '1mb' }), text({ type: 'text/plain' }), async (request, response) => {
    const validationToken = request.query.validationToken;
    if (typeof validationToken === 'string') {
      response.status(200).type('text/plain').send(validationToken);
      return;
    }
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
