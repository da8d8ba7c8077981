import type { RecordedNoticeDelivery } from '../../../src/services/ports/store.port';
import type { Mailer } from '../../../src/services/ports/mailer.port';

/** What the delivery policy needs besides the notifier, recording what it did: e-mails sent, attempts recorded, jobs queued. */
export function noticeDeps(now = '2026-06-03T09:31:00.000Z') {
  const mails: Parameters<Mailer['sendMail']>[0][] = [];
  const recorded: (RecordedNoticeDelivery & { id: string })[] = [];
  const queued: { kind: string; payload: unknown; idempotencyKey: string }[] = [];
  return {
    mails,
    recorded,
    queued,
    deps: {
      mailer: { sendMail: async (mail: Parameters<Mailer['sendMail']>[0]) => void mails.push(mail) } satisfies Mailer,
      noticeDeliveries: { record: async (delivery: RecordedNoticeDelivery & { id: string }) => void recorded.push(delivery) },
      clock: { nowIso: () => now },
      jobs: {
        enqueue: async (job: { id: string; kind: string; payload: unknown; idempotencyKey: string; runAt: string }) => {
          queued.push(job);
          return { job: { ...job, status: 'queued' as const, attempts: 0, maxAttempts: 8 }, created: true };
        },
      },
    },
  };
}
