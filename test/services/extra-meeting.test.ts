import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { londonDateOf } from '../../src/domain/civil-date';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../../src/domain/errors';
import { computeObligations } from '../../src/domain/obligations';
import { DEMO_TENANT_ID, demoObjectId, seedDemoCoreGroup } from '../../src/local/demo/demo-core-group.seed';
import { demoOrganisation } from '../../src/local/demo/demo-organisation.seed';
import type { GraphSimulator } from '../../src/local/graph-simulator/graph-simulator.server';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createConcernService } from '../../src/services/concern.service';
import { createConcernDecisions } from '../../src/services/concerns/concern-decisions.service';
import type { Clock } from '../../src/services/ports/clock.port';
import { type SchedulingService, createSchedulingService, transactionIdFor } from '../../src/services/scheduling.service';
import { type Store, createStore } from '../../src/store/store';
import { type TestDatabase, migratedDatabase } from '../support/databases';
import { graphCalls, simulatedGraph } from '../support/graph';

const TODAY = Temporal.PlainDate.from('2026-06-03');
const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => TODAY };
const calendars = loadWorkingDayCalendars();
const catalogue = loadPolicyCatalogue();
const as = (key: string) => ({ tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId(key) });
const LEAD_MAIL = 'priya.shah@demo.example';

describe('an extra core group granted (seed 001): offered beside the series, booked once as a single meeting', () => {
  let database: TestDatabase;
  let store: Store;
  let simulator: GraphSimulator;
  let scheduling: SchedulingService;
  let coreGroupId: string;
  const agendas: { meetingId: string; chatId: string }[] = [];

  beforeAll(async () => {
    database = await migratedDatabase('sqlite');
    store = createStore(database);
    ({ coreGroupId } = await seedDemoCoreGroup({ coreGroups: store.coreGroups, plans: store.plans, clock, calendar: calendars['england-and-wales'] }));
    const graph = await simulatedGraph(demoOrganisation(TODAY.subtract({ days: 7 })));
    simulator = graph.simulator;
    const deps = { ...store, clock, calendars, policy: (id: string) => catalogue.get(id) };
    scheduling = createSchedulingService({ ...deps, calendar: graph.calendar, agenda: { publishAgenda: async (request) => void agendas.push(request) }, teamsAppId: 'a1b2c3d4-0000-4000-8000-000000000001' });
    const offer = await scheduling.proposeSlots({ caller: as('lead'), coreGroupId });
    await scheduling.book({ caller: as('lead'), coreGroupId, startMs: offer.proposal.slots[0]!.startMs });
  });
  afterAll(async () => {
    await simulator.stop();
    await database.drop();
  });

  const concernDeps = () => ({ ...store, clock, calendars, policy: (id: string) => catalogue.get(id) });
  const concerns = () => createConcernService(concernDeps());
  const decisions = () => createConcernDecisions(concernDeps());
  const request = async (requestId: string, decision: 'grant' | 'refuse') => {
    const { concern } = await concerns().raise({ caller: as('health'), coreGroupId, kind: 'extra-meeting-request', note: 'New worries from the health visit', requestId });
    await decisions().decide({ caller: as('manager'), concernId: concern.id, decision, text: decision === 'refuse' ? 'The series meets next week' : undefined, requestId: `${requestId}-decided` });
    return concern.id;
  };

  test('nothing extra is offered without a grant: an open or refused request offers no slot, and the series stays booked', async () => {
    await concerns().raise({ caller: as('health'), coreGroupId, kind: 'extra-meeting-request', note: 'Still open', requestId: 'open-1' });
    const refused = await request('refused-1', 'refuse');
    expect(await scheduling.extraMeetingOffer({ caller: as('lead'), coreGroupId })).toBeUndefined();
    expect((await scheduling.bookedSeries({ caller: as('lead'), coreGroupId })).series).toBeDefined();
    await expect(scheduling.bookExtra({ caller: as('lead'), coreGroupId, concernId: refused, startMs: Date.parse('2026-06-08T09:00:00Z') })).rejects.toBeInstanceOf(NotFoundError);
  });

  test('granted: slots for that one meeting, soonest first, within ten working days; only who schedules sees them', async () => {
    const granted = await request('granted-1', 'grant');
    const offer = (await scheduling.extraMeetingOffer({ caller: as('lead'), coreGroupId }))!;
    expect(offer).toMatchObject({ concernId: granted });
    expect(offer.grantedOn.toString()).toBe('2026-06-03');
    expect(offer.within.toString()).toBe('2026-06-17');
    const starts = offer.proposal.slots.map((slot) => slot.startMs);
    expect(starts.length).toBeGreaterThan(0);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    for (const slot of offer.proposal.slots) expect(slot.beforeDeadline).toBe(true);
    await expect(scheduling.extraMeetingOffer({ caller: as('health'), coreGroupId })).rejects.toThrow('does not allow');
    const startMs = offer.proposal.slots[0]!.startMs;
    await expect(scheduling.bookExtra({ caller: as('health'), coreGroupId, concernId: granted, startMs })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(scheduling.bookExtra({ caller: as('lead'), coreGroupId, concernId: randomUUID(), startMs })).rejects.toBeInstanceOf(NotFoundError);
    expect((await store.meetings.listByCoreGroup(coreGroupId)).filter((meeting) => meeting.grantedBy)).toEqual([]);
  });

  test('booked as a single Teams meeting of the group, linked to the grant, with its chat and agenda; the series untouched; a retry is the same meeting; another slot is refused', async () => {
    const offer = (await scheduling.extraMeetingOffer({ caller: as('lead'), coreGroupId }))!;
    const seriesBefore = (await scheduling.bookedSeries({ caller: as('lead'), coreGroupId })).series!;
    const slot = offer.proposal.slots[0]!;
    const booked = await scheduling.bookExtra({ caller: as('lead'), coreGroupId, concernId: offer.concernId, startMs: slot.startMs });
    expect(booked).toMatchObject({ created: true, chat: 'ready', caseReference: 'DEMO-0001', meeting: { grantedBy: offer.concernId, status: 'scheduled', startsAt: new Date(slot.startMs).toISOString() } });

    const organiser = simulator.state.findUser(LEAD_MAIL)!;
    const event = organiser.events.find((candidate) => candidate.id === booked.meeting.booking?.eventId)!;
    expect(event).toMatchObject({ subject: 'Extra core group meeting – DEMO-0001', isOnlineMeeting: true });
    expect(event.recurrence ?? undefined).toBeUndefined();
    expect(agendas).toContainEqual(expect.objectContaining({ meetingId: booked.meeting.id, chatId: booked.meeting.booking?.chatId }));

    const seriesAfter = (await scheduling.bookedSeries({ caller: as('lead'), coreGroupId })).series!;
    expect(seriesAfter).toMatchObject({ meetingId: seriesBefore.meetingId, next: seriesBefore.next });

    simulator.requests.splice(0);
    const again = await scheduling.bookExtra({ caller: as('lead'), coreGroupId, concernId: offer.concernId, startMs: slot.startMs });
    expect(again).toMatchObject({ created: false, meeting: { id: booked.meeting.id } });
    expect(graphCalls(simulator)).toEqual([]);
    expect(organiser.events.filter((candidate) => candidate.transactionId === transactionIdFor(`extra:${offer.concernId}`))).toHaveLength(1);

    const other = offer.proposal.slots[1]!;
    const refusal = scheduling.bookExtra({ caller: as('lead'), coreGroupId, concernId: offer.concernId, startMs: other.startMs });
    await expect(refusal).rejects.toBeInstanceOf(RuleViolationError);
    await expect(refusal).rejects.toThrow(/^The extra core group is already booked for /);
    expect((await store.meetings.listByCoreGroup(coreGroupId)).filter((meeting) => meeting.grantedBy === offer.concernId)).toHaveLength(1);

    const history = (await store.concernHistory.ofConcerns([offer.concernId])).get(offer.concernId)!;
    expect(history.filter((entry) => entry.kind === 'booked')).toEqual([expect.objectContaining({ actorName: 'Priya Shah', bookedFor: new Date(slot.startMs).toISOString(), detail: undefined })]);
    expect((await store.auditLog.listByCoreGroup(coreGroupId)).filter((entry) => entry.action === 'book-extra-meeting')).toHaveLength(2);
    expect(await scheduling.extraMeetingOffer({ caller: as('lead'), coreGroupId })).toBeUndefined();
  });

  test('held beside the series, the extra core group makes no regular core group look missed or overdue', async () => {
    const meetings = await store.meetings.listByCoreGroup(coreGroupId);
    const series = meetings.find((meeting) => meeting.booking && meeting.status === 'scheduled' && !meeting.grantedBy)!;
    const extra = meetings.find((meeting) => meeting.grantedBy && meeting.status === 'scheduled')!;
    for (const meeting of [series, extra]) await store.meetings.update({ ...meeting, status: 'held' });
    const group = (await store.coreGroups.findById(coreGroupId))!;
    const profile = catalogue.get(group.policyId);
    const calendar = calendars['england-and-wales'];
    const timeline = await store.meetings.loadCaseTimeline(coreGroupId, group);
    // The day before the series' next occurrence (four weeks on): every core group so far is met or still due.
    const nextOfSeries = londonDateOf(series.startsAt!).add({ weeks: 4 });
    const obligations = computeObligations({ profile, calendar, timeline, asOf: nextOfSeries.subtract({ days: 1 }) });
    const coreGroups = obligations.filter((obligation) => obligation.kind === 'core-group' || obligation.kind === 'first-core-group');
    expect(coreGroups.filter((obligation) => obligation.status === 'overdue')).toEqual([]);
    expect(coreGroups.find((obligation) => obligation.id === 'first-core-group')).toMatchObject({ status: 'met', daysLate: 0 });
    expect((await scheduling.bookedSeries({ caller: as('lead'), coreGroupId })).series).toMatchObject({ meetingId: series.id });
  });
});
