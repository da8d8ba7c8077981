import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import type { ErrorBody } from '../contracts/errors.contract';
import { errorLogFields } from '../errors/error-codes';
import { sendError } from './api-errors';
import type { Logger } from './logger';
import { loopbackOnly } from './loopback-guard';

/** What the health endpoint asks of the rest of the service. */
export interface HealthProbe {
  /** Resolves when the database answers; rejects with the reason otherwise. */
  checkDatabase(): Promise<void>;
}

/**
 * How the service is reached. `public`: production, by https only (TLS ends in front of it), so
 * every answer tells browsers never to use plain http for this host. `loopback`: local mode, over
 * http on 127.0.0.1 with no authentication, so only requests that name loopback in `Host` (and,
 * to change something, in `Origin`) are answered.
 */
export type Exposure = 'public' | 'loopback';

/** A year, this host and its subdomains: sent by production on every answer. */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * The HTTP host: `/healthz`, then the routers the composition root mounts (the bot endpoint
 * `/api/messages`, Graph's notifications, the tab API, the built tab), a JSON 404, and the last
 * error handler. Every answer says nosniff, no referrer, no caching, and a Content-Security-Policy
 * that runs and frames nothing (the tab's pages set their own); no CORS headers are ever sent.
 */
export function createHttpApp(options: { logger: Logger; health: HealthProbe; version: string; routers?: readonly Router[]; exposure?: Exposure }): Express {
  const exposure = options.exposure ?? 'public';
  const app = express();
  app.disable('x-powered-by');
  // In production TLS ends at App Service's front end, one hop away: the client's address (the parents' check-in links are limited by it) is the one it adds to X-Forwarded-For.
  if (exposure === 'public') app.set('trust proxy', 1);
  app.use((_request, response, next) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    if (exposure === 'public') response.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    next();
  });
  if (exposure === 'loopback') app.use(loopbackOnly);

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
    const unknown: ErrorBody = { error: { code: 'not-found', message: 'No such endpoint' } };
    response.status(404).json(unknown);
  });
  // What a route did not answer itself (a refusal at the edge, a body parser, the Graph notifications route) is translated from the same table.
  app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => sendError(response, error, options.logger));
  return app;
}
