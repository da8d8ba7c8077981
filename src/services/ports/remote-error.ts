import { DomainError } from '../../domain/errors';

/** What an adapter knows when the system behind a port fails. */
export interface RemoteFailure {
  /** Safe to show to a practitioner. */
  readonly userMessage: string;
  /** For the logs: the operation and what the remote side answered. Never personal data. */
  readonly internalMessage?: string | undefined;
  /** The HTTP status the remote side answered with; 0 when it could not be reached. */
  readonly status: number;
  /** The remote side's id for the request, to quote to its support. */
  readonly requestId?: string | undefined;
  /** How long the remote side asked us to wait (its `Retry-After`). */
  readonly retryAfterMs?: number | undefined;
  /** What the SDK threw. */
  readonly cause?: unknown;
}

/**
 * A failure of a system behind a port (Graph, the Teams connector), with the diagnostics an
 * operator needs: the remote status, its request id, and how long it asked us to wait. The
 * subclass's `code` says what it means for the caller; the edges translate that code.
 */
export abstract class RemoteError extends DomainError {
  readonly status: number;
  readonly requestId?: string | undefined;
  readonly retryAfterMs?: number | undefined;

  constructor(failure: RemoteFailure) {
    super(failure.userMessage, { cause: failure.cause, internalMessage: failure.internalMessage });
    this.status = failure.status;
    this.requestId = failure.requestId;
    this.retryAfterMs = failure.retryAfterMs;
  }
}
