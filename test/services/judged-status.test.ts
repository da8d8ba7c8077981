import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createCaseStatusService } from '../../src/services/case-status.service';
import { createJudgedStatusCache } from '../../src/services/case-status/judged-status-cache';
import type { Store } from '../../src/store/store';
import { TENANT, aCoreGroup, aPlan } from '../support/fixtures';
import { calendarWithNoSeries } from '../support/graph';
import { describeEachEngine, useMigratedStore } from '../store/each-engine';

const calendars = loadWorkingDayCalendars();
const catalogue = loadPolicyCatalogue();

/** Judged statuses kept per case revision and day: never a stale answer, and only what is shown audited. */
describeEachEngine('statuses judged once per case revision and day', (engine) => {
  const context = useMigratedStore(engine);
  let today = '2026-06-10';
  const clock = { nowIso: () => `${today}T08:00:00.000Z`, today: () => Temporal.PlainDate.from(today) };

  /** A status service over `store` with every record read counted. */
  const serviceOver = (store: Store, judgedStatuses = createJudgedStatusCache({ maxCases: 100 })) => {
    const reads = { plans: 0 };
    const plans = { ...store.plans, currentOfEach: (ids: readonly string[]) => ((reads.plans += 1), store.plans.currentOfEach(ids)) };
    const service = createCaseStatusService({ ...store, plans, clock, calendars, policy: (id) => catalogue.get(id), calendar: calendarWithNoSeries, judgedStatuses });
    return { service, reads };
  };

  /** A case whose lead is `person`, with the plan's one action owned by its health visitor. */
  const aCaseLedBy = async (person: string) => {
    const group = aCoreGroup({ tenantId: TENANT });
    const lead = { ...group.lead, aadObjectId: person };
    await context.store.coreGroups.create(group.coreGroup, [lead, ...group.members.slice(1)]);
    await context.store.plans.saveRevision({ plan: aPlan(group.coreGroup.id, group.healthVisitor.id), authorMemberId: lead.id, reason: 'agreed at the ICPC', changes: [] }, clock.nowIso());
    return { ...group, lead };
  };

  test('asked again, the kept judgement is the same answer and the records are not read again', async () => {
    const person = randomUUID();
    await aCaseLedBy(person);
    await aCaseLedBy(person);
    const { service, reads } = serviceOver(context.store);
    const first = await service.myStatus({ tenantId: TENANT, aadObjectId: person });
    const second = await service.myStatus({ tenantId: TENANT, aadObjectId: person });

    expect(second).toEqual(first);
    expect(first.total).toBe(2);
    expect(reads.plans).toBe(1);
    const fresh = await serviceOver(context.store, createJudgedStatusCache({ maxCases: 100 })).service.myStatus({ tenantId: TENANT, aadObjectId: person });
    expect(fresh).toEqual(first);
  });

  test('a check-in, or a meeting held, shows at once: the case is judged again, the others kept', async () => {
    const person = randomUUID();
    const changed = await aCaseLedBy(person);
    await aCaseLedBy(person);
    const { service, reads } = serviceOver(context.store);
    const before = await service.myStatus({ tenantId: TENANT, aadObjectId: person });
    expect(before.statuses.find((status) => status.coreGroup.id === changed.coreGroup.id)!.actions[0]!.lastCheckIn).toBeUndefined();

    await context.store.checkIns.record({ id: randomUUID(), coreGroupId: changed.coreGroup.id, actionId: 'a1', memberId: changed.healthVisitor.id, status: 'blocked', note: 'No answer at the door', recordedAt: clock.nowIso() }, randomUUID());
    const afterCheckIn = await service.myStatus({ tenantId: TENANT, aadObjectId: person });
    expect(afterCheckIn.statuses.find((status) => status.coreGroup.id === changed.coreGroup.id)!.actions[0]!.lastCheckIn?.status).toBe('blocked');

    const firstCoreGroup = (statuses: typeof before.statuses) => statuses.find((status) => status.coreGroup.id === changed.coreGroup.id)!.obligations.find((obligation) => obligation.kind === 'first-core-group')!;
    expect(firstCoreGroup(afterCheckIn.statuses).status).not.toBe('met');
    await context.store.meetings.create({ id: randomUUID(), coreGroupId: changed.coreGroup.id, date: Temporal.PlainDate.from('2026-06-09'), status: 'held' });
    expect(firstCoreGroup((await service.myStatus({ tenantId: TENANT, aadObjectId: person })).statuses).status).toBe('met');
    expect(reads.plans).toBe(3);
  });

  test('on a new day every case is judged again: a deadline passed overnight shows overdue', async () => {
    const person = randomUUID();
    await aCaseLedBy(person);
    const { service } = serviceOver(context.store);
    const firstCoreGroup = async () => (await service.myStatus({ tenantId: TENANT, aadObjectId: person })).statuses[0]!.obligations.find((obligation) => obligation.kind === 'first-core-group')!;
    today = '2026-06-15';
    const due = await firstCoreGroup();
    expect(due.status).not.toBe('overdue');
    today = due.due.add({ days: 1 }).toString();
    expect((await firstCoreGroup()).status).toBe('overdue');
    today = '2026-06-10';
  });

  test('a plan that has ended raises no drift or attendance signal, at once (the hourly watch sends none either)', async () => {
    const person = randomUUID();
    const { coreGroup } = await aCaseLedBy(person);
    const { service } = serviceOver(context.store);
    const signalsOf = async () => (await service.myStatus({ tenantId: TENANT, aadObjectId: person })).statuses[0]!.signals;
    today = '2026-09-30';
    expect((await signalsOf()).length).toBeGreaterThan(0);
    await context.store.coreGroups.endPlan(coreGroup.id, Temporal.PlainDate.from('2026-09-29'), 'Leeds City Council');
    expect(await signalsOf()).toEqual([]);
    expect(await context.store.coreGroups.transferredTo(coreGroup.id)).toBe('Leeds City Council');
    today = '2026-06-10';
  });

  test('a caseload card’s view returns and audits only the cases it lists, most pressing first, and says how many there are', async () => {
    const person = randomUUID();
    const cases = [await aCaseLedBy(person), await aCaseLedBy(person), await aCaseLedBy(person)];
    const { service } = serviceOver(context.store);
    const all = await service.myStatus({ tenantId: TENANT, aadObjectId: person });
    const shown = await service.myStatus({ tenantId: TENANT, aadObjectId: person }, { shown: 2 });

    expect(shown.total).toBe(3);
    expect(shown.statuses).toEqual(all.statuses.slice(0, 2));
    const pressing = (status: (typeof all.statuses)[number]) => status.obligations.some((obligation) => obligation.status === 'overdue' || obligation.status === 'at-risk');
    expect(shown.pressingNotShown).toBe(all.statuses.slice(2).filter(pressing).length);
    expect(all.pressingNotShown).toBe(0);
    const audited = async (id: string) => (await context.store.auditLog.listByCoreGroup(id)).filter((entry) => entry.actor === person && entry.action === 'view-compliance').length;
    const counts = await Promise.all(cases.map(({ coreGroup }) => audited(coreGroup.id)));
    const listed = new Set(shown.statuses.map((status) => status.coreGroup.id));
    expect(cases.map(({ coreGroup }, index) => [listed.has(coreGroup.id), counts[index]])).toEqual(cases.map(({ coreGroup }) => [listed.has(coreGroup.id), listed.has(coreGroup.id) ? 2 : 1]));
  });
});
