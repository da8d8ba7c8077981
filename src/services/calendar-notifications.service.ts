import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ChangeNotifications } from '../contracts/graph-notifications.contract';
import type { Calendar } from './ports/calendar.port';
import type { Clock } from './ports/clock.port';
import type { CalendarSubscriptionRepository, MeetingRepository } from './ports/store.port';
import type { SchedulingService } from './scheduling.service';

/** Graph keeps an event subscription at most 4,230 minutes; we ask for three days less a margin. */
const SUBSCRIPTION_LIFETIME_MS = 4_200 * 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Compares a presented client state with the stored hash in constant time. */
function clientStateMatches(presented: string | undefined, storedSha256Hex: string): boolean {
  if (!presented) return false;
  return timingSafeEqual(sha256(presented), Buffer.from(storedSha256Hex, 'hex'));
}

/**
 * Attendees' replies, pushed by Graph change notifications (with the client state checked in
 * constant time and lifecycle events handled) and pulled by polling when notifications cannot
 * reach the app.
 */
export function createCalendarNotificationService(deps: {
  calendar: Pick<Calendar, 'subscribeToEvents' | 'renewSubscription'>;
  subscriptions: CalendarSubscriptionRepository;
  meetings: Pick<MeetingRepository, 'findByCalendarEvent' | 'listBookedFrom'>;
  scheduling: Pick<SchedulingService, 'syncResponses'>;
  clock: Clock;
  /** Where Graph posts notifications; a function because the port is known only once listening. */
  notificationUrl: () => string;
}) {
  const expiry = () => new Date(Date.parse(deps.clock.nowIso()) + SUBSCRIPTION_LIFETIME_MS).toISOString();

  const subscribe = async (organiser: string) => {
    const clientState = randomBytes(32).toString('base64url');
    const expiresAt = expiry();
    const { subscriptionId } = await deps.calendar.subscribeToEvents({ organiser, notificationUrl: deps.notificationUrl(), clientState, expiresAt });
    await deps.subscriptions.save({ id: subscriptionId, organiser, clientStateSha256: sha256(clientState).toString('hex'), expiresAt });
    return subscriptionId;
  };

  return {
    /** Subscribes to changes on an organiser's events (replies land on the organiser's copy). */
    subscribe,

    /** The fallback when notifications cannot reach the app: pull replies for every booked meeting to come. */
    async poll(): Promise<number> {
      const meetings = await deps.meetings.listBookedFrom(deps.clock.today(), 500);
      for (const meeting of meetings) await deps.scheduling.syncResponses(meeting.id);
      return meetings.length;
    },

    /**
     * Handles one notification batch. Items with an unknown subscription or a wrong client state
     * are ignored (and counted): anyone can POST to a public URL, only Graph knows the secret.
     */
    async handle(batch: ChangeNotifications): Promise<{ synced: number; rejected: number }> {
      let synced = 0;
      let rejected = 0;
      for (const item of batch.value) {
        const subscription = await deps.subscriptions.find(item.subscriptionId);
        if (!subscription || !clientStateMatches(item.clientState, subscription.clientStateSha256)) {
          rejected++;
          continue;
        }
        if (item.lifecycleEvent === 'reauthorizationRequired') {
          const expiresAt = expiry();
          await deps.calendar.renewSubscription(subscription.id, expiresAt);
          await deps.subscriptions.save({ ...subscription, expiresAt });
          continue;
        }
        if (item.lifecycleEvent === 'subscriptionRemoved') {
          await subscribe(subscription.organiser);
          continue;
        }
        const eventId = item.resourceData?.id;
        const meeting = eventId ? await deps.meetings.findByCalendarEvent(eventId) : undefined;
        if (!meeting) continue;
        await deps.scheduling.syncResponses(meeting.id);
        synced++;
      }
      return { synced, rejected };
    },
  };
}

export type CalendarNotificationService = ReturnType<typeof createCalendarNotificationService>;
