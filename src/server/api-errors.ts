import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import { ERROR_TRANSLATIONS, errorLogFields, retryAfterMsOf, translationOf, userMessageFor } from '../errors/error-codes';
import type { Logger } from './logger';

/**
 * The one place HTTP routes turn errors into responses, from the error table: a domain error's
 * status and safe `userMessage` (with `Retry-After` where its row says, e.g. 503 while the calendar
 * is unavailable), a body that does not parse as 400, anything else as a logged 500 with a
 * generic body. The body is always `{ error: { code, message } }`.
 */
export function sendError(response: Response, error: unknown, logger: Logger, extra: Record<string, unknown> = {}): void {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    response.status(ERROR_TRANSLATIONS['invalid-input'].http.status).json({ error: { code: 'invalid-input', message: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'The request is not valid' } });
    return;
  }
  const translation = translationOf(error);
  logger[translation.log](errorLogFields(error), 'HTTP request failed');
  const { status, retryAfterSeconds } = translation.http;
  if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(Math.ceil((retryAfterMsOf(error) ?? retryAfterSeconds * 1000) / 1000)));
  const userMessage = userMessageFor(error);
  if (userMessage === undefined) {
    response.status(status).json({ error: { code: translation.code, message: 'Something went wrong; it has been logged' } });
    return;
  }
  response.status(status).json({ error: { code: translation.code, message: userMessage }, ...extra });
}

/** Wraps an async handler so every failure goes through `sendError`. */
export function handled(logger: Logger, handler: (request: Request, response: Response) => Promise<void>): RequestHandler {
  return (request: Request, response: Response, _next: NextFunction) => {
    handler(request, response).catch((error: unknown) => sendError(response, error, logger));
  };
}
