import { Temporal } from 'temporal-polyfill';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { DEMO_CASELOAD, seedDemoCaseload } from '../../src/local/demo/demo-caseload.seed';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createCaseStatusService } from '../../src/services/case-status.service';
import type { Clock } from '../../src/services/ports/clock.port';
import { type Store, createStore } from '../../src/store/store';
import { ENGINES, type TestDatabase, migratedDatabase } from '../support/databases';
import { calendarWithNoSeries } from '../support/graph';

const TODAY = Temporal.PlainDate.from('2026-12-02');
const clock: Clock = { nowIso: () => '2026-12-02T09:00:00.000Z', today: () => TODAY };
const calendars = loadWorkingDayCalendars();
const catalogue = loadPolicyCatalogue();
const lead = { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('lead') };
const manager = { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('manager') };

describe.each(ENGINES.filter((engine) => engine.available))('the demo caseload on $name', ({ name }) => {
  let database: TestDatabase;
  let store: Store;
  const seed = () => seedDemoCaseload({ ...store, clock, calendar: calendars['england-and-wales'] });

  beforeAll(async () => {
    database = await migratedDatabase(name);
    store = createStore(database);
  });
  afterAll(() => database.drop());

  test('the lead social worker and the team manager both hold DEMO-0001, DEMO-0002 and DEMO-0003; a second seed adds nothing', async () => {
    expect(await seed()).toEqual({ created: [...DEMO_CASELOAD], present: [] });
    expect(await seed()).toEqual({ created: [], present: [...DEMO_CASELOAD] });
    for (const person of [lead, manager]) {
      const groups = await store.coreGroups.listForMember(person.tenantId, person.aadObjectId);
      expect(groups.map((group) => group.caseReference).sort()).toEqual([...DEMO_CASELOAD]);
    }
    for (const group of await store.coreGroups.listForMember(lead.tenantId, lead.aadObjectId)) {
      const members = await store.coreGroups.members(group.id);
      expect(members.filter((member) => member.role === 'team-manager').map((member) => member.aadObjectId)).toEqual([manager.aadObjectId]);
      expect(group.childName).toContain('(invented)');
    }
  });

  test('each case is at its own stage: just after the ICPC, mid-plan with signed minutes and check-ins, approaching review', async () => {
    const byReference = new Map((await store.coreGroups.listForMember(lead.tenantId, lead.aadObjectId)).map((group) => [group.caseReference, group]));
    const status = createCaseStatusService({ ...store, clock, calendars, calendar: calendarWithNoSeries, policy: (id: string) => catalogue.get(id) });

    const justAfterIcpc = byReference.get('DEMO-0001')!;
    expect(await store.meetings.listByCoreGroup(justAfterIcpc.id)).toEqual([]);
    expect(calendars['england-and-wales'].workingDaysBetween(justAfterIcpc.icpcDate, TODAY)).toBe(5);

    const midPlan = byReference.get('DEMO-0002')!;
    const [held] = await store.meetings.listByCoreGroup(midPlan.id);
    expect(held).toMatchObject({ status: 'held' });
    expect((await store.minutes.findByMeeting(held!.id))?.chairSignOff).toBeDefined();
    const checkIns = await store.checkIns.listByCoreGroup(midPlan.id);
    expect(checkIns.map((checkIn) => checkIn.status).sort()).toEqual(['at-risk', 'blocked', 'on-track']);
    expect(checkIns.filter((checkIn) => checkIn.status === 'blocked').every((checkIn) => checkIn.note.trim() !== '')).toBe(true);

    const nearReview = byReference.get('DEMO-0003')!;
    const timeline = await store.meetings.loadCaseTimeline(nearReview.id);
    expect(timeline.meetings.filter((meeting) => meeting.status === 'held')).toHaveLength(3);
    const [review] = timeline.reviewConferences;
    expect(review).toMatchObject({ status: 'scheduled' });
    expect(calendars['england-and-wales'].workingDaysBetween(TODAY, review!.date)).toBe(6);

    for (const group of byReference.values()) {
      const { obligations } = await status.statusOf(lead, group.id);
      expect(obligations.filter((obligation) => obligation.status === 'overdue' && obligation.kind !== 'agency-report')).toEqual([]);
    }
  });
});
