import { Temporal } from 'temporal-polyfill';
import { Agent, fetch as undiciFetch } from 'undici';
import { demoOrganisation } from '../../src/local/demo/demo-organisation.seed';
import { toIanaTimeZone } from '../../src/graph/calendar.graph';
import { CalendarError } from '../../src/services/ports/calendar.port';
import { demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import type { GraphSimulator } from '../../src/local/graph-simulator/graph-simulator.server';
import type { Calendar } from '../../src/services/ports/calendar.port';
import { type Mailer, MailError } from '../../src/services/ports/mailer.port';
import { createGraphTokens } from '../../src/graph/graph-token';
import { refusalIn } from '../../src/errors/refusal-words';
import { wordsIn } from '../../src/i18n/words';
import { SIM_TENANT, graphCalls, simulatedGraph } from '../support/graph';

const FROM = Temporal.PlainDate.from('2026-06-01');
const at = (local: string) => Temporal.PlainDateTime.from(local).toZonedDateTime('Europe/London').epochMilliseconds;
const LEAD = 'priya.shah@demo.example';

describe('the Graph calendar adapter against the simulator', () => {
  let simulator: GraphSimulator;
  let calendar: Calendar;
  beforeAll(async () => {
    ({ simulator, calendar } = await simulatedGraph(demoOrganisation(FROM)));
  });
  afterAll(() => simulator.stop());
  beforeEach(() => {
    simulator.requests.splice(0);
    simulator.clearFaults();
  });

  test('free/busy for several mailboxes in one getSchedule call, with working hours mapped from Windows time zones', async () => {
    const result = await calendar.availability({ organiser: LEAD, mailboxes: [LEAD, 'grace.lindqvist@demo.example', 'owen.price@school.example'], fromMs: at('2026-06-01T00:00'), toMs: at('2026-06-13T00:00') });
    expect(result.map((mailbox) => [mailbox.mailbox, mailbox.availability])).toEqual([[LEAD, 'known'], ['grace.lindqvist@demo.example', 'known'], ['owen.price@school.example', 'unknown']]);
    expect(result[0]?.workingHours).toEqual({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/London' });
    expect(result[0]?.busy.length).toBeGreaterThan(20);
    expect(result[0]?.busy.some((block) => block.kind === 'tentative')).toBe(true);
    const mondayTeamMeeting = result[0]?.busy.find((block) => block.startMs === at('2026-06-08T09:00'));
    expect(mondayTeamMeeting).toBeDefined();
    expect(graphCalls(simulator).map((request) => `${request.method} ${request.path}`)).toEqual([`POST /v1.0/users/${encodeURIComponent(LEAD)}/calendar/getSchedule`]);
  });

  test('more than 20 mailboxes or a window of 62 days or more is chunked into one $batch', async () => {
    const mailboxes = Array.from({ length: 25 }, (_, index) => (index === 0 ? LEAD : `someone-${index}@elsewhere.example`));
    const result = await calendar.availability({ organiser: LEAD, mailboxes, fromMs: at('2026-06-01T00:00'), toMs: at('2026-08-15T00:00') });
    expect(result).toHaveLength(25);
    const calls = graphCalls(simulator);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ path: '/v1.0/$batch', status: 200 });
    expect(calls[0]?.batched).toHaveLength(4);
    expect(result[0]?.busy.some((block) => block.startMs >= at('2026-07-20T00:00'))).toBe(true);
  });

  test('a storm of 429s with Retry-After is ridden out within the retry budget', async () => {
    simulator.inject({ match: /getSchedule/, status: 429, retryAfterSeconds: 1, times: 2 });
    const result = await calendar.availability({ organiser: LEAD, mailboxes: [LEAD], fromMs: at('2026-06-01T00:00'), toMs: at('2026-06-05T00:00') });
    expect(result[0]?.availability).toBe('known');
    expect(graphCalls(simulator).map((request) => request.status)).toEqual([429, 429, 200]);
  });

  test('a Retry-After longer than the budget fails fast with a typed, diagnosable error', async () => {
    simulator.inject({ match: /getSchedule/, status: 429, retryAfterSeconds: 600, times: 1 });
    const error = await calendar.availability({ organiser: LEAD, mailboxes: [LEAD], fromMs: at('2026-06-01T00:00'), toMs: at('2026-06-05T00:00') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalendarError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 600_000, code: 'calendar-unavailable' });
    expect((error as CalendarError).userMessage).toContain('busy');
  });

  test('a 503 outage is retried with backoff, then fails cleanly', async () => {
    const outage = await simulatedGraph(demoOrganisation(FROM), { maxRetries: 2, delaySeconds: 0.05, maxRetryAfterSeconds: 5 });
    try {
      outage.simulator.inject({ match: /getSchedule/, status: 503, times: 50 });
      const started = Date.now();
      const error = await outage.calendar.availability({ organiser: LEAD, mailboxes: [LEAD], fromMs: at('2026-06-01T00:00'), toMs: at('2026-06-05T00:00') }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 503, code: 'calendar-unavailable' });
      expect(graphCalls(outage.simulator).map((request) => request.status)).toEqual([503, 503, 503]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    } finally {
      await outage.simulator.stop();
    }
  });

  test('a dropped connection surfaces as a CalendarError, not a crash', async () => {
    simulator.inject({ match: /getSchedule/, dropConnection: true, times: 1 });
    const error = await calendar.availability({ organiser: LEAD, mailboxes: [LEAD], fromMs: at('2026-06-01T00:00'), toMs: at('2026-06-05T00:00') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalendarError);
    expect(error).toMatchObject({ code: 'calendar-unavailable', status: 0 });
    expect((error as Error).message).toMatch(/^Graph not reached to "read free\/busy"/);
  });

  test('Graph saying no (a 4xx) is a calendar-refused CalendarError: the status and operation for the logs, nothing of the mailbox', async () => {
    simulator.inject({ match: /\/events$/, status: 403, times: 1 });
    const error = await calendar.createMeeting({ organiser: LEAD, transactionId: 'refused-once', subject: 'x', bodyText: 'x', startMs: at('2026-06-02T14:00'), endMs: at('2026-06-02T15:00'), timeZone: 'Europe/London', attendees: [] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalendarError);
    expect(error).toMatchObject({ code: 'calendar-refused', status: 403, userMessage: 'The calendar service refused to create the meeting.' });
    expect((error as Error).message).toBe('Graph answered 403 ServiceUnavailable to "create the meeting"');
    expect((error as Error).cause).toBeDefined();
  });

  test('what people are told of a Graph failure, in Welsh as in English: the request it was, and whether to try again', async () => {
    simulator.inject({ match: /\/events$/, status: 403, times: 1 });
    const refused = await calendar.createMeeting({ organiser: LEAD, transactionId: 'refused-in-welsh', subject: 'x', bodyText: 'x', startMs: at('2026-06-02T14:00'), endMs: at('2026-06-02T15:00'), timeZone: 'Europe/London', attendees: [] }).catch((caught: unknown) => caught);
    expect(refusalIn(wordsIn('cy'), refused)).toBe("Gwrthododd y gwasanaeth calendr y cais i greu'r cyfarfod.");
    expect(refusalIn(wordsIn('en'), refused)).toBe('The calendar service refused to create the meeting.');
    simulator.inject({ match: /getSchedule/, dropConnection: true, times: 1 });
    const unreached = await calendar.availability({ organiser: LEAD, mailboxes: [LEAD], fromMs: at('2026-06-01T00:00'), toMs: at('2026-06-05T00:00') }).catch((caught: unknown) => caught);
    expect(refusalIn(wordsIn('cy'), unreached)).toBe('Nid oedd modd cyrraedd y gwasanaeth calendr i ddarllen yr amserau rhydd a phrysur.');
    simulator.inject({ match: /sendMail/, status: 429, retryAfterSeconds: 600, times: 1 });
    const busy = await (calendar as Calendar & Mailer).sendMail({ from: LEAD, to: 'owen.price@school.example', subject: 'x', bodyText: 'x' }).catch((caught: unknown) => caught);
    expect(refusalIn(wordsIn('cy'), busy)).toBe('Ni chwblhawyd y cais i anfon yr e-bost: roedd y gwasanaeth e-bost yn brysur. Rhowch gynnig arall arni ymhen ychydig funudau.');
    expect(refusalIn(wordsIn('en'), busy)).toBe('The mail service is busy; send the e-mail did not complete. Try again in a few minutes.');
  });

  test('a failed sendMail is a MailError, not a CalendarError: mail-unavailable with the Retry-After Graph gave', async () => {
    simulator.inject({ match: /sendMail/, status: 429, retryAfterSeconds: 600, times: 1 });
    const mailer = calendar as Calendar & Mailer;
    const error = await mailer.sendMail({ from: LEAD, to: 'owen.price@school.example', subject: 'x', bodyText: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailError);
    expect(error).toMatchObject({ code: 'mail-unavailable', status: 429, retryAfterMs: 600_000 });
    expect((error as MailError).userMessage).toContain('mail service is busy');
    expect((error as Error).message).not.toContain('owen.price');
  });

  test('a request without a token the simulator issued is refused', async () => {
    const dispatcher = new Agent({ connect: { ca: simulator.certificatePem } });
    const forged = await undiciFetch(`${simulator.url}v1.0/users/${LEAD}`, { headers: { authorization: 'Bearer a.b.c' }, dispatcher });
    const missing = await undiciFetch(`${simulator.url}v1.0/users/${LEAD}`, { dispatcher });
    expect([forged.status, missing.status]).toEqual([401, 401]);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
    await dispatcher.close();
  });

  test('a long series is read page by page, following @odata.nextLink', async () => {
    const event = await calendar.createMeeting({
      organiser: LEAD, transactionId: 'paging-series', subject: 'Weekly check', bodyText: 'x', startMs: at('2026-06-02T14:00'), endMs: at('2026-06-02T15:00'), timeZone: 'Europe/London', attendees: [],
      recurrence: { every: 1, unit: 'weeks', until: Temporal.PlainDate.from('2027-06-01') },
    });
    simulator.requests.splice(0);
    const all = await calendar.occurrences(LEAD, event.eventId, at('2026-06-01T00:00'), at('2027-06-02T00:00'));
    expect(all).toHaveLength(53);
    expect(all[21]?.startMs).toBe(at('2026-10-27T14:00'));
    expect(graphCalls(simulator).filter((request) => request.path.endsWith('/instances'))).toHaveLength(2);
  });

  test('an occurrence keeps its id when moved (twice): listed and found by it where it is now, on the invitees’ calendars too; once cancelled it is found no more', async () => {
    const event = await calendar.createMeeting({
      organiser: LEAD, transactionId: 'moved-occurrence', subject: 'Core group', bodyText: 'x', startMs: at('2026-06-09T10:05'), endMs: at('2026-06-09T11:35'), timeZone: 'Europe/London',
      attendees: [{ email: 'grace.lindqvist@demo.example', name: 'Grace Lindqvist', required: true }], recurrence: { every: 4, unit: 'weeks', until: Temporal.PlainDate.from('2026-09-30') },
    });
    const window = [at('2026-06-01T00:00'), at('2026-10-01T00:00')] as const;
    const [, second] = await calendar.occurrences(LEAD, event.eventId, ...window);
    const busyFor = async (mailbox: string, startMs: number) => (await calendar.availability({ organiser: LEAD, mailboxes: [mailbox], fromMs: startMs - 3_600_000, toMs: startMs + 3_600_000 }))[0]!.busy.some((block) => block.startMs === startMs);
    for (const to of [at('2026-07-08T14:05'), at('2026-07-09T09:05')]) {
      await calendar.reschedule(LEAD, second!.id, { startMs: to, endMs: to + 90 * 60_000, timeZone: 'Europe/London' });
      expect(await calendar.occurrence(LEAD, second!.id)).toEqual({ id: second!.id, seriesId: event.eventId, startMs: to, endMs: to + 90 * 60_000 });
      expect((await calendar.occurrences(LEAD, event.eventId, ...window)).filter((listed) => listed.id === second!.id).map((listed) => listed.startMs)).toEqual([to]);
      expect(await busyFor('grace.lindqvist@demo.example', to)).toBe(true);
    }
    for (const left of [second!.startMs, at('2026-07-08T14:05')]) expect(await busyFor('grace.lindqvist@demo.example', left)).toBe(false);
    await calendar.cancel(LEAD, second!.id, 'Clash');
    expect(await calendar.occurrence(LEAD, second!.id)).toBeUndefined();
    expect((await calendar.occurrences(LEAD, event.eventId, ...window)).map((listed) => listed.id)).not.toContain(second!.id);
    expect(await busyFor('grace.lindqvist@demo.example', at('2026-07-09T09:05'))).toBe(false);
    await expect(calendar.cancel(LEAD, second!.id, 'Clash')).rejects.toMatchObject({ status: 404 });
  });

  test('on-behalf-of tokens come from the same MSAL client', async () => {
    const tokens = createGraphTokens({ tenantId: SIM_TENANT, clientId: '11111111-1111-4111-8111-111111111111', credential: { secret: 's' }, authorityHost: simulator.url, trustedCertificatePem: simulator.certificatePem });
    const token = await tokens.onBehalfOf('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyIn0.sig');
    expect(simulator.state.issuedTokens.has(token)).toBe(true);
  });

  test('Windows time-zone names map to IANA', () => {
    expect(['GMT Standard Time', 'W. Europe Standard Time', 'Europe/Dublin', 'UTC', undefined].map(toIanaTimeZone)).toEqual(['Europe/London', 'Europe/Berlin', 'Europe/Dublin', 'UTC', 'Europe/London']);
  });

  test('working hours fall back to 09:00–17:00 London when a mailbox has none', async () => {
    simulator.state.addUser({ id: demoObjectId('nohours'), displayName: 'No Hours', mail: 'no.hours@demo.example', mailboxSettings: {} });
    const [result] = await calendar.availability({ organiser: LEAD, mailboxes: ['no.hours@demo.example'], fromMs: at('2026-06-01T00:00'), toMs: at('2026-06-05T00:00') });
    expect(result?.workingHours).toEqual({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/London' });
  });
});
