import { DomainError } from '../../domain/errors';

/** Sends a card to a person's 1:1 chat (or a chat) the bot already has a conversation with. */
export interface Notifier {
  sendCard(request: { tenantId: string; recipientKey: string; card: object; summary: string }): Promise<{ activityId?: string | undefined }>;
}

/** A message could not be delivered: throttled (with when to retry), unavailable, or nowhere to send it. */
export class DeliveryError extends DomainError {
  readonly code = 'delivery-failed' as const;
  readonly status: number;
  readonly retryAfterMs?: number | undefined;

  constructor(options: { message: string; status: number; retryAfterMs?: number | undefined; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}
