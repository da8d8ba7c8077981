import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import { DomainError } from '../domain/errors';
import type { Logger } from './logger';

const STATUS_BY_CODE: Record<string, number> = {
  'invalid-input': 400,
  forbidden: 403,
  'not-found': 404,
  'version-conflict': 409,
  'already-exists': 409,
  'rule-violation': 422,
  'outside-holiday-data': 422,
  'delivery-failed': 502,
};

/** The one place the tab API turns errors into responses: a domain error's safe message and status, a bad body as 400. */
export function sendError(response: Response, error: unknown, logger: Logger, extra: Record<string, unknown> = {}): void {
  if (error instanceof DomainError) {
    response.status(STATUS_BY_CODE[error.code] ?? 400).json({ error: { code: error.code, message: error.userMessage }, ...extra });
    return;
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    response.status(400).json({ error: { code: 'invalid-input', message: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'The request is not valid' } });
    return;
  }
  logger.error({ err: error }, 'tab API request failed');
  response.status(500).json({ error: { code: 'internal', message: 'Something went wrong; it has been logged' } });
}

/** Wraps an async handler so every failure goes through `sendError`. */
export function handled(logger: Logger, handler: (request: Request, response: Response) => Promise<void>): RequestHandler {
  return (request: Request, response: Response, _next: NextFunction) => {
    handler(request, response).catch((error: unknown) => sendError(response, error, logger));
  };
}
