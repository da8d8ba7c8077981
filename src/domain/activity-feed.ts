import type { NoticeKind } from './notice-delivery';

/**
 * The activity types the app declares in its manifest (`activities.activityTypes`): the Teams
 * activity feed takes no other. Each names the case by its reference (`{caseReference}`), never
 * the child.
 */
export const ACTIVITY_TYPES = ['checkInDue', 'checkInChase', 'deadlineNotice', 'concernRaised'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Where selecting a feed item takes the person: their chat with the bot (where the card is), or the dashboard tab. */
export type ActivityDestination = 'bot-chat' | 'dashboard';

/**
 * The notices that also go to the person's activity feed, where people look for what needs them:
 * being asked to check in, being chased for it, a deadline or drift signal, a concern that came to
 * them. Other notices stay in the chat (and e-mail).
 */
const FEED: Partial<Record<NoticeKind, { readonly activityType: ActivityType; readonly destination: ActivityDestination }>> = {
  'check-in-prompt': { activityType: 'checkInDue', destination: 'bot-chat' },
  chase: { activityType: 'checkInChase', destination: 'bot-chat' },
  signal: { activityType: 'deadlineNotice', destination: 'dashboard' },
  concern: { activityType: 'concernRaised', destination: 'dashboard' },
};

/** The feed item a notice of this kind also makes, if it makes one. */
export function activityOf(kind: NoticeKind): { readonly activityType: ActivityType; readonly destination: ActivityDestination } | undefined {
  return FEED[kind];
}
