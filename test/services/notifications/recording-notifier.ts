import { DeliveryError, type Notification, type Notifier } from '../../../src/services/ports/notifier.port';

/** A notifier that records what the use cases decided to send; `refuse` makes the next sends fail as Teams would. */
export function recordingNotifier() {
  const sent: Notification[] = [];
  const refusals: DeliveryError[] = [];
  const notifier: Notifier = {
    async send(notification) {
      const refusal = refusals.shift();
      if (refusal) throw refusal;
      sent.push(notification);
      return { activityId: `activity-${sent.length}` };
    },
  };
  return {
    notifier,
    sent,
    /** The next send fails with this status, as the Teams notifier reports it (404: never opened a chat with the app; 403: blocked it; 429: throttled; 503: down). */
    refuse: (status: number) => refusals.push(new DeliveryError({ code: status === 404 || status === 403 ? 'recipient-unreachable' : 'delivery-failed', userMessage: `refused with ${status}`, status })),
  };
}
