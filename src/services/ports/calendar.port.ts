import type { CivilDate } from '../../domain/civil-date';
import type { BusyBlock, WorkingHours } from '../../domain/slot-finding';
import { RemoteError } from './remote-error';

/** One mailbox's availability over a window. Mailboxes outside the tenant come back unknown. */
export interface MailboxAvailability {
  readonly mailbox: string;
  readonly availability: 'known' | 'unknown';
  readonly busy: readonly BusyBlock[];
  readonly workingHours: WorkingHours;
}

export interface MeetingInvitation {
  /** The organiser's mailbox: the lead social worker, or a configured shared mailbox. */
  readonly organiser: string;
  /** A stable key: Graph returns the event it already made for it, so a retry never makes two. */
  readonly transactionId: string;
  readonly subject: string;
  readonly bodyText: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly timeZone: string;
  readonly attendees: readonly { readonly email: string; readonly name: string; readonly required: boolean }[];
  /** The venue of a meeting in person or hybrid (Outlook's location); none for one on Teams only. */
  readonly location?: string | undefined;
  /** Repeats every N weeks or months until a date (the next review conference). */
  readonly recurrence?: { readonly every: number; readonly unit: 'weeks' | 'months'; readonly until: CivilDate } | undefined;
}

export interface BookedEvent {
  readonly eventId: string;
  readonly joinUrl?: string | undefined;
  readonly webLink?: string | undefined;
}

export type InvitationResponse = 'none' | 'accepted' | 'tentativelyAccepted' | 'declined' | 'notResponded' | 'organizer';

/** Looks people up in the tenant's directory (Microsoft Graph `/users`). */
export interface Directory {
  /** The tenant user with this e-mail address or Entra object id (and their mailbox, when they have one), or nothing for people outside the tenant. */
  findUser(emailOrId: string): Promise<{ id: string; displayName: string; mail?: string | undefined } | undefined>;
  /**
   * The guest account the organisation invited with this e-mail address (`userType` Guest), or
   * nothing. A guest's sign-in name is not their address, so `findUser` does not find them; and
   * only a guest is looked for, so a parent is never matched to a staff account.
   */
  findGuest(email: string): Promise<{ id: string; displayName: string } | undefined>;
  /** Whether the organisation assigned this user (directly, or through a group they are a direct member of) the app role with this value. */
  hasAppRole(aadObjectId: string, role: AppRoleValue): Promise<boolean>;
}

/** The app roles declared in the app registration (`aad.manifest.json`). */
export const CREATE_CORE_GROUPS_ROLE = 'CoreGroup.Create';
export type AppRoleValue = typeof CREATE_CORE_GROUPS_ROLE;

/** The calendar system (Microsoft Graph in production, the simulator locally). */
export interface Calendar {
  availability(request: { organiser: string; mailboxes: readonly string[]; fromMs: number; toMs: number }): Promise<MailboxAvailability[]>;
  createMeeting(invitation: MeetingInvitation): Promise<BookedEvent>;
  /** The meeting chat's thread id for a Teams meeting, found from its join URL. */
  meetingChatId(organiser: string, joinUrl: string): Promise<string | undefined>;
  /** Puts the app into a chat; installing twice is not an error. */
  installAppInChat(chatId: string, teamsAppId: string): Promise<'installed' | 'already-installed'>;
  /** A series' occurrences (moved ones where they are now) starting in a window; cancelled ones are gone. */
  occurrences(organiser: string, eventId: string, fromMs: number, toMs: number): Promise<{ id: string; startMs: number; endMs: number }[]>;
  /**
   * One occurrence by its id (from `occurrences`), which it keeps when it is moved: where it is now
   * and the series it belongs to; none once it is cancelled (the calendar deletes it from its series).
   */
  occurrence(organiser: string, occurrenceId: string): Promise<{ id: string; seriesId: string; startMs: number; endMs: number } | undefined>;
  reschedule(organiser: string, eventId: string, slot: { startMs: number; endMs: number; timeZone: string }): Promise<void>;
  /** Cancels an occurrence (its id from `occurrences`) or the whole series; attendees are told by the calendar. */
  cancel(organiser: string, eventId: string, comment: string): Promise<void>;
  responses(organiser: string, eventId: string): Promise<{ email: string; response: InvitationResponse }[]>;
  subscribeToEvents(request: { organiser: string; notificationUrl: string; clientState: string; expiresAt: string }): Promise<{ subscriptionId: string }>;
  renewSubscription(subscriptionId: string, expiresAt: string): Promise<void>;
}

/**
 * The calendar system failed. `calendar-unavailable`: throttled beyond the retry budget, down, or
 * not reached — asking again later may work (`retryAfterMs` says when, if the calendar said).
 * `calendar-refused`: it answered no (a 4xx) — asking again gets the same answer. It keeps the
 * diagnostics (status, Graph error code, request id) for the logs; its `userMessage` is safe to show.
 */
export class CalendarError extends RemoteError<'calendar-unavailable' | 'calendar-refused'> {}
