import { randomUUID } from 'node:crypto';
import type * as Graph from '@microsoft/microsoft-graph-types';

/** A mailbox in the simulated tenant. */
export interface SimulatedUser {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  readonly mailboxSettings: Graph.MailboxSettings;
  events: StoredEvent[];
}

/** An event as the simulator keeps it: Graph's shape plus the UTC instants it covers. */
export interface StoredEvent extends Graph.Event {
  id: string;
  /** The organiser's copy is the master; attendee copies point at it. */
  masterId?: string;
}

/** An online meeting created for a Teams event. */
export interface SimulatedOnlineMeeting {
  readonly id: string;
  readonly joinWebUrl: string;
  readonly organizerId: string;
  readonly chatThreadId: string;
  readonly eventId: string;
}

export interface SimulatedSubscription extends Graph.Subscription {
  id: string;
}

/**
 * The simulated tenant's data. Plain objects in memory: the simulator stands in for Microsoft
 * Graph during local runs and tests, and starts from its seed each time.
 */
export class SimulatorState {
  readonly users = new Map<string, SimulatedUser>();
  readonly onlineMeetings: SimulatedOnlineMeeting[] = [];
  readonly installedApps = new Map<string, { id: string; teamsAppId: string; consentedPermissions: readonly string[] }[]>();
  readonly subscriptions = new Map<string, SimulatedSubscription>();
  readonly issuedTokens = new Set<string>();
  /** Messages sent with `sendMail`, newest last: what the tests read as the external recipients' inboxes. */
  readonly sentMail: { readonly from: string; readonly message: Graph.Message }[] = [];

  addUser(user: Omit<SimulatedUser, 'events'> & { events?: StoredEvent[] }): void {
    this.users.set(user.id, { ...user, events: user.events ?? [] });
  }

  /** Finds a user by object id, mail or user principal name, as Graph's `/users/{id}` does. */
  findUser(idOrMail: string): SimulatedUser | undefined {
    const key = decodeURIComponent(idOrMail).toLowerCase();
    for (const user of this.users.values()) if (user.id.toLowerCase() === key || user.mail.toLowerCase() === key) return user;
    return undefined;
  }

  /** Adds an event to a mailbox, as a user's own appointment. */
  addEvent(user: SimulatedUser, event: Graph.Event): StoredEvent {
    const stored: StoredEvent = { ...event, id: event.id ?? randomUUID(), iCalUId: event.iCalUId ?? randomUUID() };
    user.events.push(stored);
    return stored;
  }
}
