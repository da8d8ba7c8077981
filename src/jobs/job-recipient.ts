import type { Job } from '../services/ports/store.port';

/**
 * Who a message job is for, from its payload (see src/contracts/jobs.contract.ts): one person's
 * (or one chat's) messages are sent in order, while different people's go out side by side. Read
 * loosely on purpose — any job kind may be grouped, and one without a recipient runs on its own.
 */
export function recipientOfJob(job: Job): string | undefined {
  const payload = job.payload as { aadObjectId?: unknown; recipientAadObjectId?: unknown; recipientMemberId?: unknown; chatId?: unknown; memberId?: unknown } | null;
  // A signal's `memberId` is whom it is about: its recipient is named by `recipient…` first.
  const recipient = payload?.recipientAadObjectId ?? payload?.recipientMemberId ?? payload?.aadObjectId ?? payload?.chatId ?? payload?.memberId;
  return typeof recipient === 'string' ? recipient : undefined;
}
