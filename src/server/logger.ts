import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Keys that could carry personal data if a caller slipped; pino replaces them before a line is
 * written. Logs carry ids and codes, never names, notes or case content.
 */
const REDACT = [
  'childName',
  '*.childName',
  'displayName',
  '*.displayName',
  'email',
  '*.email',
  'note',
  '*.note',
  'content',
  '*.content',
  'req.headers.authorization',
  'req.headers.cookie',
];

/** The service's structured JSON logger, on stdout unless given where to write (a test reading what it wrote). */
export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino({ level: options.level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'core-group' } }, options.destination);
}

export type { Logger };
