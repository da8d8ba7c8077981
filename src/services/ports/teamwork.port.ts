import type { ActivityType } from '../../domain/activity-feed';

/** One item for one person's Teams activity feed. `previewText`: the notification preview, which never names a child. */
export interface ActivityNotification {
  readonly userId: string;
  readonly activityType: ActivityType;
  readonly previewText: string;
  /** The line under the item (plain text) and the Teams deep link it opens. */
  readonly topic: { readonly text: string; readonly webUrl: string };
  readonly templateParameters: Readonly<Record<string, string>>;
}

/**
 * How installing the app for a person went: installed now, there already, or refused by the
 * organisation (its Teams app permission policy, or a person the tenant cannot install for) —
 * then the bot cannot reach them 1:1 and e-mail is used.
 */
export type AppInstallOutcome = 'installed' | 'already-installed' | 'not-allowed';

/**
 * What Teams offers the app beyond its chats (Microsoft Graph's `teamwork` in production, the
 * simulator locally): the app installed for a person, and their activity feed.
 */
export interface Teamwork {
  /** Installs the app for a person (personal scope), consenting its feed permission. Installing twice is not an error. */
  installAppForUser(userId: string, teamsAppId: string): Promise<AppInstallOutcome>;
  /**
   * Posts to a person's activity feed. Throws DeliveryError: `recipient-unreachable` when the app
   * is not installed for them (or they are not found), `delivery-failed` when Graph is busy or down.
   */
  sendActivity(notification: ActivityNotification): Promise<void>;
}
