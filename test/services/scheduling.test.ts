import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { demoOrganisation } from '../../src/local/demo/demo-organisation.seed';
import type { GraphSimulator } from '../../src/local/graph-simulator/graph-simulator.server';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { DEMO_TENANT_ID, demoObjectId, seedDemoCoreGroup } from '../../src/local/demo/demo-core-group.seed';
import type { Calendar } from '../../src/services/ports/calendar.port';
import type { Clock } from '../../src/services/ports/clock.port';
import { type SchedulingService, createSchedulingService, transactionIdFor } from '../../src/services/scheduling.service';
import { type Store, createStore } from '../../src/store/store';
import { type TestDatabase, migratedDatabase } from '../support/databases';
import { graphCalls, simulatedGraph } from '../support/graph';
import { rejectionOf } from '../support/rejection';

const TODAY = Temporal.PlainDate.from('2026-06-03');
const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => TODAY };
const calendars = loadWorkingDayCalendars();
const catalogue = loadPolicyCatalogue();
const lead = { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('lead') };
const LEAD_MAIL = 'priya.shah@demo.example';
const TEAMS_APP_ID = 'a1b2c3d4-0000-4000-8000-000000000001';

describe('scheduling a core group on Graph (simulator) and SQLite', () => {
  let database: TestDatabase;
  let store: Store;
  let simulator: GraphSimulator;
  let calendar: Calendar;
  let scheduling: SchedulingService;
  let coreGroupId: string;
  const agendas: { coreGroupId: string; meetingId: string; chatId: string }[] = [];

  beforeAll(async () => {
    database = await migratedDatabase('sqlite');
    store = createStore(database);
    ({ coreGroupId } = await seedDemoCoreGroup({ coreGroups: store.coreGroups, plans: store.plans, clock, calendar: calendars['england-and-wales'] }));
    ({ simulator, calendar } = await simulatedGraph(demoOrganisation(TODAY.subtract({ days: 7 }))));
    scheduling = createSchedulingService({
      coreGroups: store.coreGroups,
      meetings: store.meetings,
      concerns: store.concerns,
      concernHistory: store.concernHistory,
      auditLog: store.auditLog,
      calendar,
      agenda: { publishAgenda: async (request) => void agendas.push(request) },
      clock,
      calendars,
      policy: (id) => catalogue.get(id),
      teamsAppId: TEAMS_APP_ID,
    });
  });
  afterAll(async () => {
    await simulator.stop();
    await database.drop();
  });
  beforeEach(() => {
    simulator.requests.splice(0);
    simulator.clearFaults();
  });

  test('slots for the first core group come before its deadline, from one free/busy call', async () => {
    const offer = await scheduling.proposeSlots({ caller: lead, coreGroupId });
    expect(offer.obligation).toMatchObject({ id: 'first-core-group', rule: 'First core group within 10 working days of the ICPC' });
    expect(offer.obligation.due.toString()).toBe('2026-06-10');
    expect(offer.proposal.deadlineCanBeMet).toBe(true);
    expect(offer.proposal.slots.length).toBe(5);
    for (const slot of offer.proposal.slots) {
      expect(slot.beforeDeadline).toBe(true);
      expect(Temporal.PlainDate.compare(slot.date, offer.obligation.due)).toBeLessThanOrEqual(0);
    }
    expect(offer.unknownAvailability).toHaveLength(3);
    expect(graphCalls(simulator).map((request) => request.path)).toEqual([`/v1.0/users/${encodeURIComponent(LEAD_MAIL)}/calendar/getSchedule`]);
  });

  test('a crash between Graph and the database does not make a second event', async () => {
    const offer = await scheduling.proposeSlots({ caller: lead, coreGroupId });
    const slot = offer.proposal.slots[1]!;
    await calendar.createMeeting({ organiser: LEAD_MAIL, transactionId: transactionIdFor(`${coreGroupId}:${slot.startMs}`), subject: 'Core group meeting – DEMO-0001', bodyText: 'x', startMs: slot.startMs, endMs: slot.startMs + 5_400_000, timeZone: 'Europe/London', attendees: [] });
    const booked = await scheduling.book({ caller: lead, coreGroupId, startMs: slot.startMs });
    const organiser = simulator.state.findUser(LEAD_MAIL)!;
    expect(organiser.events.filter((event) => event.transactionId === transactionIdFor(`${coreGroupId}:${slot.startMs}`))).toHaveLength(1);
    expect(booked.meeting.booking?.eventId).toBe(organiser.events.find((event) => event.transactionId === transactionIdFor(`${coreGroupId}:${slot.startMs}`))?.id);
    // One series at a time: this one is cancelled so the tests below can book theirs.
    await scheduling.cancel({ caller: lead, meetingId: booked.meeting.id, reason: 'Booked by the crash test' });
  });

  test('a Graph outage while booking fails cleanly with nothing written', async () => {
    const offer = await scheduling.proposeSlots({ caller: lead, coreGroupId });
    const slot = offer.proposal.slots[2]!;
    const before = (await store.meetings.listByCoreGroup(coreGroupId)).length;
    simulator.inject({ match: /\/events$/, status: 503, retryAfterSeconds: 0, times: 10 });
    expect(await rejectionOf(scheduling.book({ caller: lead, coreGroupId, startMs: slot.startMs }))).toContain('busy');
    expect(await store.meetings.listByCoreGroup(coreGroupId)).toHaveLength(before);
    expect(await store.meetings.findByBookingKey(`${coreGroupId}:${slot.startMs}`)).toBeUndefined();
  });

  test('booking puts one Teams meeting on every tenant attendee’s calendar, joins its chat and hands over the agenda, in five round trips at most', async () => {
    const offer = await scheduling.proposeSlots({ caller: lead, coreGroupId });
    simulator.requests.splice(0);
    const slot = offer.proposal.slots[0]!;
    const booked = await scheduling.book({ caller: lead, coreGroupId, startMs: slot.startMs });
    expect(booked).toMatchObject({ created: true, chat: 'ready', joinUrl: expect.stringContaining('teams.microsoft.com') });
    // Create, list the series' occurrences (none on a day off here), find the chat, install the app: the agenda goes via the bot.
    expect(graphCalls(simulator).length).toBeLessThanOrEqual(5);

    const organiser = simulator.state.findUser(LEAD_MAIL)!;
    const event = organiser.events.find((candidate) => candidate.id === booked.meeting.booking?.eventId)!;
    expect(event).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', subject: 'Core group meeting – DEMO-0001' });
    expect(JSON.stringify(event)).not.toContain('Riley');
    expect(event.recurrence?.pattern).toMatchObject({ type: 'weekly', interval: 4 });
    expect(event.recurrence?.range?.endDate).toBe('2026-08-27');
    expect(event.attendees?.map((attendee) => attendee.emailAddress?.address).sort()).toEqual([
      'amira.haddad@demo.example', 'grace.lindqvist@demo.example', 'helen.moss@demo.example', 'jordan.ellis@family.example', 'owen.price@demo.example', 'tom.okafor@demo.example',
    ]);
    for (const mail of ['grace.lindqvist@demo.example', 'tom.okafor@demo.example', 'helen.moss@demo.example']) {
      expect(simulator.state.findUser(mail)!.events.filter((copy) => copy.masterId === event.id)).toHaveLength(1);
    }
    const chatId = booked.meeting.booking?.chatId;
    expect(simulator.state.installedApps.get(chatId!)).toEqual([expect.objectContaining({ teamsAppId: TEAMS_APP_ID, consentedPermissions: ['OnlineMeeting.ReadBasic.Chat'] })]);
    expect(agendas).toContainEqual({ coreGroupId, meetingId: booked.meeting.id, chatId });

    simulator.requests.splice(0);
    const again = await scheduling.book({ caller: lead, coreGroupId, startMs: slot.startMs });
    expect(again).toMatchObject({ created: false, meeting: { id: booked.meeting.id } });
    expect(graphCalls(simulator)).toEqual([]);
    expect(organiser.events.filter((candidate) => candidate.transactionId === event.transactionId)).toHaveLength(1);
  });

  test('attendees’ replies come back as invitation status per member', async () => {
    const [meeting] = (await store.meetings.listByCoreGroup(coreGroupId)).filter((candidate) => candidate.booking && candidate.status === 'scheduled');
    const grace = simulator.state.findUser('grace.lindqvist@demo.example')!;
    const invitation = grace.events.find((event) => event.masterId === meeting!.booking!.eventId)!;
    await fetch(`${simulator.url}_simulator/users/${grace.id}/events/${invitation.id}/respond`, { method: 'POST' }).catch(() => undefined);
    const { Agent, fetch: undiciFetch } = await import('undici');
    const dispatcher = new Agent({ connect: { ca: simulator.certificatePem } });
    await undiciFetch(`${simulator.url}_simulator/users/${grace.id}/events/${invitation.id}/respond`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ response: 'declined' }), dispatcher });
    await dispatcher.close();
    const replies = await scheduling.syncResponses(meeting!.id);
    const members = await store.coreGroups.members(coreGroupId);
    const graceMember = members.find((member) => member.email === 'grace.lindqvist@demo.example')!;
    expect(replies).toContainEqual({ memberId: graceMember.id, response: 'declined' });
    expect(await store.meetings.invitations(meeting!.id)).toContainEqual({ memberId: graceMember.id, response: 'declined' });
  });

  test('moving one occurrence moves it on every attendee’s calendar and leaves the series alone', async () => {
    const [meeting] = (await store.meetings.listByCoreGroup(coreGroupId)).filter((candidate) => candidate.booking && candidate.status === 'scheduled');
    const third = Date.parse(meeting!.startsAt!) + 56 * 86_400_000;
    const moved = third + 86_400_000;
    await scheduling.reschedule({ caller: lead, meetingId: meeting!.id, startMs: moved, occurrenceStartMs: third });
    const [tom] = await calendar.availability({ organiser: LEAD_MAIL, mailboxes: ['tom.okafor@demo.example'], fromMs: third - 3_600_000, toMs: moved + 7_200_000 });
    expect(tom!.busy.some((block) => block.startMs === third)).toBe(false);
    expect(tom!.busy.some((block) => block.startMs === moved)).toBe(true);
    expect((await store.meetings.findById(meeting!.id))?.startsAt).toBe(meeting!.startsAt);
  });

  test('cancelling one occurrence keeps the series; cancelling the series needs a reason and marks the meeting', async () => {
    const [meeting] = (await store.meetings.listByCoreGroup(coreGroupId)).filter((candidate) => candidate.booking && candidate.status === 'scheduled');
    const organiser = simulator.state.findUser(LEAD_MAIL)!;
    const event = organiser.events.find((candidate) => candidate.id === meeting!.booking!.eventId)!;
    const second = Date.parse(meeting!.startsAt!) + 28 * 86_400_000;
    await scheduling.cancel({ caller: lead, meetingId: meeting!.id, reason: 'Bank holiday clash', occurrenceStartMs: second });
    expect((event as { cancelledOccurrences?: number[] }).cancelledOccurrences).toContain(second);
    expect((await store.meetings.findById(meeting!.id))?.status).toBe('scheduled');
    expect(await rejectionOf(scheduling.cancel({ caller: lead, meetingId: meeting!.id, reason: ' ' }))).toContain('last resort');
    await scheduling.cancel({ caller: lead, meetingId: meeting!.id, reason: 'Child moved out of area' });
    expect(event.isCancelled).toBe(true);
    expect(await store.meetings.findById(meeting!.id)).toMatchObject({ status: 'cancelled', cancellationReason: 'Child moved out of area' });
  });

  test('a series booked across Christmas moves its occurrence on the Boxing Day substitute bank holiday to the working day before, at the same time', async () => {
    const autumn = randomUUID();
    await store.coreGroups.create({ id: autumn, caseReference: 'AUTUMN-1', childName: 'Invented Child', tenantId: DEMO_TENANT_ID, policyId: 'ten-working-days-four-weekly', icpcDate: Temporal.PlainDate.from('2026-10-01'), createdAt: clock.nowIso() }, [
      { id: randomUUID(), displayName: 'Priya Shah', role: 'lead-social-worker', agency: "children's social care", email: LEAD_MAIL, aadObjectId: demoObjectId('lead'), reach: 'tenant', active: true },
    ]);
    // Mondays 10:00 UK time from 5 October, four-weekly until the review due by 31 December: 2 and 30 November, then 28 December.
    const booked = await scheduling.book({ caller: lead, coreGroupId: autumn, startMs: Date.parse('2026-10-05T09:00:00.000Z') });
    const seriesEvent = booked.meeting.booking!.eventId;
    const starts = (await calendar.occurrences(LEAD_MAIL, seriesEvent, Date.parse('2026-10-01'), Date.parse('2027-01-01'))).map((occurrence) => new Date(occurrence.startMs).toISOString());
    // Graph lists the moved occurrence (an exception) where it is now.
    expect(starts).toEqual(['2026-10-05T09:00:00.000Z', '2026-11-02T10:00:00.000Z', '2026-11-30T10:00:00.000Z', '2026-12-24T10:00:00.000Z']);
    const [moved] = await calendar.availability({ organiser: LEAD_MAIL, mailboxes: [LEAD_MAIL], fromMs: Date.parse('2026-12-20'), toMs: Date.parse('2026-12-31') });
    const busy = moved!.busy.map((block) => new Date(block.startMs).toISOString());
    expect(busy).toContain('2026-12-24T10:00:00.000Z');
    expect(busy).not.toContain('2026-12-28T10:00:00.000Z');
  });

  test('a hybrid meeting names its venue: in Outlook as the location, on the record, on the agenda; in person with no venue books nothing', async () => {
    const elsewhere = randomUUID();
    await store.coreGroups.create({ id: elsewhere, caseReference: 'VENUE-1', childName: 'Invented Child', tenantId: DEMO_TENANT_ID, policyId: 'ten-working-days-four-weekly', icpcDate: Temporal.PlainDate.from('2026-06-01'), createdAt: clock.nowIso() }, [
      { id: randomUUID(), displayName: 'Priya Shah', role: 'lead-social-worker', agency: "children's social care", email: LEAD_MAIL, aadObjectId: demoObjectId('lead'), reach: 'tenant', active: true },
    ]);
    const startMs = Date.parse('2026-06-10T09:00:00.000Z');
    expect(await rejectionOf(scheduling.book({ caller: lead, coreGroupId: elsewhere, startMs, mode: 'in-person', venue: ' ' }))).toMatch(/Name the venue/);
    expect(await store.meetings.listByCoreGroup(elsewhere)).toEqual([]);
    const booked = await scheduling.book({ caller: lead, coreGroupId: elsewhere, startMs, mode: 'hybrid', venue: 'Family Centre, Room 2' });
    expect((await store.meetings.findById(booked.meeting.id))!.place).toEqual({ mode: 'hybrid', venue: 'Family Centre, Room 2' });
    const event = simulator.state.findUser(LEAD_MAIL)!.events.find((candidate) => candidate.id === booked.meeting.booking!.eventId)!;
    expect(event).toMatchObject({ location: { displayName: 'Family Centre, Room 2' }, isOnlineMeeting: true });
  });

  test('someone outside the core group can neither see slots nor book, and the attempt is audited', async () => {
    const stranger = { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('stranger') };
    expect(await rejectionOf(scheduling.proposeSlots({ caller: stranger, coreGroupId }))).toContain('not a member');
    const otherTenant = { tenantId: '99999999-9999-4999-8999-999999999999', aadObjectId: demoObjectId('lead') };
    expect(await rejectionOf(scheduling.book({ caller: otherTenant, coreGroupId, startMs: Date.parse('2026-06-05T10:00:00Z') }))).toContain('does not exist');
    const audit = await store.auditLog.listByCoreGroup(coreGroupId);
    expect(audit.filter((entry) => entry.outcome === 'denied').map((entry) => entry.actor)).toEqual(expect.arrayContaining([demoObjectId('stranger'), demoObjectId('lead')]));
    expect(graphCalls(simulator)).toEqual([]);
  });

  test('a professional member may not schedule', async () => {
    const health = { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('health') };
    expect(await rejectionOf(scheduling.proposeSlots({ caller: health, coreGroupId }))).toContain('does not allow');
  });
});
