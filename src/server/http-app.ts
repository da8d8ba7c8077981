import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import { errorLogFields } from '../errors/error-codes';
import { sendError } from './api-errors';
import type { Logger } from './logger';

/** What the health endpoint asks of the rest of the service. */
export interface HealthProbe {
  /** Resolves when the database answers; rejects with the reason otherwise. */
  checkDatabase(): Promise<void>;
}

/**
 * The HTTP host. It serves `/healthz` now; the bot endpoint (`/api/messages`), the tab API
 * (`/api/*`) and the built tab are mounted here by the composition root as they arrive.
 */
export function createHttpApp(options: { logger: Logger; health: HealthProbe; version: string; routers?: readonly Router[] }): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_request, response, next) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cache-Control', 'no-store');
    next();
  });

  app.get('/healthz', async (_request, response) => {
    try {
      await options.health.checkDatabase();
      response.json({ status: 'ok', version: options.version, database: 'ok' });
    } catch (error) {
      options.logger.error(errorLogFields(error), 'health check: database unreachable');
      response.status(503).json({ status: 'unavailable', version: options.version, database: 'unreachable' });
    }
  });

  for (const router of options.routers ?? []) app.use(router);

  app.use((_request, response) => {
    response.status(404).json({ error: { code: 'not-found', message: 'No such endpoint' } });
  });
  // What a route did not answer itself (the Graph notifications route, a body parser) is translated from the same table.
  app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => sendError(response, error, options.logger));
  return app;
}
