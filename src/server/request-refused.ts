import { DomainError, said } from '../domain/errors';

/** What the edge tells the caller for each refusal: fixed words, never anything from the request (`refusals.byCode` in the catalogues). */
const WORDS = {
  unauthorized: 'The request is not authorised.',
  'payload-too-large': 'The request body is too large for this endpoint.',
  'unsupported-media-type': 'Send the body as JSON in UTF-8 (Content-Type: application/json).',
  'misdirected-request': 'This server does not answer for that host name.',
  'foreign-origin': 'Requests from other sites are not accepted here.',
} as const;

/**
 * The HTTP edge's refusal of a request itself, before any service sees it: no token that could be
 * one (401), a body too large (413) or not JSON in UTF-8 (415), a Host this server does not answer
 * for (421), a change asked for by another site's page (403). `sendError` translates it from the
 * error table like any domain error, and its log line is its code and these words only.
 */
export class RequestRefusedError extends DomainError {
  readonly code: 'unauthorized' | 'payload-too-large' | 'unsupported-media-type' | 'misdirected-request' | 'foreign-origin';

  constructor(code: keyof typeof WORDS) {
    super(WORDS[code], { said: said(`refusals.byCode.${code}`) });
    this.code = code;
  }
}
