import { DomainError, type ErrorCode, type Said, said } from '../domain/errors';

/** A domain error's code, or `internal` for anything that is not one (a bug, a lost database connection). */
export type EdgeCode = ErrorCode | 'internal';

/** What every edge does with one code. */
export interface ErrorTranslation {
  /**
   * The tab API's answer (and any other HTTP route's): the status, and with `retryAfterSeconds`
   * a `Retry-After` header — the remote side's own wait when the error carries one, else this.
   * With `message`, the body says these catalogue words whatever the error's own (see `not-found`).
   */
  readonly http: { readonly status: number; readonly retryAfterSeconds?: number; readonly message?: Said };
  /** A job that failed with it: tried again (backoff, or the remote side's `Retry-After`), or dead-lettered now. */
  readonly job: 'retry' | 'dead-letter';
  /**
   * What people are told — the bot on the card or in the chat, the tab API in the body, the CLI on
   * stderr: the error's `userMessage`, or general words ("it has been logged") that say nothing of it.
   */
  readonly tell: 'user-message' | 'generic';
  /** `coregroup`'s exit code (2, wrong usage, is the CLI's own). */
  readonly exitCode: number;
  /**
   * How loudly an edge logs it: `info` for a refusal of what the caller asked (their input, their
   * role, a rule), `warn` for a system behind a port failing, `error` for a fault of ours.
   */
  readonly log: 'info' | 'warn' | 'error';
}

const callerMistake = (status: number): ErrorTranslation => ({ http: { status }, job: 'dead-letter', tell: 'user-message', exitCode: 1, log: 'info' });

/**
 * The one table the edges translate errors from: the tab API (`src/server/api-errors.ts`), the bot
 * (its turn-error handler and the refusals it answers on cards), the CLI (`src/cli/run-cli.ts`) and
 * the job runner (`src/jobs/job-runner.ts`). A `Record` over every code, so tsc refuses a new code
 * without a row. See src/errors/README.md.
 */
export const ERROR_TRANSLATIONS: { readonly [Code in EdgeCode]: ErrorTranslation } = {
  'invalid-input': callerMistake(400),
  forbidden: callerMistake(403),
  // One answer for every id the caller cannot have: one that does not exist and one of a core group
  // they are not a member of (authorise raises not-found for that too) cannot be told apart.
  'not-found': { ...callerMistake(404), http: { status: 404, message: said('refusals.notFound') } },
  'already-exists': callerMistake(409),
  'rule-violation': callerMistake(422),
  'outside-holiday-data': callerMistake(422),
  // The deployment lacks a setting a use case needs: the administrator must set it; logged as ours to fix.
  'not-configured': { http: { status: 503 }, job: 'dead-letter', tell: 'user-message', exitCode: 1, log: 'error' },
  // Someone else saved first: the tab shows both versions; a job reads again and tries again.
  'version-conflict': { http: { status: 409 }, job: 'retry', tell: 'user-message', exitCode: 1, log: 'info' },
  'calendar-unavailable': { http: { status: 503, retryAfterSeconds: 60 }, job: 'retry', tell: 'user-message', exitCode: 1, log: 'warn' },
  'calendar-refused': { http: { status: 502 }, job: 'dead-letter', tell: 'user-message', exitCode: 1, log: 'warn' },
  'mail-unavailable': { http: { status: 503, retryAfterSeconds: 60 }, job: 'retry', tell: 'user-message', exitCode: 1, log: 'warn' },
  'mail-refused': { http: { status: 502 }, job: 'dead-letter', tell: 'user-message', exitCode: 1, log: 'warn' },
  // Teams says 400 while it is unavailable as well as when it means no: every failure is tried again.
  'delivery-failed': { http: { status: 502 }, job: 'retry', tell: 'user-message', exitCode: 1, log: 'warn' },
  // No conversation yet: until Teams tells the bot about the chat (the agenda job waits for it), or by e-mail.
  'recipient-unreachable': { http: { status: 502 }, job: 'retry', tell: 'user-message', exitCode: 1, log: 'warn' },
  'record-render-failed': { http: { status: 500 }, job: 'dead-letter', tell: 'user-message', exitCode: 1, log: 'error' },
  // The HTTP edge's refusals of a request itself (its token, body, Host or Origin): no service saw it.
  unauthorized: callerMistake(401),
  'payload-too-large': callerMistake(413),
  'unsupported-media-type': callerMistake(415),
  'misdirected-request': callerMistake(421),
  'foreign-origin': callerMistake(403),
  // Not a domain error: a bug or a lost connection. Say nothing of it to people; a job tries again.
  internal: { http: { status: 500 }, job: 'retry', tell: 'generic', exitCode: 1, log: 'error' },
};

/** The code an edge translates: a domain error's own (if the table knows it), `internal` for anything else. */
export function codeOf(error: unknown): EdgeCode {
  return error instanceof DomainError && Object.hasOwn(ERROR_TRANSLATIONS, error.code) ? error.code : 'internal';
}

/** The table's row for an error, with its code. */
export function translationOf(error: unknown): ErrorTranslation & { readonly code: EdgeCode } {
  const code = codeOf(error);
  return { code, ...ERROR_TRANSLATIONS[code] };
}

/**
 * What people are told about an error, from its row: the error's `userMessage` when the row says
 * so; nothing for anything else (each edge then uses its general words).
 */
export function userMessageFor(error: unknown): string | undefined {
  return error instanceof DomainError && translationOf(error).tell === 'user-message' ? error.userMessage : undefined;
}

/** How long the remote side asked us to wait, when the error carries it (Graph's or Teams' `Retry-After`). */
export function retryAfterMsOf(error: unknown): number | undefined {
  const retryAfterMs = (error as { retryAfterMs?: unknown } | null | undefined)?.retryAfterMs;
  return typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? retryAfterMs : undefined;
}

/** The diagnostics a domain error may carry (a RemoteError's), copied into its log line. */
const DIAGNOSTICS = ['status', 'remoteCode', 'requestId', 'retryAfterMs'] as const;

/**
 * The fields of a log line about a caught error: its code first, so that every translated or
 * swallowed error can be found by code, then the error. A domain error is logged as its name,
 * internal message and diagnostics (status, request id, Retry-After) — not its `cause`, whose SDK
 * body can quote a mailbox or a name; anything else goes whole to pino's error serializer.
 */
export function errorLogFields(error: unknown): { code: EdgeCode; err: unknown } {
  const code = codeOf(error);
  if (!(error instanceof DomainError)) return { code, err: error };
  const diagnostics = Object.fromEntries(DIAGNOSTICS.filter((key) => key in error).map((key) => [key, (error as unknown as Record<string, unknown>)[key]]));
  const cause = (error.cause as { name?: unknown } | undefined)?.name;
  return { code, err: { type: error.name, message: error.message, ...diagnostics, ...(typeof cause === 'string' ? { cause } : {}) } };
}
