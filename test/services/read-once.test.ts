import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { recordAttendance } from '../../src/domain/minutes';
import type { WorkingDayCalendars } from '../../src/domain/working-days';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createCaseStatusService } from '../../src/services/case-status.service';
import { createDashboard } from '../../src/services/dashboard.service';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { createMeetingEventsService } from '../../src/services/meeting-events.service';
import { createMinutesService } from '../../src/services/minutes.service';
import type { Clock } from '../../src/services/ports/clock.port';
import type { Store } from '../../src/store/store';
import { type TestDatabase, demoDatabase } from '../support/databases';
import { calendarWithNoSeries } from '../support/graph';

const clock: Clock = { nowIso: () => '2026-06-08T11:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-08') };
const lead = { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('lead') };
const health = { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('health') };
const catalogue = loadPolicyCatalogue();

/** The store with every repository call counted by name (`coreGroups.findMember`): what one request read. */
function countingStore(store: Store) {
  const calls = new Map<string, number>();
  const counted = <T extends object>(name: string, repository: T): T =>
    new Proxy(repository, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.set(`${name}.${String(key)}`, (calls.get(`${name}.${String(key)}`) ?? 0) + 1);
          return (value as (...args: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const wrapped = Object.fromEntries(Object.entries(store).map(([name, repository]) => [name, counted(name, repository)])) as Store;
  return { store: wrapped, calls, reads: (name: string) => calls.get(name) ?? 0 };
}

/**
 * An authorisation read in a request is reused, never read again: each request path below reads
 * the core group and the caller's membership once, however many steps it has.
 */
describe('one request reads the caller’s group and membership once', () => {
  let database: TestDatabase;
  let store: Store;
  let calendars: WorkingDayCalendars;
  let coreGroupId: string;
  /** What the services are built from: these repositories (counted or not), a fixed clock, the shipped policies. */
  const deps = (repositories: Store) => ({ ...repositories, clock, calendars, policy: (id: string) => catalogue.get(id) });

  beforeAll(async () => {
    ({ database, store, calendars, coreGroupId } = await demoDatabase(clock));
  });
  afterAll(() => database.drop());

  const aMeeting = async (booked: boolean) => {
    const id = randomUUID();
    const booking = booked ? { organiser: 'priya.shah@demo.example', eventId: `event-${id}`, chatId: `19:meeting_${id}@thread.v2` } : undefined;
    await store.meetings.create({ id, coreGroupId, date: clock.today(), status: 'scheduled', startsAt: '2026-06-08T09:00:00.000Z', endsAt: '2026-06-08T10:30:00.000Z', booking });
    return id;
  };

  test('the minutes tab: opening the minutes', async () => {
    const meetingId = await aMeeting(false);
    const { store: counting, reads } = countingStore(store);
    await createMinutesService(deps(counting)).view({ caller: lead, meetingId });
    expect([reads('meetings.findById'), reads('coreGroups.findById'), reads('coreGroups.findMember')]).toEqual([1, 1, 1]);
  });

  test('the minutes tab: signing off and showing the minutes again, with both decisions audited', async () => {
    const meetingId = await aMeeting(false);
    await createMinutesService(deps(store)).view({ caller: lead, meetingId });
    const draft = (await store.minutes.findByMeeting(meetingId))!;
    await store.minutes.save(recordAttendance(draft, draft.content.attendance[0]!.memberId, 'present'), { expectedVersion: draft.version, savedBy: 'test', at: clock.nowIso() });
    const { store: counting, reads } = countingStore(store);
    const minutes = createMinutesService(deps(counting));

    // What the sign-off route does: the write, then the view of what it wrote.
    const { access } = await minutes.signOff({ caller: lead, meetingId, as: 'chair' });
    const view = await minutes.view({ caller: lead, meetingId, known: access });

    expect(view.minutes.chairSignOff).toBeDefined();
    expect([reads('meetings.findById'), reads('coreGroups.findById'), reads('coreGroups.findMember')]).toEqual([1, 1, 1]);
    const audit = (await store.auditLog.listByCoreGroup(coreGroupId, { limit: 500 })).filter((entry) => entry.targetId === meetingId && entry.actor === lead.aadObjectId);
    expect(audit.map((entry) => [entry.action, entry.outcome])).toEqual(expect.arrayContaining([['sign-minutes-as-chair', 'allowed'], ['view-minutes-draft', 'allowed']]));
  });

  test('the agenda card: “I’m here” records the member and shows their view from one authorisation', async () => {
    const meetingId = await aMeeting(true);
    const { store: counting, reads } = countingStore(store);
    const view = await createMeetingEventsService(deps(counting)).markPresent({ caller: health, meetingId });

    expect(view?.attendance).toBe('present');
    expect([reads('meetings.findById'), reads('coreGroups.findById'), reads('coreGroups.findMember')]).toEqual([1, 1, 1]);
    const audit = (await store.auditLog.listByCoreGroup(coreGroupId, { limit: 500 })).filter((entry) => entry.targetId === meetingId);
    expect(audit.map((entry) => entry.action)).toEqual(['record-own-attendance']);
  });

  test('the dashboard: the groups and memberships read once, and each table once for all of a caseload, not once per case', async () => {
    const readsFor = async (caller: typeof lead) => {
      const { store: counting, calls } = countingStore(store);
      const status = createCaseStatusService({ ...deps(counting), calendar: calendarWithNoSeries });
      const dashboard = await createDashboard({ calendars, policy: (id: string) => catalogue.get(id), status, concerns: counting.concerns, noticeDeliveries: counting.noticeDeliveries, coreGroups: counting.coreGroups, clock }).of(caller);
      calls.delete('auditLog.append');
      return { dashboard, calls: Object.fromEntries(calls) };
    };
    const one = await readsFor(health);
    const [demoCase] = await store.coreGroups.listForMember(DEMO_TENANT_ID, lead.aadObjectId);
    const [leadMember] = (await store.coreGroups.members(demoCase!.id)).filter((member) => member.aadObjectId === lead.aadObjectId);
    for (const caseReference of ['READ-0002', 'READ-0003']) {
      const id = randomUUID();
      await store.coreGroups.create({ ...demoCase!, id, caseReference }, [{ ...leadMember!, id: randomUUID() }]);
      await store.meetings.create({ id: randomUUID(), coreGroupId: id, date: clock.today().subtract({ days: 14 }), status: 'held' });
    }
    const three = await readsFor(lead);

    expect(one.dashboard.coreGroups).toHaveLength(1);
    expect(one.dashboard.myActions.length).toBeGreaterThan(0);
    expect(three.dashboard.coreGroups).toHaveLength(3);
    expect(one.calls).toMatchObject({ 'coreGroups.listCaseload': 1, 'meetings.loadCaseTimelines': 1, 'plans.currentOfEach': 1, 'checkIns.listByCoreGroups': 1 });
    expect(Object.keys(one.calls).filter((name) => ['coreGroups.findById', 'coreGroups.findMember', 'plans.current', 'meetings.loadCaseTimeline'].includes(name))).toEqual([]);
    // A lead social worker also sees each group's open concerns and failed notices: one read of each for the whole caseload.
    expect(three.calls).toEqual({ ...one.calls, 'concerns.listByCoreGroups': 1, 'noticeDeliveries.inCoreGroups': 1 });
  });

  test('the dashboard shows what the status and the own-actions views show on their own', async () => {
    const status = createCaseStatusService({ ...deps(store), calendar: calendarWithNoSeries });
    const [alone, together] = [{ statuses: (await status.myStatus(health)).statuses, myActions: await status.myActions(health) }, await status.caseload(health)];
    expect(together.statuses.map((entry) => entry.status)).toEqual(alone.statuses);
    expect(together.myActions).toEqual(alone.myActions);
  });
});
