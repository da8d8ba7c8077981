import { randomBytes, randomUUID } from 'node:crypto';
import type * as Graph from '@microsoft/microsoft-graph-types';
import { instantOf, occurrences } from './recurrence';
import type { SimulatedUser, SimulatorState, StoredEvent } from './graph-simulator.state';
import { type Handler, type SimRequest, type SimResponse, type SimulatorHooks, error, isResponse, json, userOr404 } from './graph-simulator.respond';
import { TEAMWORK_ROUTES } from './graph-simulator.teamwork';

export type { SimRequest, SimResponse, SimulatorHooks };

/** `$select` as Graph does it: only the named properties (and the id). */
function select<T extends object>(item: T, query: URLSearchParams): Partial<T> {
  const fields = query.get('$select')?.split(',').map((field) => field.trim());
  if (!fields) return item;
  return Object.fromEntries(Object.entries(item).filter(([key]) => key === 'id' || fields.includes(key))) as Partial<T>;
}

/** Next links point back at whoever served the request, as Graph's point at graph.microsoft.com. */
const origin = (request: SimRequest) => `https://${request.headers.host ?? 'graph.microsoft.com'}`;

const utc = (ms: number): Graph.DateTimeTimeZone => ({ dateTime: new Date(ms).toISOString().replace('Z', '0000'), timeZone: 'UTC' });

function busyItems(user: SimulatedUser, fromMs: number, toMs: number): Graph.ScheduleItem[] {
  const items: Graph.ScheduleItem[] = [];
  for (const event of user.events) {
    if (event.isCancelled || event.showAs === 'free') continue;
    const cancelled = new Set((event as { cancelledOccurrences?: number[] }).cancelledOccurrences ?? []);
    for (const occurrence of occurrences(event, fromMs, toMs)) {
      if (cancelled.has(occurrence.startMs)) continue;
      items.push({ isPrivate: event.sensitivity === 'private', status: event.showAs ?? 'busy', start: utc(occurrence.startMs), end: utc(occurrence.endMs) });
    }
  }
  return items.sort((a, b) => instantOf(a.start) - instantOf(b.start));
}

const getSchedule: Handler = (request, _params, state) => {
  const body = request.body as { schedules?: string[]; startTime?: Graph.DateTimeTimeZone; endTime?: Graph.DateTimeTimeZone; availabilityViewInterval?: number };
  if (!Array.isArray(body.schedules) || body.schedules.length === 0) return error(400, 'ErrorInvalidRequest', 'schedules is required');
  if (body.schedules.length > 20) return error(400, 'ErrorExceededMaxSchedules', 'getSchedule takes at most 20 schedules');
  const fromMs = instantOf(body.startTime);
  const toMs = instantOf(body.endTime);
  if (!(toMs > fromMs) || toMs - fromMs >= 62 * 86_400_000) return error(400, 'ErrorInvalidTimeInterval', 'the window must be positive and shorter than 62 days');
  return json({
    value: body.schedules.map((scheduleId) => {
      const user = state.findUser(scheduleId);
      // A guest's mailbox is their own organisation's: free/busy does not cross.
      if (!user || user.userType === 'Guest') return { scheduleId, error: { message: 'The recipient is not in this organisation', responseCode: 'ErrorMailRecipientNotFound' } };
      return { scheduleId, availabilityView: '', scheduleItems: busyItems(user, fromMs, toMs), workingHours: user.mailboxSettings.workingHours };
    }),
  });
};

function attendeeCopy(event: StoredEvent, organizer: SimulatedUser): StoredEvent {
  return { ...event, id: randomUUID(), masterId: event.id, organizer: { emailAddress: { name: organizer.displayName, address: organizer.mail } }, showAs: 'tentative', responseStatus: { response: 'notResponded' } };
}

const createEvent: Handler = (request, [userId], state) => {
  const organizer = userOr404(state, userId);
  if (isResponse(organizer)) return organizer;
  const input = request.body as Graph.Event;
  if (!input.start || !input.end || !input.subject) return error(400, 'ErrorInvalidRequest', 'subject, start and end are required');
  const existing = input.transactionId ? organizer.events.find((event) => event.transactionId === input.transactionId) : undefined;
  if (existing) return json(existing, 201);
  const id = randomUUID();
  const online = input.isOnlineMeeting && input.onlineMeetingProvider === 'teamsForBusiness';
  const joinUrl = online ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomBytes(12).toString('hex')}%40thread.v2/0` : undefined;
  const event = state.addEvent(organizer, {
    ...input,
    id,
    organizer: { emailAddress: { name: organizer.displayName, address: organizer.mail } },
    attendees: (input.attendees ?? []).map((attendee) => ({ ...attendee, status: { response: 'none', time: '0001-01-01T00:00:00Z' } })),
    showAs: 'busy',
    isOrganizer: true,
    webLink: `https://outlook.office365.com/owa/?itemid=${id}`,
    ...(joinUrl ? { onlineMeeting: { joinUrl } } : {}),
  });
  if (joinUrl) state.onlineMeetings.push({ id: randomUUID(), joinWebUrl: joinUrl, organizerId: organizer.id, chatThreadId: `19:meeting_${randomBytes(10).toString('hex')}@thread.v2`, eventId: id });
  for (const attendee of input.attendees ?? []) {
    const invitee = attendee.emailAddress?.address ? state.findUser(attendee.emailAddress.address) : undefined;
    if (invitee) invitee.events.push(attendeeCopy(event, organizer));
  }
  return json(event, 201);
};

/** The starts of a series' occurrences that are no longer where its pattern puts them: cancelled, or moved into an exception. */
const removedFrom = (event: StoredEvent) => (event as { cancelledOccurrences?: number[] }).cancelledOccurrences ?? [];

function removeOccurrence(event: StoredEvent, startMs: number): void {
  (event as { cancelledOccurrences?: number[] }).cancelledOccurrences = [...removedFrom(event), startMs];
}

/**
 * An event by its id, as Graph finds it: an event of the mailbox (a single event, a series, or an
 * occurrence moved into an exception, which keeps the occurrence's id `{series}_{original start}`),
 * or an occurrence still where its series' pattern puts it. A cancelled occurrence is deleted
 * from its series, so it is not found.
 */
function findEvent(user: SimulatedUser, eventId: string | undefined): { master: StoredEvent; occurrenceMs?: number } | undefined {
  const stored = user.events.find((event) => event.id === eventId);
  if (stored) return stored.type === 'exception' && stored.isCancelled ? undefined : { master: stored };
  const [baseId, occurrence] = (eventId ?? '').split('_');
  const master = user.events.find((event) => event.id === baseId);
  if (!master || master.isCancelled || !occurrence) return undefined;
  const occurrenceMs = Number(occurrence);
  const inPattern = occurrences(master, occurrenceMs, occurrenceMs + 1).some((candidate) => candidate.startMs === occurrenceMs);
  return inPattern && !removedFrom(master).includes(occurrenceMs) ? { master, occurrenceMs } : undefined;
}

const copiesOf = (state: SimulatorState, masterId: string) => [...state.users.values()].flatMap((user) => user.events.filter((event) => event.masterId === masterId));
const ownerOf = (state: SimulatorState, event: StoredEvent) => [...state.users.values()].find((candidate) => candidate.events.includes(event))!;
/** The occurrences of a series moved into exceptions of their own, in its organiser's mailbox. */
const exceptionsOf = (user: SimulatedUser, seriesId: string) => user.events.filter((event) => event.seriesMasterId === seriesId);

const getEvent: Handler = (request, [userId, eventId], state) => {
  const user = userOr404(state, userId);
  if (isResponse(user)) return user;
  const found = findEvent(user, eventId);
  if (!found) return error(404, 'ErrorItemNotFound', 'The event was not found');
  if (found.occurrenceMs === undefined) return json(select(found.master, request.query));
  // One occurrence of a series, as Graph shows it: its own times, no recurrence of its own.
  const durationMs = instantOf(found.master.end) - instantOf(found.master.start);
  const occurrence = { ...found.master, id: eventId, type: 'occurrence', seriesMasterId: found.master.id, recurrence: null, start: utc(found.occurrenceMs), end: utc(found.occurrenceMs + durationMs) };
  return json(select(occurrence, request.query));
};

const updateEvent: Handler = (request, [userId, eventId], state) => {
  const user = userOr404(state, userId);
  if (isResponse(user)) return user;
  const found = findEvent(user, eventId);
  if (!found) return error(404, 'ErrorItemNotFound', 'The event was not found');
  const changes = request.body as Graph.Event;
  if (found.occurrenceMs !== undefined) {
    // Moving one occurrence makes it an exception, as Exchange does: an event of its own that keeps
    // the occurrence's id and names its series and original start, on every copy of the calendar.
    const { master, occurrenceMs } = found;
    const exception = { ...master, ...changes, id: `${master.id}_${occurrenceMs}`, type: 'exception', seriesMasterId: master.id, originalStart: new Date(occurrenceMs).toISOString(), recurrence: null, cancelledOccurrences: [] } as StoredEvent;
    for (const copy of copiesOf(state, master.id)) {
      removeOccurrence(copy, occurrenceMs);
      ownerOf(state, copy).events.push({ ...copy, ...changes, id: `${copy.id}_${occurrenceMs}`, masterId: exception.id, recurrence: null, cancelledOccurrences: [] } as StoredEvent);
    }
    removeOccurrence(master, occurrenceMs);
    user.events.push(exception);
    return json(exception);
  }
  Object.assign(found.master, changes);
  for (const copy of copiesOf(state, found.master.id)) Object.assign(copy, { start: found.master.start, end: found.master.end, subject: found.master.subject, recurrence: found.master.recurrence });
  return json(found.master);
};

const cancelEvent: Handler = (_request, [userId, eventId], state) => {
  const user = userOr404(state, userId);
  if (isResponse(user)) return user;
  const found = findEvent(user, eventId);
  if (!found) return error(404, 'ErrorItemNotFound', 'The event was not found');
  if (found.occurrenceMs !== undefined) {
    for (const event of [found.master, ...copiesOf(state, found.master.id)]) removeOccurrence(event, found.occurrenceMs);
  } else {
    // An exception is cancelled as the event it is; a series takes its moved occurrences with it.
    const events = [found.master, ...exceptionsOf(user, found.master.id)];
    for (const event of events.flatMap((cancelled) => [cancelled, ...copiesOf(state, cancelled.id)])) event.isCancelled = true;
  }
  return { status: 202 };
};

const listInstances: Handler = (request, [userId, eventId], state) => {
  const user = userOr404(state, userId);
  if (isResponse(user)) return user;
  const found = findEvent(user, eventId);
  // A cancelled series is deleted from the organiser's calendar, as Exchange does.
  if (!found || found.master.isCancelled) return error(404, 'ErrorItemNotFound', 'The event was not found');
  const fromMs = Date.parse(request.query.get('startDateTime') ?? '');
  const toMs = Date.parse(request.query.get('endDateTime') ?? '');
  if (Number.isNaN(fromMs) || Number.isNaN(toMs)) return error(400, 'ErrorInvalidParameter', 'startDateTime and endDateTime are required');
  // Its occurrences where its pattern puts them and those moved (exceptions) where they are now; not those cancelled.
  const removed = new Set(removedFrom(found.master));
  const standing = occurrences(found.master, fromMs, toMs)
    .filter((occurrence) => !removed.has(occurrence.startMs))
    .map((occurrence) => ({ id: `${found.master.id}_${occurrence.startMs}`, seriesMasterId: found.master.id, type: 'occurrence', start: utc(occurrence.startMs), end: utc(occurrence.endMs) }));
  const moved = exceptionsOf(user, found.master.id)
    .filter((exception) => !exception.isCancelled)
    .flatMap((exception) => occurrences(exception, fromMs, toMs).map((occurrence) => ({ id: exception.id, seriesMasterId: found.master.id, type: 'exception', start: utc(occurrence.startMs), end: utc(occurrence.endMs) })));
  const all = [...standing, ...moved].sort((a, b) => instantOf(a.start) - instantOf(b.start));
  const top = Number(request.query.get('$top') ?? 10);
  const skip = Number(request.query.get('$skip') ?? 0);
  const next = new URLSearchParams(request.query);
  next.set('$skip', String(skip + top));
  return json({
    value: all.slice(skip, skip + top).map((item) => select(item, request.query)),
    ...(skip + top < all.length ? { '@odata.nextLink': `${origin(request)}${request.path}?${next.toString()}` } : {}),
  });
};

const onlineMeetingByJoinUrl: Handler = (request, [userId], state) => {
  const user = userOr404(state, userId);
  if (isResponse(user)) return user;
  const match = /^JoinWebUrl eq '(.+)'$/.exec(request.query.get('$filter') ?? '');
  if (!match) return error(400, 'BadRequest', "filter by JoinWebUrl eq '…'");
  const meeting = state.onlineMeetings.find((candidate) => candidate.joinWebUrl === match[1] && candidate.organizerId === user.id);
  return json({ value: meeting ? [{ id: meeting.id, joinWebUrl: meeting.joinWebUrl, chatInfo: { threadId: meeting.chatThreadId, messageId: '0' } }] : [] });
};

const installApp: Handler = (request, [chatId], state) => {
  const binding = (request.body as Record<string, unknown>)['teamsApp@odata.bind'];
  const teamsAppId = typeof binding === 'string' ? /teamsApps\/([^/]+)$/.exec(binding)?.[1] : undefined;
  if (!teamsAppId) return error(400, 'BadRequest', 'teamsApp@odata.bind is required');
  if (!chatId || !state.onlineMeetings.some((meeting) => meeting.chatThreadId === decodeURIComponent(chatId))) return error(404, 'NotFound', 'No such chat');
  const installed = state.installedApps.get(decodeURIComponent(chatId)) ?? [];
  if (installed.some((app) => app.teamsAppId === teamsAppId)) return error(409, 'Conflict', 'The app is already installed in this chat');
  const consented = (request.body as { consentedPermissionSet?: { resourceSpecificPermissions?: { permissionValue?: string }[] } }).consentedPermissionSet?.resourceSpecificPermissions ?? [];
  installed.push({ id: randomUUID(), teamsAppId, consentedPermissions: consented.map((permission) => permission.permissionValue ?? '') });
  state.installedApps.set(decodeURIComponent(chatId), installed);
  return { status: 201 };
};

/** `sendMail` as Graph does it: 202, nothing returned; a message without recipients or subject is a 400. */
const sendMail: Handler = (request, [userId], state) => {
  const user = userOr404(state, userId);
  if (isResponse(user)) return user;
  const message = (request.body as { message?: Graph.Message } | undefined)?.message;
  if (!message?.subject || !message.toRecipients?.length) return error(400, 'ErrorInvalidRecipients', 'At least one recipient and a subject are required');
  state.sentMail.push({ from: user.mail, message });
  return { status: 202 };
};

const mailboxSettings: Handler = (request, [userId], state) => {
  const user = userOr404(state, userId);
  if (isResponse(user)) return user;
  return json(select(user.mailboxSettings, request.query));
};

/** A guest's sign-in name as Entra makes it: their address with `_` for `@`, then `#EXT#@` the tenant. */
const guestPrincipalName = (mail: string) => `${mail.replace('@', '_')}#EXT#@demo.onmicrosoft.com`;

const getUser: Handler = (request, [userId], state) => {
  const user = userOr404(state, userId);
  if (isResponse(user)) return user;
  // As in Graph, `/users/{key}` takes an object id or a sign-in name: a guest's address is neither.
  if (user.userType === 'Guest' && user.id.toLowerCase() !== decodeURIComponent(userId ?? '').toLowerCase()) return error(404, 'Request_ResourceNotFound', 'no such user');
  const userPrincipalName = user.userType === 'Guest' ? guestPrincipalName(user.mail) : user.mail;
  return json(select({ id: user.id, displayName: user.displayName, mail: user.mail, userPrincipalName }, request.query));
};

/** `/servicePrincipals(appId='…')`: the simulated tenant has one app, whichever client id asks. */
const getServicePrincipal: Handler = (request, _params, state) => json(select(state.servicePrincipal, request.query));

/** A user's app role assignments, with the `resourceId eq …` filter the app uses. */
const listAppRoleAssignments: Handler = (request, [userId], state) => {
  const user = userOr404(state, userId);
  if (isResponse(user)) return user;
  const resourceId = /^resourceId eq ([0-9a-f-]+)$/i.exec(request.query.get('$filter') ?? '')?.[1];
  const assignments = (state.appRoleAssignments.get(user.id) ?? []).filter((assignment) => !resourceId || assignment.resourceId === resourceId);
  return json({ value: assignments.map((assignment) => select(assignment, request.query)) });
};

/** The one `$filter` on users the app sends: a guest by address (`mail eq '…' and userType eq 'Guest'`). */
const GUEST_BY_MAIL = /^mail eq '((?:[^']|'')*)' and userType eq 'Guest'$/i;

const listUsers: Handler = (request, _params, state) => {
  const filter = request.query.get('$filter');
  const guestMail = filter ? GUEST_BY_MAIL.exec(filter)?.[1]?.replace(/''/g, "'") : undefined;
  if (filter && guestMail === undefined) return error(400, 'Request_UnsupportedQuery', 'the simulator filters users by a guest address only');
  const listed = [...state.users.values()].filter((user) => guestMail === undefined || (user.userType === 'Guest' && user.mail.toLowerCase() === guestMail.toLowerCase()));
  const all = listed.map((user) => ({ id: user.id, displayName: user.displayName, mail: user.mail, userType: user.userType ?? 'Member' }));
  const top = Number(request.query.get('$top') ?? 100);
  const skip = Number(request.query.get('$skiptoken') ?? 0);
  const page = all.slice(skip, skip + top);
  const next = skip + top < all.length ? { '@odata.nextLink': `${origin(request)}/v1.0/users?$top=${top}&$skiptoken=${skip + top}` } : {};
  return json({ value: page.map((user) => select(user, request.query)), ...next });
};

const createSubscription: Handler = async (request, _params, state, hooks) => {
  const input = request.body as Graph.Subscription;
  if (!input.notificationUrl || !input.resource || !input.changeType || !input.expirationDateTime) return error(400, 'InvalidRequest', 'changeType, notificationUrl, resource and expirationDateTime are required');
  const validationToken = randomBytes(16).toString('hex');
  const url = new URL(input.notificationUrl);
  url.searchParams.set('validationToken', validationToken);
  // eslint-disable-next-line no-restricted-syntax -- as Graph: an endpoint that cannot be reached fails the validation, with no more said
  const answer = await hooks.notify(url.toString(), undefined).catch(() => ({ status: 0, text: '' }));
  if (answer.status !== 200 || answer.text !== validationToken) return error(400, 'ValidationError', 'Subscription validation request failed: the notification endpoint did not echo the validation token');
  const subscription = { ...input, id: randomUUID() };
  state.subscriptions.set(subscription.id, subscription);
  return json(subscription, 201);
};

const renewSubscription: Handler = (request, [id], state) => {
  const subscription = id ? state.subscriptions.get(id) : undefined;
  if (!subscription) return error(404, 'NotFound', 'No such subscription');
  subscription.expirationDateTime = (request.body as Graph.Subscription).expirationDateTime ?? subscription.expirationDateTime;
  return json(subscription);
};

const deleteSubscription: Handler = (_request, [id], state) => (id && state.subscriptions.delete(id) ? { status: 204 } : error(404, 'NotFound', 'No such subscription'));

/**
 * Test and demo control, not Graph: an attendee answers an invitation. The organiser's copy is
 * updated and subscribers to the organiser's events hear about it, as with Exchange.
 */
/** The simulator's own view of a calendar (no token: it is the simulator's, not Graph's), for demos and tests. */
const simulatorEvents: Handler = (_request, [userId], state) => {
  const user = userOr404(state, userId);
  if (isResponse(user)) return user;
  return json({ value: user.events.map((event) => ({ id: event.id, subject: event.subject, start: event.start, end: event.end, isOnlineMeeting: event.isOnlineMeeting })) });
};

const respond: Handler = async (request, [userId, eventId], state, hooks) => {
  const user = userOr404(state, userId);
  if (isResponse(user)) return user;
  const copy = user.events.find((event) => event.id === eventId || event.masterId === eventId);
  if (!copy?.masterId) return error(404, 'ErrorItemNotFound', 'No invitation with that id');
  const response = (request.body as { response?: Graph.ResponseType }).response ?? 'accepted';
  copy.responseStatus = { response, time: new Date().toISOString() };
  copy.showAs = response === 'declined' ? 'free' : response === 'tentativelyAccepted' ? 'tentative' : 'busy';
  for (const organizer of state.users.values()) {
    const master = organizer.events.find((event) => event.id === copy.masterId);
    if (!master) continue;
    for (const attendee of master.attendees ?? []) if (attendee.emailAddress?.address?.toLowerCase() === user.mail.toLowerCase()) attendee.status = { response, time: new Date().toISOString() };
    for (const subscription of state.subscriptions.values()) {
      const watched = /^\/?users\/([^/]+)\/events$/i.exec(subscription.resource ?? '');
      if (!watched || state.findUser(watched[1]!)?.id !== organizer.id || !subscription.notificationUrl) continue;
      await hooks.notify(subscription.notificationUrl, {
        value: [{ subscriptionId: subscription.id, clientState: subscription.clientState, changeType: 'updated', resource: `Users/${organizer.id}/Events/${master.id}`, resourceData: { '@odata.type': '#Microsoft.Graph.Event', id: master.id }, tenantId: 'simulated', subscriptionExpirationDateTime: subscription.expirationDateTime }],
        // eslint-disable-next-line no-restricted-syntax -- as Graph: a notification that cannot be delivered is dropped (the app polls too)
      }).catch(() => undefined);
    }
  }
  return json({ response });
};

/** Graph's routes the app uses, as (method, pattern) → handler. Patterns capture path segments. */
export const ROUTES: readonly [string, RegExp, Handler][] = [
  ['GET', /^\/v1\.0\/users$/, listUsers],
  ['GET', /^\/v1\.0\/users\/([^/]+)$/, getUser],
  ['GET', /^\/v1\.0\/users\/([^/]+)\/appRoleAssignments$/, listAppRoleAssignments],
  ['GET', /^\/v1\.0\/servicePrincipals\(appId=[^)]*\)$/, getServicePrincipal],
  ['GET', /^\/v1\.0\/users\/([^/]+)\/mailboxSettings(?:\/workingHours)?$/, mailboxSettings],
  ['POST', /^\/v1\.0\/users\/([^/]+)\/calendar\/getSchedule$/, getSchedule],
  ['POST', /^\/v1\.0\/users\/([^/]+)\/(?:calendar\/)?events$/, createEvent],
  ['GET', /^\/v1\.0\/users\/([^/]+)\/events\/([^/]+)$/, getEvent],
  ['PATCH', /^\/v1\.0\/users\/([^/]+)\/events\/([^/]+)$/, updateEvent],
  ['POST', /^\/v1\.0\/users\/([^/]+)\/events\/([^/]+)\/cancel$/, cancelEvent],
  ['GET', /^\/v1\.0\/users\/([^/]+)\/events\/([^/]+)\/instances$/, listInstances],
  ['GET', /^\/v1\.0\/users\/([^/]+)\/onlineMeetings$/, onlineMeetingByJoinUrl],
  ['POST', /^\/v1\.0\/chats\/([^/]+)\/installedApps$/, installApp],
  ['POST', /^\/v1\.0\/users\/([^/]+)\/sendMail$/, sendMail],
  ['POST', /^\/v1\.0\/subscriptions$/, createSubscription],
  ['PATCH', /^\/v1\.0\/subscriptions\/([^/]+)$/, renewSubscription],
  ['DELETE', /^\/v1\.0\/subscriptions\/([^/]+)$/, deleteSubscription],
  ['POST', /^\/_simulator\/users\/([^/]+)\/events\/([^/]+)\/respond$/, respond],
  ['GET', /^\/_simulator\/users\/([^/]+)\/events$/, simulatorEvents],
  ...TEAMWORK_ROUTES,
];

/** Finds and runs the handler for a request; an unknown route is Graph's 400 "Invalid request". */
export async function route(request: SimRequest, state: SimulatorState, hooks: SimulatorHooks): Promise<SimResponse> {
  for (const [method, pattern, handler] of ROUTES) {
    const match = pattern.exec(request.path);
    if (match && method === request.method) return handler(request, match.slice(1), state, hooks);
  }
  return error(400, 'BadRequest', `Resource not found for the segment '${request.path}'`);
}

