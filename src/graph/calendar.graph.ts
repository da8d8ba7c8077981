import { Client, GraphError, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type * as Graph from '@microsoft/microsoft-graph-types';
import { Temporal } from 'temporal-polyfill';
import { Agent } from 'undici';
import { findIana } from 'windows-iana';
import { type Mailer, MailError } from '../services/ports/mailer.port';
import type { Teamwork } from '../services/ports/teamwork.port';
import type { BusyBlock, WorkingHours } from '../domain/slot-finding';
import { type Calendar, CalendarError, type Directory, type InvitationResponse, type MailboxAvailability } from '../services/ports/calendar.port';
import type { GraphTokens } from './graph-token';
import { type GraphOperation, graphAnswer, graphFailure } from './graph-failure';
import { concurrencyLimit } from './limiter';
import { graphTeamwork } from './teamwork.graph';

const DEFAULT_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/London' };
const DAY_NUMBER: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };
const MAX_SCHEDULES = 20;
const MAX_WINDOW_MS = 61 * 86_400_000;

export interface GraphCalendarOptions {
  /** `https://graph.microsoft.com/` in production; the simulator's URL locally. */
  readonly baseUrl?: string;
  readonly tokens: Pick<GraphTokens, 'appOnly'>;
  /** The simulator's certificate, when `baseUrl` is the simulator. */
  readonly trustedCertificatePem?: string;
  readonly concurrency?: number;
  /** The app's client id: its service principal declares the app roles `hasAppRole` reads. */
  readonly appId?: string | undefined;
  /** Retry budget: retries per request, base delay (seconds) and the longest Retry-After we will wait. */
  readonly retry?: { readonly maxRetries?: number; readonly delaySeconds?: number; readonly maxRetryAfterSeconds?: number };
}

/** Graph's Windows or IANA time-zone name as IANA (mailbox settings often say "GMT Standard Time"). */
export function toIanaTimeZone(name: string | null | undefined): string {
  if (!name) return 'Europe/London';
  if (name === 'UTC' || name.includes('/')) return name;
  return findIana(name)?.[0] ?? 'Europe/London';
}

function workingHoursFromGraph(hours: Graph.WorkingHours | null | undefined): WorkingHours {
  if (!hours?.startTime || !hours.endTime) return DEFAULT_HOURS;
  return {
    days: (hours.daysOfWeek ?? []).map((day) => DAY_NUMBER[day] ?? 0).filter(Boolean),
    start: hours.startTime.slice(0, 5),
    end: hours.endTime.slice(0, 5),
    timeZone: toIanaTimeZone(hours.timeZone?.name),
  };
}

function epochMsOf(value: Graph.DateTimeTimeZone | null | undefined): number {
  const zone = toIanaTimeZone(value?.timeZone ?? 'UTC');
  return Temporal.PlainDateTime.from((value?.dateTime ?? '').replace(/Z$/, '').slice(0, 23)).toZonedDateTime(zone).epochMilliseconds;
}

function toGraphDateTime(ms: number, timeZone: string): Graph.DateTimeTimeZone {
  return { dateTime: Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDateTime().toString(), timeZone };
}

/** A series' repetition from a new first start: same interval and end, on the new start's weekday or day of the month. */
function recurrenceFrom(recurrence: Graph.PatternedRecurrence, startMs: number, timeZone: string): Graph.PatternedRecurrence {
  const start = Temporal.Instant.fromEpochMilliseconds(startMs).toZonedDateTimeISO(timeZone);
  const pattern = recurrence.pattern ?? {};
  return {
    pattern: { ...pattern, ...(pattern.type === 'weekly' ? { daysOfWeek: [Object.keys(DAY_NUMBER)[start.dayOfWeek - 1] as Graph.DayOfWeek] } : {}), ...(pattern.type === 'absoluteMonthly' ? { dayOfMonth: start.day } : {}) },
    range: { ...recurrence.range, startDate: start.toPlainDate().toString() },
  };
}

function toGraphEvent(invitation: Parameters<Calendar['createMeeting']>[0]): Graph.Event {
  const start = toGraphDateTime(invitation.startMs, invitation.timeZone);
  const recurrence: Graph.PatternedRecurrence | undefined = invitation.recurrence && {
    pattern:
      invitation.recurrence.unit === 'weeks'
        ? { type: 'weekly', interval: invitation.recurrence.every, daysOfWeek: [Object.keys(DAY_NUMBER)[Temporal.Instant.fromEpochMilliseconds(invitation.startMs).toZonedDateTimeISO(invitation.timeZone).dayOfWeek - 1] as Graph.DayOfWeek] }
        : { type: 'absoluteMonthly', interval: invitation.recurrence.every, dayOfMonth: Temporal.Instant.fromEpochMilliseconds(invitation.startMs).toZonedDateTimeISO(invitation.timeZone).day },
    range: { type: 'endDate', startDate: start.dateTime!.slice(0, 10), endDate: invitation.recurrence.until.toString(), recurrenceTimeZone: invitation.timeZone },
  };
  return {
    subject: invitation.subject,
    body: { contentType: 'text', content: invitation.bodyText },
    start,
    end: toGraphDateTime(invitation.endMs, invitation.timeZone),
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    allowNewTimeProposals: true,
    transactionId: invitation.transactionId,
    attendees: invitation.attendees.map((attendee) => ({ emailAddress: { address: attendee.email, name: attendee.name }, type: attendee.required ? 'required' : 'optional' })),
    ...(invitation.location ? { location: { displayName: invitation.location } } : {}),
    ...(recurrence ? { recurrence } : {}),
  };
}

/** Turns whatever the Graph client threw into a CalendarError with its diagnostics. */
function calendarError(error: unknown, what: GraphOperation): CalendarError {
  if (error instanceof CalendarError) return error;
  const failure = graphFailure(error, what);
  return new CalendarError({ ...failure, said: failure.words, code: failure.refused ? 'calendar-refused' : 'calendar-unavailable' });
}

/** Turns whatever the Graph client threw while sending mail into a MailError with its diagnostics. */
function mailError(error: unknown, what: GraphOperation): MailError {
  const failure = graphFailure(error, what, 'mail');
  return new MailError({ ...failure, said: failure.words, code: failure.refused ? 'mail-refused' : 'mail-unavailable' });
}

/**
 * The `Calendar` port on Microsoft Graph, through the real `@microsoft/microsoft-graph-client`.
 * Retries honour `Retry-After` on 429 and back off on 503/504 within a budget; every read names
 * its fields with `$select`; at most four requests are in flight; failures become CalendarErrors
 * (MailErrors for `sendMail`).
 */
export function createGraphCalendar(options: GraphCalendarOptions): Calendar & Directory & Mailer & Teamwork {
  const baseUrl = options.baseUrl ?? 'https://graph.microsoft.com/';
  const host = new URL(baseUrl).hostname;
  const client = Client.initWithMiddleware({
    baseUrl,
    defaultVersion: 'v1.0',
    authProvider: { getAccessToken: () => options.tokens.appOnly() },
    ...(host === 'graph.microsoft.com' ? {} : { customHosts: new Set([host]) }),
    ...(options.trustedCertificatePem ? { fetchOptions: { dispatcher: new Agent({ connect: { ca: options.trustedCertificatePem } }) } as RequestInit } : {}),
  });
  const limit = concurrencyLimit(options.concurrency ?? 4);
  const maxRetryAfter = options.retry?.maxRetryAfterSeconds ?? 30;
  const retryOptions = new RetryHandlerOptions(options.retry?.delaySeconds ?? 1, options.retry?.maxRetries ?? 4, (_delay, _attempt, _request, _options, response) => {
    const retryAfter = Number(response.headers.get('Retry-After'));
    return !(Number.isFinite(retryAfter) && retryAfter > maxRetryAfter);
  });
  const api = (path: string) => client.api(path).middlewareOptions([retryOptions]);
  const call = async <T>(what: GraphOperation, work: () => Promise<T>, failure: (error: unknown, what: GraphOperation) => Error = calendarError): Promise<T> => {
    try {
      return await limit(work);
    } catch (error) {
      throw failure(error, what);
    }
  };
  const user = (mailbox: string) => `/users/${encodeURIComponent(mailbox)}`;
  /** The app's own service principal (its id and declared roles), read once. */
  let servicePrincipal: Promise<Graph.ServicePrincipal> | undefined;
  const readServicePrincipal = async () =>
    (await call('read the app registration', () => api(`/servicePrincipals(appId='${encodeURIComponent(options.appId ?? '')}')`).select(['id', 'appRoles']).get())) as Graph.ServicePrincipal;
  /** Follows `@odata.nextLink` until the collection ends (each page is a round trip). */
  const allPages = async <T>(first: ReturnType<typeof api>): Promise<T[]> => {
    const items: T[] = [];
    let page = (await first.get()) as { value: T[]; '@odata.nextLink'?: string };
    items.push(...page.value);
    while (page['@odata.nextLink']) {
      page = (await api(page['@odata.nextLink']).get()) as typeof page;
      items.push(...page.value);
    }
    return items;
  };

  return {
    ...graphTeamwork({ api, limit }),

    async availability({ organiser, mailboxes, fromMs, toMs }) {
      const chunks: { mailboxes: string[]; fromMs: number; toMs: number }[] = [];
      for (let start = fromMs; start < toMs; start += MAX_WINDOW_MS) {
        for (let index = 0; index < mailboxes.length; index += MAX_SCHEDULES) {
          chunks.push({ mailboxes: mailboxes.slice(index, index + MAX_SCHEDULES), fromMs: start, toMs: Math.min(toMs, start + MAX_WINDOW_MS) });
        }
      }
      const bodyOf = (chunk: (typeof chunks)[number]) => ({
        schedules: chunk.mailboxes,
        startTime: toGraphDateTime(chunk.fromMs, 'UTC'),
        endTime: toGraphDateTime(chunk.toMs, 'UTC'),
        availabilityViewInterval: 30,
      });
      const results: Graph.ScheduleInformation[][] = await call('read free/busy', async () => {
        if (chunks.length === 1) {
          const response = (await api(`${user(organiser)}/calendar/getSchedule`).header('Prefer', 'outlook.timezone="UTC"').post(bodyOf(chunks[0]!))) as { value: Graph.ScheduleInformation[] };
          return [response.value];
        }
        const pages: Graph.ScheduleInformation[][] = [];
        for (let index = 0; index < chunks.length; index += 20) {
          const requests = chunks.slice(index, index + 20).map((chunk, offset) => ({
            id: String(index + offset),
            method: 'POST',
            url: `${user(organiser)}/calendar/getSchedule`,
            headers: { 'Content-Type': 'application/json', Prefer: 'outlook.timezone="UTC"' },
            body: bodyOf(chunk),
          }));
          const batch = (await api('/$batch').post({ requests })) as { responses: { id: string; status: number; body: { value?: Graph.ScheduleInformation[]; error?: { code?: string; message?: string } } }[] };
          for (const response of batch.responses.sort((a, b) => Number(a.id) - Number(b.id))) {
            if (response.status !== 200) {
              const answer = graphAnswer('read free/busy', { status: response.status, remoteCode: response.body.error?.code });
              throw new CalendarError({ ...answer, said: answer.words, code: answer.refused ? 'calendar-refused' : 'calendar-unavailable' });
            }
            pages.push(response.body.value ?? []);
          }
        }
        return pages;
      });
      const byMailbox = new Map<string, MailboxAvailability>();
      for (const schedule of results.flat()) {
        const mailbox = schedule.scheduleId ?? '';
        const known = !schedule.error;
        const busy: BusyBlock[] = (schedule.scheduleItems ?? [])
          .filter((item) => item.status !== 'free' && item.status !== 'workingElsewhere')
          .map((item) => ({ startMs: epochMsOf(item.start), endMs: epochMsOf(item.end), kind: item.status === 'tentative' ? 'tentative' : 'busy' }));
        const previous = byMailbox.get(mailbox);
        byMailbox.set(mailbox, {
          mailbox,
          availability: known ? 'known' : 'unknown',
          busy: [...(previous?.busy ?? []), ...busy],
          workingHours: previous?.workingHours ?? workingHoursFromGraph(schedule.workingHours),
        });
      }
      return mailboxes.map((mailbox) => byMailbox.get(mailbox) ?? { mailbox, availability: 'unknown', busy: [], workingHours: DEFAULT_HOURS });
    },

    async createMeeting(invitation) {
      const event = (await call('create the meeting', () => api(`${user(invitation.organiser)}/events`).post(toGraphEvent(invitation)))) as Graph.Event;
      return { eventId: event.id ?? '', joinUrl: event.onlineMeeting?.joinUrl ?? undefined, webLink: event.webLink ?? undefined };
    },

    async meetingChatId(organiser, joinUrl) {
      // The Graph client puts $filter into the URL as given, and Graph expects the join URL encoded.
      const escaped = encodeURIComponent(joinUrl.replace(/'/g, "''"));
      const response = (await call('find the meeting chat', () => api(`${user(organiser)}/onlineMeetings`).filter(`JoinWebUrl eq '${escaped}'`).select(['id', 'chatInfo']).get())) as { value: Graph.OnlineMeeting[] };
      return response.value[0]?.chatInfo?.threadId ?? undefined;
    },

    async installAppInChat(chatId, teamsAppId) {
      try {
        await limit(() =>
          api(`/chats/${encodeURIComponent(chatId)}/installedApps`).post({
            'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${teamsAppId}`,
            // The app's resource-specific permission (meeting start and end events), consented with the install.
            consentedPermissionSet: { resourceSpecificPermissions: [{ permissionValue: 'OnlineMeeting.ReadBasic.Chat', permissionType: 'application' }] },
          }),
        );
        return 'installed';
      } catch (error) {
        if (error instanceof GraphError && error.statusCode === 409) return 'already-installed';
        throw calendarError(error, 'add Core Group to the meeting chat');
      }
    },

    async occurrences(organiser, eventId, fromMs, toMs) {
      const events = await call('list the meetings in the series', () =>
        allPages<Graph.Event>(
          api(`${user(organiser)}/events/${encodeURIComponent(eventId)}/instances`)
            .query({ startDateTime: new Date(fromMs).toISOString(), endDateTime: new Date(toMs).toISOString() })
            .select(['id', 'start', 'end'])
            .top(50),
        ),
      );
      return events.map((event) => ({ id: event.id ?? '', startMs: epochMsOf(event.start), endMs: epochMsOf(event.end) }));
    },

    async occurrence(organiser, occurrenceId) {
      try {
        const event = (await limit(() => api(`${user(organiser)}/events/${encodeURIComponent(occurrenceId)}`).select(['id', 'start', 'end', 'seriesMasterId']).get())) as Graph.Event;
        return { id: event.id ?? occurrenceId, seriesId: event.seriesMasterId ?? '', startMs: epochMsOf(event.start), endMs: epochMsOf(event.end) };
      } catch (error) {
        // A cancelled occurrence is deleted from its series: Exchange no longer finds it by its id.
        if (error instanceof GraphError && error.statusCode === 404) return undefined;
        throw calendarError(error, 'read the meeting');
      }
    },

    async reschedule(organiser, eventId, slot) {
      const path = `${user(organiser)}/events/${encodeURIComponent(eventId)}`;
      // A series moved to another day must repeat on that day: its pattern moves with its start.
      const { recurrence } = (await call('read the meeting', () => api(path).select(['id', 'recurrence']).get())) as Graph.Event;
      const moved = { start: toGraphDateTime(slot.startMs, slot.timeZone), end: toGraphDateTime(slot.endMs, slot.timeZone), ...(recurrence ? { recurrence: recurrenceFrom(recurrence, slot.startMs, slot.timeZone) } : {}) };
      await call('move the meeting', () => api(path).patch(moved));
    },

    async cancel(organiser, eventId, comment) {
      await call('cancel the meeting', () => api(`${user(organiser)}/events/${encodeURIComponent(eventId)}/cancel`).post({ comment }));
    },

    async responses(organiser, eventId) {
      const event = (await call('read the replies', () => api(`${user(organiser)}/events/${encodeURIComponent(eventId)}`).select(['id', 'attendees']).get())) as Graph.Event;
      return (event.attendees ?? []).map((attendee) => ({ email: attendee.emailAddress?.address ?? '', response: (attendee.status?.response ?? 'none') as InvitationResponse }));
    },

    async subscribeToEvents({ organiser, notificationUrl, clientState, expiresAt }) {
      const subscription = (await call('subscribe to replies', () =>
        api('/subscriptions').post({ changeType: 'updated', notificationUrl, lifecycleNotificationUrl: notificationUrl, resource: `users/${organiser}/events`, expirationDateTime: expiresAt, clientState }),
      )) as Graph.Subscription;
      return { subscriptionId: subscription.id ?? '' };
    },

    async findUser(emailOrId) {
      try {
        const found = (await limit(() => api(user(emailOrId)).select(['id', 'displayName', 'mail']).get())) as Graph.User & { id: string; displayName: string };
        return { id: found.id, displayName: found.displayName, mail: found.mail ?? undefined };
      } catch (error) {
        if (error instanceof GraphError && error.statusCode === 404) return undefined;
        throw calendarError(error, 'look the person up in the directory');
      }
    },

    async findGuest(email) {
      const quoted = email.replace(/'/g, "''");
      const page = (await call('look a guest up in the directory', () => limit(() => api('/users').filter(`mail eq '${quoted}' and userType eq 'Guest'`).select(['id', 'displayName']).top(1).get()))) as { value?: (Graph.User & { id: string; displayName: string })[] };
      const found = page.value?.[0];
      return found && { id: found.id, displayName: found.displayName };
    },

    async hasAppRole(aadObjectId, role) {
      const app = await (servicePrincipal ??= readServicePrincipal().catch((error: unknown) => {
        servicePrincipal = undefined;
        throw error;
      }));
      const roleId = app.appRoles?.find((declared) => declared.value === role && declared.isEnabled !== false)?.id;
      if (!app.id || !roleId) return false;
      try {
        const assignments = await allPages<Graph.AppRoleAssignment>(api(`${user(aadObjectId)}/appRoleAssignments`).filter(`resourceId eq ${app.id}`).select(['appRoleId']));
        return assignments.some((assignment) => assignment.appRoleId === roleId);
      } catch (error) {
        if (error instanceof GraphError && error.statusCode === 404) return false;
        throw calendarError(error, 'read the app roles the organisation assigned');
      }
    },

    async sendMail({ from, to, subject, bodyText, attachment }) {
      const attachments = attachment ? [{ '@odata.type': '#microsoft.graph.fileAttachment', name: attachment.name, contentType: attachment.contentType, contentBytes: attachment.content.toString('base64') }] : [];
      await call('send the e-mail', () =>
        api(`${user(from)}/sendMail`).post({ message: { subject, body: { contentType: 'Text', content: bodyText }, toRecipients: [{ emailAddress: { address: to } }], attachments }, saveToSentItems: true }),
        mailError,
      );
    },

    async renewSubscription(subscriptionId, expiresAt) {
      await call('renew the reply subscription', () => api(`/subscriptions/${encodeURIComponent(subscriptionId)}`).patch({ expirationDateTime: expiresAt }));
    },
  };
}
