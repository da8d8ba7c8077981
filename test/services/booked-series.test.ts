import { Temporal } from 'temporal-polyfill';
import { Agent, fetch as undiciFetch } from 'undici';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { DEMO_TENANT_ID, demoObjectId, seedDemoCoreGroup } from '../../src/local/demo/demo-core-group.seed';
import { demoOrganisation } from '../../src/local/demo/demo-organisation.seed';
import type { GraphSimulator } from '../../src/local/graph-simulator/graph-simulator.server';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { type CaseStatusService, createCaseStatusService } from '../../src/services/case-status.service';
import { createDashboard } from '../../src/services/dashboard.service';
import type { Calendar } from '../../src/services/ports/calendar.port';
import type { Clock } from '../../src/services/ports/clock.port';
import { type SchedulingService, createSchedulingService } from '../../src/services/scheduling.service';
import { type Store, createStore } from '../../src/store/store';
import { type TestDatabase, migratedDatabase } from '../support/databases';
import { simulatedGraph } from '../support/graph';
import { rejectionOf } from '../support/rejection';

let now = '2026-06-03T08:00:00.000Z';
const clock: Clock = { nowIso: () => now, today: () => Temporal.Instant.from(now).toZonedDateTimeISO('Europe/London').toPlainDate() };
const calendars = loadWorkingDayCalendars();
const catalogue = loadPolicyCatalogue();
const lead = { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('lead') };
const health = { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('health') };
const FOUR_WEEKS_MS = 28 * 86_400_000;

describe('the booked series of a core group, on Graph (simulator) and SQLite', () => {
  let database: TestDatabase;
  let store: Store;
  let simulator: GraphSimulator;
  let calendar: Calendar;
  let scheduling: SchedulingService;
  let status: CaseStatusService;
  let coreGroupId: string;
  /** The slot the first series was booked at (its booking key stays with the cancelled meeting). */
  let firstSlotMs: number;

  beforeAll(async () => {
    database = await migratedDatabase('sqlite');
    store = createStore(database);
    ({ coreGroupId } = await seedDemoCoreGroup({ coreGroups: store.coreGroups, plans: store.plans, clock, calendar: calendars['england-and-wales'] }));
    ({ simulator, calendar } = await simulatedGraph(demoOrganisation(clock.today().subtract({ days: 7 }))));
    const deps = { ...store, clock, calendars, calendar, policy: (id: string) => catalogue.get(id) };
    scheduling = createSchedulingService({ ...deps, agenda: { publishAgenda: async () => undefined }, teamsAppId: 'a1b2c3d4-0000-4000-8000-000000000001' });
    status = createCaseStatusService(deps);
  });
  afterAll(async () => {
    await simulator.stop();
    await database.drop();
  });
  afterEach(() => {
    now = '2026-06-03T08:00:00.000Z';
  });

  /** The calendar's id for the occurrence of the meeting's series starting then: what a card or the dashboard names it by. */
  const occurrenceIdAt = async (meetingId: string, startMs: number) => {
    const { booking } = (await store.meetings.findById(meetingId))!;
    const [occurrence] = await calendar.occurrences(booking!.organiser, booking!.eventId, startMs - 60_000, startMs + 60_000);
    return occurrence!.id;
  };
  const cancellations = () => simulator.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/cancel')).length;

  const decline = async (mail: string, eventId: string) => {
    const person = simulator.state.findUser(mail)!;
    const invitation = person.events.find((event) => event.masterId === eventId)!;
    const dispatcher = new Agent({ connect: { ca: simulator.certificatePem } });
    await undiciFetch(`${simulator.url}_simulator/users/${person.id}/events/${invitation.id}/respond`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ response: 'declined' }), dispatcher });
    await dispatcher.close();
  };

  test('with nothing booked, status, minutes and the dashboard show no series, and scheduling shows none', async () => {
    expect((await status.statusOf(lead, coreGroupId)).booked).toBeUndefined();
    expect((await status.minutesOf(lead, coreGroupId)).booked).toBeUndefined();
    expect((await createDashboard({ calendars, policy: (id: string) => catalogue.get(id), status, concerns: store.concerns, noticeDeliveries: store.noticeDeliveries, coreGroups: store.coreGroups, clock }).of(lead)).coreGroups[0]?.nextMeeting).toBeUndefined();
    expect((await scheduling.bookedSeries({ caller: lead, coreGroupId })).series).toBeUndefined();
  });

  test('once booked, status, minutes, the dashboard and scheduling all show the series: next occurrence, join link, each invitee’s reply from Graph', async () => {
    const slot = (await scheduling.proposeSlots({ caller: lead, coreGroupId })).proposal.slots[0]!;
    const booked = await scheduling.book({ caller: lead, coreGroupId, startMs: slot.startMs });
    firstSlotMs = slot.startMs;
    await decline('grace.lindqvist@demo.example', booked.meeting.booking!.eventId);
    await scheduling.syncResponses(booked.meeting.id);

    const series = (await status.statusOf(lead, coreGroupId)).booked!;
    expect(series).toMatchObject({ meetingId: booked.meeting.id, next: { startMs: slot.startMs, endMs: slot.startMs + 90 * 60_000 }, nextIsRecorded: true, joinUrl: booked.joinUrl, chatId: booked.meeting.booking!.chatId });
    const replyOf = (name: string) => series.replies.find((reply) => reply.name === name)?.reply;
    expect(replyOf('Priya Shah')).toBe('organiser');
    expect(replyOf('Grace Lindqvist')).toBe('declined');
    expect(replyOf('Tom Okafor')).toBe('none');
    expect(series.replies.map((reply) => reply.name)).not.toContain('Riley');

    expect((await status.minutesOf(health, coreGroupId)).booked).toEqual(series);
    expect((await scheduling.bookedSeries({ caller: lead, coreGroupId })).series).toEqual(series);
    const [group] = (await createDashboard({ calendars, policy: (id: string) => catalogue.get(id), status, concerns: store.concerns, noticeDeliveries: store.noticeDeliveries, coreGroups: store.coreGroups, clock }).of(health)).coreGroups;
    expect(group!.nextMeeting).toMatchObject({ id: booked.meeting.id, startsAt: new Date(slot.startMs).toISOString(), joinUrl: booked.joinUrl });
    expect(group!.nextMeeting!.replies).toEqual(series.replies);
  });

  test('a case has one series at a time: booking another slot is refused, the same slot again is the same booking', async () => {
    const { series } = await scheduling.bookedSeries({ caller: lead, coreGroupId });
    const other = (await scheduling.proposeSlots({ caller: lead, coreGroupId })).proposal.slots.find((slot) => slot.startMs !== series!.next.startMs)!;
    expect(await rejectionOf(scheduling.book({ caller: lead, coreGroupId, startMs: other.startMs }))).toContain('already has a series');
    expect((await scheduling.book({ caller: lead, coreGroupId, startMs: series!.next.startMs })).created).toBe(false);
  });

  test('after its first meeting the series shows its next occurrence, from the calendar', async () => {
    const { series } = await scheduling.bookedSeries({ caller: lead, coreGroupId });
    now = new Date(series!.next.endMs + 3_600_000).toISOString();
    const later = (await status.statusOf(lead, coreGroupId)).booked!;
    expect(later).toMatchObject({ meetingId: series!.meetingId, next: { startMs: series!.next.startMs + FOUR_WEEKS_MS }, nextIsRecorded: false });
  });

  test('moving the series, then one occurrence, each happen once however often they are asked for', async () => {
    const { series } = await scheduling.bookedSeries({ caller: lead, coreGroupId });
    const dayLater = series!.next.startMs + 86_400_000;
    expect(await scheduling.reschedule({ caller: lead, meetingId: series!.meetingId, startMs: dayLater })).toBe('changed');
    expect(await scheduling.reschedule({ caller: lead, meetingId: series!.meetingId, startMs: dayLater })).toBe('unchanged');
    expect((await scheduling.bookedSeries({ caller: lead, coreGroupId })).series!.next.startMs).toBe(dayLater);

    const second = dayLater + FOUR_WEEKS_MS;
    const moved = second + 2 * 3_600_000;
    const occurrence = { occurrenceStartMs: second, occurrenceId: await occurrenceIdAt(series!.meetingId, second) };
    expect(await scheduling.reschedule({ caller: lead, meetingId: series!.meetingId, startMs: moved, ...occurrence })).toBe('changed');
    expect(await scheduling.reschedule({ caller: lead, meetingId: series!.meetingId, startMs: moved, ...occurrence })).toBe('unchanged');
    expect(await occurrenceIdAt(series!.meetingId, moved)).toBe(occurrence.occurrenceId);
    // Named by its start alone (a card sent before meetings carried their id), nothing is there now: refused, with no claim that it was moved.
    expect(await rejectionOf(scheduling.reschedule({ caller: lead, meetingId: series!.meetingId, startMs: moved, occurrenceStartMs: second }))).toMatch(/^That meeting is no longer at .*: it has been moved or cancelled since\. Nothing was changed\.$/);
    const [tom] = await calendar.availability({ organiser: 'priya.shah@demo.example', mailboxes: ['tom.okafor@demo.example'], fromMs: second - 3_600_000, toMs: moved + 7_200_000 });
    const starts = tom!.busy.map((block) => block.startMs);
    expect(starts).toContain(moved);
    expect(starts).not.toContain(second);
  });

  test('a series that has met is not moved as a whole', async () => {
    const { series } = await scheduling.bookedSeries({ caller: lead, coreGroupId });
    const meeting = (await store.meetings.findById(series!.meetingId))!;
    await store.meetings.update({ ...meeting, status: 'held' });
    expect(await rejectionOf(scheduling.reschedule({ caller: lead, meetingId: meeting.id, startMs: series!.next.startMs + 3_600_000 }))).toContain('already met');
    await store.meetings.update(meeting);
  });

  test('cancelling with a reason: one occurrence, then the series, each once; then a new series may be booked', async () => {
    const { series } = await scheduling.bookedSeries({ caller: lead, coreGroupId });
    const third = series!.next.startMs + 2 * FOUR_WEEKS_MS;
    const occurrence = { occurrenceStartMs: third, occurrenceId: await occurrenceIdAt(series!.meetingId, third) };
    expect(await scheduling.cancel({ caller: lead, meetingId: series!.meetingId, reason: 'Bank holiday', ...occurrence })).toBe('changed');
    expect(await scheduling.cancel({ caller: lead, meetingId: series!.meetingId, reason: 'Bank holiday', ...occurrence })).toBe('unchanged');
    expect(await rejectionOf(scheduling.cancel({ caller: lead, meetingId: series!.meetingId, reason: 'Bank holiday', occurrenceStartMs: third }))).toContain('no longer at');
    expect(await rejectionOf(scheduling.reschedule({ caller: lead, meetingId: series!.meetingId, startMs: third + 3_600_000, ...occurrence }))).toBe('That meeting has been cancelled, so it cannot be moved. Nothing was changed.');
    expect((await scheduling.bookedSeries({ caller: lead, coreGroupId })).series).toBeDefined();

    expect(await scheduling.cancel({ caller: lead, meetingId: series!.meetingId, reason: 'Child moved out of area' })).toBe('changed');
    expect(await scheduling.cancel({ caller: lead, meetingId: series!.meetingId, reason: 'Child moved out of area' })).toBe('unchanged');
    expect(await store.meetings.findById(series!.meetingId)).toMatchObject({ status: 'cancelled', cancellationReason: 'Child moved out of area' });
    expect((await status.statusOf(lead, coreGroupId)).booked).toBeUndefined();
    expect((await scheduling.bookedSeries({ caller: lead, coreGroupId })).series).toBeUndefined();

    const slot = (await scheduling.proposeSlots({ caller: lead, coreGroupId })).proposal.slots.find((candidate) => candidate.startMs === firstSlotMs) ?? (await scheduling.proposeSlots({ caller: lead, coreGroupId })).proposal.slots[0]!;
    expect((await scheduling.book({ caller: lead, coreGroupId, startMs: slot.startMs })).created).toBe(true);
  });

  test('only those who schedule see the series through scheduling; a professional sees it in their status', async () => {
    expect(await rejectionOf(scheduling.bookedSeries({ caller: health, coreGroupId }))).toContain('does not allow');
    expect((await status.statusOf(health, coreGroupId)).booked).toBeDefined();
  });

  test('an event id from outside the series (a card’s data is not trusted) is not followed: nothing is cancelled, and nothing is said to be', async () => {
    const { series } = await scheduling.bookedSeries({ caller: lead, coreGroupId });
    const { booking } = (await store.meetings.findById(series!.meetingId))!;
    const other = simulator.state.findUser(booking!.organiser)!.events.find((event) => !event.recurrence && !event.seriesMasterId && !event.isCancelled)!;
    const before = cancellations();
    const forged = { occurrenceStartMs: series!.next.startMs, occurrenceId: other.id };
    expect(await rejectionOf(scheduling.cancel({ caller: lead, meetingId: series!.meetingId, reason: 'Clash', ...forged }))).toContain('no longer at');
    expect(await rejectionOf(scheduling.reschedule({ caller: lead, meetingId: series!.meetingId, startMs: series!.next.startMs + 3_600_000, ...forged }))).toContain('no longer at');
    expect(cancellations()).toBe(before);
    expect(other.isCancelled).toBeFalsy();
  });

  test('the meeting the record keeps, moved, then cancelled at its new time: cancelled in Outlook once; asked for at its old time, or moved once cancelled, it is refused', async () => {
    const { series } = await scheduling.bookedSeries({ caller: lead, coreGroupId });
    const { meetingId, next, nextIsRecorded } = series!;
    expect(nextIsRecorded).toBe(true);
    const later = next.startMs + 2 * 3_600_000;
    expect(await scheduling.reschedule({ caller: lead, meetingId, startMs: later, occurrenceStartMs: next.startMs })).toBe('changed');
    expect(await scheduling.reschedule({ caller: lead, meetingId, startMs: later, occurrenceStartMs: next.startMs })).toBe('unchanged');
    expect((await scheduling.bookedSeries({ caller: lead, coreGroupId })).series).toMatchObject({ next: { startMs: later }, nextIsRecorded: true });
    const before = cancellations();

    expect(await rejectionOf(scheduling.cancel({ caller: lead, meetingId, reason: 'Clash', occurrenceStartMs: next.startMs }))).toContain('no longer at');
    expect(await scheduling.cancel({ caller: lead, meetingId, reason: 'Clash', occurrenceStartMs: later })).toBe('changed');
    expect(await scheduling.cancel({ caller: lead, meetingId, reason: 'Clash', occurrenceStartMs: later })).toBe('unchanged');
    expect(cancellations()).toBe(before + 1);
    const { booking } = (await store.meetings.findById(meetingId))!;
    expect(await calendar.occurrences(booking!.organiser, booking!.eventId, later - 60_000, later + 60_000)).toEqual([]);
    expect(await store.meetings.findById(meetingId)).toMatchObject({ status: 'cancelled', cancellationReason: 'Clash', startsAt: new Date(later).toISOString() });
    expect(await rejectionOf(scheduling.reschedule({ caller: lead, meetingId, startMs: later + 3_600_000, occurrenceStartMs: later }))).toContain('has been cancelled, so it cannot be moved');
  });
});
