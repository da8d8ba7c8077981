import { type NextFunction, type Request, type RequestHandler, type Response, json } from 'express';
import { RequestRefusedError } from './request-refused';

/**
 * A route's JSON body, read only if it is what the route takes. It must say `application/json`
 * and, if it names a charset, UTF-8 (415 otherwise: a text/plain or form post is what another
 * site's page can send without asking first, and another charset would be read as something
 * else), and be no larger than the route's limit (413, from Content-Length before a byte is read,
 * or as soon as the limit is passed). Malformed JSON is a 400. The parser's own errors, which quote
 * the body, never leave the edge: `sendError` replaces them with fixed words.
 */
export function jsonBody(options: { limit: string }): RequestHandler[] {
  return [onlyJsonInUtf8, json({ limit: options.limit, type: 'application/json' })];
}

function onlyJsonInUtf8(request: Request, _response: Response, next: NextFunction): void {
  const type = request.is('application/json');
  const empty = type === null || request.headers['content-length'] === '0';
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(request.headers['content-type'] ?? '')?.[1];
  const utf8 = charset === undefined || /^utf-8$/i.test(charset);
  next(empty || (type !== false && utf8) ? undefined : new RequestRefusedError('unsupported-media-type'));
}
