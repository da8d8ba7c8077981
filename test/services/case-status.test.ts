import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { MemberRole } from '../../src/domain/core-group';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createCaseStatusService } from '../../src/services/case-status.service';
import { createDashboard } from '../../src/services/dashboard.service';
import { toDashboardResponse } from '../../src/server/dashboard.wire';
import type { Clock } from '../../src/services/ports/clock.port';
import { type Store, createStore } from '../../src/store/store';
import { type TestDatabase, migratedDatabase } from '../support/databases';
import { TENANT, aCoreGroup, aPlan } from '../support/fixtures';
import { calendarWithNoSeries } from '../support/graph';

const clock: Clock = { nowIso: () => '2026-06-10T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-10') };
const calendars = loadWorkingDayCalendars();
const catalogue = loadPolicyCatalogue();

describe('the status of every core group the caller belongs to', () => {
  let database: TestDatabase;
  let store: Store;
  const person = randomUUID();

  /** A core group in which `person` holds `role`. */
  const groupWith = async (role: MemberRole) => {
    const { coreGroup, members } = aCoreGroup();
    await store.coreGroups.create(coreGroup, [...members, { ...members[2]!, id: randomUUID(), role, aadObjectId: person, email: undefined }]);
    return coreGroup;
  };

  beforeAll(async () => {
    database = await migratedDatabase('sqlite');
    store = createStore(database);
  });
  afterAll(() => database.drop());

  test('each group the caller works in is read and audited once; one where they are family is neither', async () => {
    const asLead = await groupWith('lead-social-worker');
    const asProfessional = await groupWith('professional');
    const asFamily = await groupWith('family-member');
    const status = createCaseStatusService({ ...store, clock, calendars, policy: (id) => catalogue.get(id), calendar: calendarWithNoSeries });

    const { statuses } = await status.myStatus({ tenantId: TENANT, aadObjectId: person });

    expect(statuses.map((one) => one.coreGroup.caseReference).sort()).toEqual([asLead.caseReference, asProfessional.caseReference].sort());
    expect(statuses.map((one) => one.role).sort()).toEqual(['lead-social-worker', 'professional']);
    for (const group of [asLead, asProfessional]) {
      expect(await store.auditLog.listByCoreGroup(group.id)).toEqual([{ at: '2026-06-10T08:00:00.000Z', tenantId: TENANT, actor: person, action: 'view-compliance', coreGroupId: group.id, targetId: undefined, outcome: 'allowed' }]);
    }
    expect(await store.auditLog.listByCoreGroup(asFamily.id)).toEqual([]);
  });
  test('a case that transferred in says from where and when, in its status and on the dashboard (its timeline starts at the transfer-in conference); its first core group follows the transfer-in rule', async () => {
    const { coreGroup, members } = aCoreGroup({ transferredInFrom: 'Leeds City Council', icpcDate: Temporal.PlainDate.from('2026-06-01') });
    const lead = randomUUID();
    await store.coreGroups.create(coreGroup, [...members, { ...members[0]!, id: randomUUID(), aadObjectId: lead, email: undefined }]);
    const status = createCaseStatusService({ ...store, clock, calendars, policy: (id) => catalogue.get(id), calendar: calendarWithNoSeries });
    const [mine] = (await status.myStatus({ tenantId: TENANT, aadObjectId: lead })).statuses;
    expect(mine!.transferredIn).toEqual({ from: 'Leeds City Council', on: Temporal.PlainDate.from('2026-06-01') });
    expect(mine!.obligations.find((o) => o.id === 'first-core-group')!.rule).toBe('First core group within 10 working days of the transfer-in conference');
    const dashboard = toDashboardResponse(await createDashboard({ calendars, policy: (id: string) => catalogue.get(id), status, concerns: store.concerns, noticeDeliveries: store.noticeDeliveries, coreGroups: store.coreGroups, clock }).of({ tenantId: TENANT, aadObjectId: lead }));
    expect(dashboard.coreGroups[0]!.transferredIn).toEqual({ from: 'Leeds City Council', on: '2026-06-01' });
    expect(dashboard.timeline.find((entry) => entry.kind === 'icpc')!.event).toBe('transfer-in');
  });
  test('each deadline on the dashboard carries its rule as data, so each agency’s report for one review conference names its agency, in the open deadlines and the missed ones', async () => {
    const { coreGroup, members } = aCoreGroup({ icpcDate: Temporal.PlainDate.from('2026-04-01') });
    const lead = randomUUID();
    await store.coreGroups.create(coreGroup, [...members.slice(1), { ...members[0]!, aadObjectId: lead, email: undefined }]);
    // Reports fall due five working days before a review on 12 June: 5 June, missed by 10 June.
    const reviewConferenceId = randomUUID();
    await store.meetings.recordReviewConference({ id: reviewConferenceId, coreGroupId: coreGroup.id, date: Temporal.PlainDate.from('2026-06-12'), status: 'scheduled' });
    const status = createCaseStatusService({ ...store, clock, calendars, policy: (id) => catalogue.get(id), calendar: calendarWithNoSeries });
    const dashboard = createDashboard({ calendars, policy: (id: string) => catalogue.get(id), status, concerns: store.concerns, noticeDeliveries: store.noticeDeliveries, coreGroups: store.coreGroups, clock });

    const asLead = toDashboardResponse(await dashboard.of({ tenantId: TENANT, aadObjectId: lead })).coreGroups[0]!;
    const reports = [
      { kind: 'agency-report', wording: { rule: 'agency-report-before-review', agency: "children's social care", workingDays: 5 }, due: '2026-06-05' },
      { kind: 'agency-report', wording: { rule: 'agency-report-before-review', agency: 'health visiting', workingDays: 5 }, due: '2026-06-05' },
      { kind: 'agency-report', wording: { rule: 'agency-report-before-review', agency: 'school', workingDays: 5 }, due: '2026-06-05' },
    ];
    expect(asLead.obligations.filter((obligation) => obligation.kind === 'agency-report')).toEqual(reports.map((report) => expect.objectContaining({ ...report, status: 'overdue' })));
    expect(asLead.attention!.missedDeadlines.filter((deadline) => deadline.kind === 'agency-report')).toEqual(reports.map((report) => expect.objectContaining(report)));
    expect(asLead.obligations.every((obligation) => obligation.wording !== undefined)).toBe(true);
  });
  test('needs attention, for those who oversee a group: its open concerns with whom each rests now and by when they must respond (overdue once past it), and its blocked actions with the owner’s note; a professional sees neither', async () => {
    const { coreGroup, members, healthVisitor, teacher } = aCoreGroup();
    const lead = randomUUID();
    await store.coreGroups.create(coreGroup, [...members.slice(1), { ...members[0]!, aadObjectId: lead, email: undefined }]);
    await store.plans.saveRevision({ plan: aPlan(coreGroup.id, healthVisitor.id), authorMemberId: members[0]!.id, reason: 'ICPC', changes: [] }, clock.nowIso());
    await store.checkIns.record({ id: randomUUID(), coreGroupId: coreGroup.id, actionId: 'a1', memberId: healthVisitor.id, status: 'blocked', note: 'The family will not let me in', recordedAt: '2026-06-09T10:00:00.000Z' }, 'blocked-1');
    const open = { id: randomUUID(), coreGroupId: coreGroup.id, kind: 'tasks-not-done' as const, raisedByMemberId: teacher.id, step: 1, status: 'open' as const, raisedAt: '2026-06-08T09:00:00.000Z', stepStartedAt: '2026-06-08T09:00:00.000Z', note: 'Nothing done' };
    await store.concerns.raise(open, 'concern-open');
    await store.concerns.raise({ ...open, id: randomUUID(), status: 'resolved' }, 'concern-resolved');
    // At its last step since 1 May: ten working days (the early May bank holiday not one of them) ran out on 18 May.
    const stale = { ...open, id: randomUUID(), kind: 'drift-and-delay' as const, step: 2, raisedAt: '2026-04-01T09:00:00.000Z', stepStartedAt: '2026-05-01T09:00:00.000Z' };
    await store.concerns.raise(stale, 'concern-stale');
    const status = createCaseStatusService({ ...store, clock, calendars, policy: (id) => catalogue.get(id), calendar: calendarWithNoSeries });
    const dashboard = createDashboard({ calendars, policy: (id: string) => catalogue.get(id), status, concerns: store.concerns, noticeDeliveries: store.noticeDeliveries, coreGroups: store.coreGroups, clock });

    const asLead = toDashboardResponse(await dashboard.of({ tenantId: TENANT, aadObjectId: lead })).coreGroups[0]!;
    expect(asLead.attention).toEqual({
      concerns: [
        { id: stale.id, kind: 'drift-and-delay', raisedOn: '2026-04-01', step: 2, withRoles: ['conference-chair'], respondBy: '2026-05-18', overdue: true },
        { id: open.id, kind: 'tasks-not-done', raisedOn: '2026-06-08', step: 1, withRoles: ['agency-manager'], respondBy: '2026-06-22', overdue: false },
      ],
      blockedActions: [{ id: 'a1', what: 'Weekly home visit', agency: 'health visiting', note: 'The family will not let me in', since: '2026-06-09T10:00:00.000Z' }],
      failedNotices: [],
      notInTeams: [],
      missedDeadlines: expect.any(Array),
    });
    const asProfessional = toDashboardResponse(await dashboard.of({ tenantId: TENANT, aadObjectId: healthVisitor.aadObjectId! })).coreGroups[0]!;
    expect(asProfessional.attention).toBeUndefined();
  });

  test('needs attention also lists failed notices (until a later attempt goes) and missed deadlines — never a deadline met, even late; a professional or a family member sees none of it', async () => {
    const { coreGroup, members, healthVisitor, teacher, parent } = aCoreGroup({ icpcDate: Temporal.PlainDate.from('2026-04-01') });
    const chair = randomUUID();
    const familyInTeams = { ...parent, aadObjectId: randomUUID() };
    await store.coreGroups.create(coreGroup, [...members.filter((member) => member.id !== parent.id), familyInTeams, { ...members[0]!, id: randomUUID(), role: 'conference-chair', displayName: 'Helen Moss', aadObjectId: chair, email: undefined }]);
    // The first core group was held late (met, late); the next one, due four weeks after it, never was (missed).
    await store.meetings.create({ id: randomUUID(), coreGroupId: coreGroup.id, date: Temporal.PlainDate.from('2026-04-24'), status: 'held' });
    const notice = (id: string, fields: { memberId: string; outcome: 'sent' | 'failed' | 'retrying'; at: string; kind?: 'welcome' | 'chase' }) => ({ id, kind: fields.kind ?? ('welcome' as const), subjectId: fields.memberId, coreGroupId: coreGroup.id, channel: 'email' as const, detail: 'no Teams chat and no e-mail address', ...fields });
    await store.noticeDeliveries.record(notice('to-teacher-failed', { memberId: teacher.id, outcome: 'failed', at: '2026-06-09T09:00:00.000Z' }));
    await store.noticeDeliveries.record(notice('to-health-failed', { memberId: healthVisitor.id, outcome: 'failed', at: '2026-06-08T09:00:00.000Z' }));
    await store.noticeDeliveries.record(notice('to-health-resent', { memberId: healthVisitor.id, outcome: 'sent', at: '2026-06-09T10:00:00.000Z' }));
    await store.noticeDeliveries.record(notice('chase-retrying', { memberId: teacher.id, outcome: 'retrying', at: '2026-06-09T11:00:00.000Z', kind: 'chase' }));
    const status = createCaseStatusService({ ...store, clock, calendars, policy: (id) => catalogue.get(id), calendar: calendarWithNoSeries });
    // The teacher's organisation does not allow Core Group for them: Teams cannot reach them.
    await store.appInstalls.record({ tenantId: TENANT, aadObjectId: teacher.aadObjectId!, outcome: 'not-allowed', at: '2026-06-08T08:00:00.000Z' });
    const dashboard = createDashboard({ calendars, policy: (id: string) => catalogue.get(id), status, concerns: store.concerns, noticeDeliveries: store.noticeDeliveries, coreGroups: store.coreGroups, appInstalls: store.appInstalls, clock });

    const asChair = toDashboardResponse(await dashboard.of({ tenantId: TENANT, aadObjectId: chair })).coreGroups[0]!;
    expect(asChair.attention!.failedNotices).toEqual([{ kind: 'welcome', memberName: teacher.displayName, channel: 'email', reason: { code: 'no-address' }, at: '2026-06-09T09:00:00.000Z' }]);
    expect(asChair.attention!.notInTeams).toEqual([{ memberName: teacher.displayName, agency: teacher.agency, since: '2026-06-08T08:00:00.000Z' }]);
    const firstCoreGroup = asChair.obligations.find((obligation) => obligation.id === 'first-core-group');
    expect(firstCoreGroup).toBeUndefined();
    const judged = (await status.myStatus({ tenantId: TENANT, aadObjectId: chair })).statuses[0]!.obligations;
    expect(judged.find((obligation) => obligation.id === 'first-core-group')).toMatchObject({ status: 'met', daysLate: expect.any(Number) });
    expect(judged.find((obligation) => obligation.id === 'first-core-group')!.daysLate).toBeGreaterThan(0);
    const missed = asChair.attention!.missedDeadlines;
    expect(missed.map((deadline) => deadline.kind)).toContain('core-group');
    expect(missed.map((deadline) => deadline.id)).not.toContain('first-core-group');
    expect(missed.every((deadline) => judged.find((obligation) => obligation.id === deadline.id)?.status === 'overdue')).toBe(true);

    for (const someone of [healthVisitor, familyInTeams]) {
      const theirs = toDashboardResponse(await dashboard.of({ tenantId: TENANT, aadObjectId: someone.aadObjectId! })).coreGroups;
      expect(theirs.map((group) => group.attention)).toEqual(theirs.map(() => undefined));
    }
  });
});
