import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import type { ErrorBody } from '../contracts/errors.contract';
import { fieldRefusal } from '../contracts/problem';
import { DomainError, InvalidInputError, NotFoundError, said } from '../domain/errors';
import { ERROR_TRANSLATIONS, errorLogFields, retryAfterMsOf, translationOf } from '../errors/error-codes';
import { refusalIn } from '../errors/refusal-words';
import { type Language, languageOfLocale } from '../i18n/language';
import { wordsIn } from '../i18n/words';
import type { Logger } from './logger';
import { RequestRefusedError } from './request-refused';

/**
 * The one place HTTP routes turn errors into responses, from the error table: a domain error's
 * status and safe `userMessage` (or the row's own words, as for every 404), with `Retry-After`
 * where its row says (e.g. 503 while the calendar is unavailable); a body that does not parse as
 * 400; what Express and its body parser refuse (a body too large, not JSON, malformed) as the
 * edge's own refusals; anything else as a logged 500 with a generic body. The body is always
 * `{ error: { code, message } }`, the message in the language the request asks for
 * (`Accept-Language`: the tab sends its page's), from the catalogues.
 */
export function sendError(response: Response, caught: unknown, logger: Logger, extra: Record<string, unknown> = {}): void {
  const error = frameworkRefusalOf(caught) ?? caught;
  const words = wordsIn(languageAsked(response.req));
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const refusal = issue ? fieldRefusal(issue.path.join('.') || 'body', issue) : undefined;
    const message = refusal ? words.t(refusal.key, refusal.values ?? {}) : words.t('refusals.byCode.invalid-input');
    const invalid: ErrorBody = { error: { code: 'invalid-input', message } };
    response.status(ERROR_TRANSLATIONS['invalid-input'].http.status).json(invalid);
    return;
  }
  const translation = translationOf(error);
  logger[translation.log](errorLogFields(error), 'HTTP request failed');
  const { status, retryAfterSeconds } = translation.http;
  if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(Math.ceil((retryAfterMsOf(error) ?? retryAfterSeconds * 1000) / 1000)));
  const userMessage = translation.http.message ? words.t(translation.http.message.key) : refusalIn(words, error);
  if (userMessage === undefined) {
    const generic: ErrorBody = { error: { code: translation.code, message: words.t('refusals.loggedFault') } };
    response.status(status).json(generic);
    return;
  }
  const answer: ErrorBody = { error: { code: translation.code, message: userMessage } };
  response.status(status).json({ ...answer, ...extra });
}

/**
 * What Express refused before a route ran, as the edge's own error: body-parser's errors (too
 * large, a charset or encoding it does not read, malformed JSON — which carry the body and quote it
 * in their message) and a path that does not decode. Only their status is kept; never their text.
 */
function frameworkRefusalOf(error: unknown): DomainError | undefined {
  if (!(error instanceof Error) || error instanceof DomainError) return undefined;
  const status = (error as { status?: unknown }).status;
  const fromFramework = (error as { expose?: unknown }).expose === true || error instanceof URIError;
  if (!fromFramework || typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (status === 413) return new RequestRefusedError('payload-too-large');
  if (status === 415) return new RequestRefusedError('unsupported-media-type');
  if (status === 404) return new NotFoundError('No such endpoint', { said: said('serviceRefusals.server.noEndpoint') });
  return new InvalidInputError('The request could not be read: a body must be well-formed JSON.', { said: said('serviceRefusals.server.unreadableBody') });
}

/** The language a request asks to be answered in: Welsh when its `Accept-Language` prefers it to English. */
export function languageAsked(request: Request | undefined): Language {
  const asked = request?.acceptsLanguages('en', 'cy');
  return typeof asked === 'string' ? languageOfLocale(asked) : 'en';
}

/** Wraps an async handler so every failure goes through `sendError`. */
export function handled(logger: Logger, handler: (request: Request, response: Response) => Promise<void>): RequestHandler {
  return (request: Request, response: Response, _next: NextFunction) => {
    handler(request, response).catch((error: unknown) => sendError(response, error, logger));
  };
}
