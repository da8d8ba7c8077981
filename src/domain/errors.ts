/**
 * Every code an error may carry to an edge. One list, so that the edges' table
 * (`src/errors/error-codes.ts`, a `Record` over it) has a row for each: tsc refuses a new code
 * without one. The first group is the domain's own; the second is what the ports raise when the
 * system behind them fails (Graph's calendar and mail, the Teams connector, the record renderer);
 * the third is what the HTTP edge refuses about a request itself, before any service sees it
 * (`src/server/request-refused.ts`).
 */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'forbidden'
  | 'version-conflict'
  | 'already-exists'
  | 'rule-violation'
  | 'outside-holiday-data'
  | 'not-configured'
  | 'calendar-unavailable'
  | 'calendar-refused'
  | 'mail-unavailable'
  | 'mail-refused'
  | 'delivery-failed'
  | 'recipient-unreachable'
  | 'record-render-failed'
  | 'unauthorized'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'misdirected-request'
  | 'foreign-origin';

/**
 * A refusal's words as an entry of the message catalogues (`refusals.minutes.signed`) with the
 * values it names (a date, a count — never personal data): what each edge says, in its reader's
 * language. The error's `userMessage` is the same sentence in English, for the logs and the CLI.
 */
export interface Said {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

export function said(key: string, values?: Readonly<Record<string, string | number>>): Said {
  return values === undefined ? { key } : { key, values };
}

export interface DomainErrorOptions {
  /** The catalogue's words for it: how the bot and the tab say it, in English or Welsh. */
  readonly said?: Said | undefined;
  /** What was caught underneath (an SDK error, a database error), kept for the logs. */
  readonly cause?: unknown;
  /**
   * What happened, for the logs and whoever reads them: the operation, the remote status, an
   * id. It becomes `message`; without it `message` is the `userMessage`. Never personal data.
   */
  readonly internalMessage?: string | undefined;
}

/**
 * Domain errors carry a stable `code` for the edges to translate (HTTP status, bot reply, CLI exit,
 * job retry — one table, `src/errors/error-codes.ts`), a `userMessage` that is safe to show to a
 * practitioner (no stack, no personal data) and `said`, the same as catalogue words, an internal
 * `message` for the logs, and the `cause`.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly userMessage: string;
  readonly said: Said | undefined;

  constructor(userMessage: string, options: DomainErrorOptions = {}) {
    super(options.internalMessage ?? userMessage, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.userMessage = userMessage;
    this.said = options.said;
  }
}

/** Input that cannot be understood: a malformed date, an unknown nation, a negative count. */
export class InvalidInputError extends DomainError {
  readonly code = 'invalid-input' as const;
}

/** A thing that was asked for by id and does not exist (or is not visible to the caller). */
export class NotFoundError extends DomainError {
  readonly code = 'not-found' as const;
}

/** The caller's role in this core group does not allow the action. */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden' as const;
}

/** Someone else changed the record first (optimistic concurrency). */
export class VersionConflictError extends DomainError {
  readonly code = 'version-conflict' as const;
}

/** Something with the same business key exists already (a case reference used twice in a tenant). */
export class AlreadyExistsError extends DomainError {
  readonly code = 'already-exists' as const;
}

/** The request breaks a rule of the process (chair taking minutes, editing signed minutes, …). */
export class RuleViolationError extends DomainError {
  readonly code = 'rule-violation' as const;
}

/** A date falls outside the years the bank holiday data covers, so working days would be guesses. */
export class OutsideHolidayDataError extends DomainError {
  readonly code = 'outside-holiday-data' as const;
}

/**
 * Something the deployment must provide is missing (a mailbox the area has to name): nobody using
 * the app can change it, and trying again will not help until the administrator has set it.
 */
export class NotConfiguredError extends DomainError {
  readonly code = 'not-configured' as const;
}
