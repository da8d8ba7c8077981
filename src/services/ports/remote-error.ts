import { DomainError, type ErrorCode, type Said } from '../../domain/errors';

/** What an adapter knows when the system behind a port fails. */
export interface RemoteFailure<Code extends ErrorCode> {
  /** What it means for the caller (wait and try again, or stop asking); the edges translate it. */
  readonly code: Code;
  /** Safe to show to a practitioner. */
  readonly userMessage: string;
  /** The same as catalogue words, for the edges to say in their reader's language. */
  readonly said?: Said | undefined;
  /** For the logs: the operation and what the remote side answered. Never personal data. */
  readonly internalMessage?: string | undefined;
  /** The HTTP status the remote side answered with; 0 when it could not be reached. */
  readonly status: number;
  /** The remote side's own error code (Graph's `error.code`). */
  readonly remoteCode?: string | undefined;
  /** The remote side's id for the request, to quote to its support. */
  readonly requestId?: string | undefined;
  /** How long the remote side asked us to wait (its `Retry-After`). */
  readonly retryAfterMs?: number | undefined;
  /** What the SDK threw. */
  readonly cause?: unknown;
}

/**
 * A failure of a system behind a port (Graph, the Teams connector), with the diagnostics an
 * operator needs: the remote status and error code, its request id, and how long it asked us to
 * wait. Each port names its subclass and the codes it may carry.
 */
export abstract class RemoteError<Code extends ErrorCode> extends DomainError {
  readonly code: Code;
  readonly status: number;
  readonly remoteCode?: string | undefined;
  readonly requestId?: string | undefined;
  readonly retryAfterMs?: number | undefined;

  constructor(failure: RemoteFailure<Code>) {
    super(failure.userMessage, { cause: failure.cause, internalMessage: failure.internalMessage, said: failure.said });
    this.code = failure.code;
    this.status = failure.status;
    this.remoteCode = failure.remoteCode;
    this.requestId = failure.requestId;
    this.retryAfterMs = failure.retryAfterMs;
  }
}
