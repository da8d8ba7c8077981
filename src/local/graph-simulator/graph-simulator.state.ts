import { randomUUID } from 'node:crypto';
import type * as Graph from '@microsoft/microsoft-graph-types';

/** A mailbox in the simulated tenant. */
export interface SimulatedUser {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  /** `Guest` for someone the organisation invited from outside (their sign-in name is not their address); a member otherwise. */
  readonly userType?: 'Member' | 'Guest' | undefined;
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

/** The app role `CoreGroup.Create` as declared in `aad.manifest.json` (same id). */
export const CREATE_CORE_GROUPS_ROLE_ID = '5c0e3f1a-7d42-4b8e-9a61-2f3c4d5e6a7b';

/**
 * The simulated tenant's data. Plain objects in memory: the simulator stands in for Microsoft
 * Graph during local runs and tests, and starts from its seed each time.
 */
export class SimulatorState {
  readonly users = new Map<string, SimulatedUser>();
  readonly onlineMeetings: SimulatedOnlineMeeting[] = [];
  readonly installedApps = new Map<string, { id: string; teamsAppId: string; consentedPermissions: readonly string[] }[]>();
  /** Apps installed in each user's personal scope, by user id. */
  readonly userApps = new Map<string, { id: string; teamsAppId: string }[]>();
  /** Users the organisation's Teams app permission policy does not allow the app for: installing it for them is refused (403). */
  readonly appBlockedFor = new Set<string>();
  /** Activity feed notifications sent, oldest first: what the tests read as each person's feed. */
  readonly activityFeed: { readonly userId: string; readonly activityType: string; readonly previewText: string; readonly topic: { source: string; value: string; webUrl?: string }; readonly templateParameters: readonly { name: string; value: string }[] }[] = [];
  readonly subscriptions = new Map<string, SimulatedSubscription>();
  readonly issuedTokens = new Set<string>();
  /** Messages sent with `sendMail`, newest last: what the tests read as the external recipients' inboxes. */
  readonly sentMail: { readonly from: string; readonly message: Graph.Message }[] = [];
  /** The app's service principal in this tenant, with the roles its registration declares. */
  readonly servicePrincipal: Graph.ServicePrincipal & { id: string } = { id: randomUUID(), appRoles: [{ id: CREATE_CORE_GROUPS_ROLE_ID, value: 'CoreGroup.Create', isEnabled: true, allowedMemberTypes: ['User'] }] };
  /** App role assignments to users, by user id: what an administrator set in Entra's Enterprise applications. */
  readonly appRoleAssignments = new Map<string, Graph.AppRoleAssignment[]>();

  /** Assigns the app role with this value to a user, as an administrator would. */
  assignAppRole(userId: string, value: string): void {
    const role = this.servicePrincipal.appRoles?.find((declared) => declared.value === value);
    if (!role?.id) throw new Error(`the app declares no role ${value}`);
    const assignments = this.appRoleAssignments.get(userId) ?? [];
    this.appRoleAssignments.set(userId, [...assignments, { id: randomUUID(), appRoleId: role.id, principalId: userId, principalType: 'User', resourceId: this.servicePrincipal.id }]);
  }

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
