import type { Job } from '../src/services/ports/store.port';

/**
 * Who a message job is for, from its payload: one person's (or one chat's) messages are sent in
 * order, while different people's go out side by side.
 */
export function recipientOfJob(job: Job): string | undefined {
  const payload = job.payload as { aadObjectId?: unknown; recipientAadObjectId?: unknown; chatId?: unknown; memberId?: unknown } | null;
  const recipient = payload?.recipientAadObjectId ?? payload?.aadObjectId ?? payload?.chatId ?? payload?.memberId;
  return typeof recipient === 'string' ? recipient : undefined;
}
