import { randomUUID } from 'node:crypto';
import { parseCivilDate } from '../../../src/domain/civil-date';
import type { AreaContact } from '../../../src/domain/concern-steps';
import type { CoreGroupMember } from '../../../src/domain/core-group';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../../../src/domain/errors';
import { loadWorkingDayCalendars } from '../../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../../src/policies/policy-catalogue';
import { createConcernService } from '../../../src/services/concern.service';
import { createConcernClimb } from '../../../src/services/concerns/concern-climb.service';
import { createConcernDecisions } from '../../../src/services/concerns/concern-decisions.service';
import { uuidFromKey } from '../../../src/services/deterministic-id';
import type { Clock } from '../../../src/services/ports/clock.port';
import { TENANT, aCoreGroup } from '../../support/fixtures';
import { describeEachEngine, useMigratedStore } from '../../store/each-engine';

const catalogue = loadPolicyCatalogue();
const calendars = loadWorkingDayCalendars();

/** A clock the test moves: noon in London on the day it is set to. */
function movableClock(start: string): Clock & { set(day: string): void } {
  let day = start;
  return { nowIso: () => `${day}T11:00:00.000Z`, today: () => parseCivilDate(day), set: (next) => void (day = next) };
}

const callerOf = (person: Pick<CoreGroupMember, 'aadObjectId'>) => ({ tenantId: TENANT, aadObjectId: person.aadObjectId! });

describeEachEngine('concern routes that climb, and what their people decide', (engine) => {
  const context = useMigratedStore(engine);

  /** A group on the ten-working-days profile, its area's conference chair and co-ordinator, and the services on a movable clock. */
  const aGroupWithArea = async (start: string) => {
    const { store } = context;
    const group = aCoreGroup();
    await store.coreGroups.create(group.coreGroup, group.members);
    const contact = (role: AreaContact['role'], name: string, area = group.coreGroup.policyId): AreaContact => ({ id: randomUUID(), tenantId: TENANT, area, name, role, aadObjectId: randomUUID(), email: `${name.split(' ')[0]!.toLowerCase()}@council.example` });
    const chair = contact('conference-chair', 'Priya Shah');
    const coordinator = contact('coordinator', 'Dafydd Evans');
    const otherAreasChair = contact('conference-chair', 'Sam Other', 'wales');
    for (const each of [chair, coordinator, otherAreasChair]) await store.areaContacts.add(each, '2026-01-01T00:00:00.000Z');
    const clock = movableClock(start);
    const deps = { ...store, clock, calendars, policy: (id: string) => catalogue.get(id) };
    return { ...group, chair, coordinator, otherAreasChair, clock, raise: createConcernService(deps), decisions: createConcernDecisions(deps), climb: createConcernClimb(deps) };
  };
  const queued = (key: string) => context.store.jobs.findById(uuidFromKey(`job:${key}`));
  const historyOf = async (concernId: string) => ((await context.store.concernHistory.ofConcerns([concernId])).get(concernId) ?? []).filter((entry) => entry.kind !== 'told');

  test('a concern about the group climbs step by step over working days (a weekend and the August bank holiday inside the window), once however often the watch runs, and stays at its last step', async () => {
    const group = await aGroupWithArea('2026-08-20');
    const { concern } = await group.raise.raise({ caller: callerOf(group.teacher), coreGroupId: group.coreGroup.id, kind: 'tasks-not-done', note: 'Visits not done', requestId: 'raise-1' });

    group.clock.set('2026-09-04');
    expect(await group.climb.climb(group.coreGroup.id)).toEqual({ climbed: 0 });
    group.clock.set('2026-09-07');
    const twice = await Promise.all([group.climb.climb(group.coreGroup.id), group.climb.climb(group.coreGroup.id)]);
    expect(twice.map((run) => run.climbed).sort()).toEqual([0, 1]);
    expect(await context.store.concerns.find(concern.id)).toMatchObject({ step: 1, status: 'open', stepStartedAt: '2026-09-07T11:00:00.000Z' });

    group.clock.set('2026-09-21');
    expect(await group.climb.climb(group.coreGroup.id)).toEqual({ climbed: 0 });
    group.clock.set('2026-09-22');
    expect(await group.climb.climb(group.coreGroup.id)).toEqual({ climbed: 1 });
    expect(await queued(`concern:${concern.id}:step-2:${group.chair.id}`)).toMatchObject({ payload: { concernId: concern.id, step: 2, recipientAreaContactId: group.chair.id } });
    expect(await queued(`concern:${concern.id}:step-2:${group.otherAreasChair.id}`)).toBeUndefined();

    group.clock.set('2027-03-01');
    expect(await group.climb.climb(group.coreGroup.id)).toEqual({ climbed: 0 });
    const view = await group.decisions.show({ caller: callerOf(group.chair), concernId: concern.id });
    expect(view).toMatchObject({ concern: { step: 2, status: 'open' }, overdue: true, route: 'group-not-working', stepTo: ['conference-chair'], decisions: ['acknowledge', 'resolve'] });
    expect((await historyOf(concern.id)).map((entry) => [entry.kind, entry.step, entry.workingDays, entry.detail])).toEqual([
      ['raised', 0, undefined, undefined],
      ['climbed', 1, 10, undefined],
      ['climbed', 2, 10, undefined],
    ]);
  });

  test("a step's people acknowledge (the clock runs on), escalate now, and the next step resolves with an outcome; others are refused; a retried request changes nothing more", async () => {
    const group = await aGroupWithArea('2026-06-08');
    const { concern } = await group.raise.raise({ caller: callerOf(group.teacher), coreGroupId: group.coreGroup.id, kind: 'increased-risk', note: 'New injury', requestId: 'raise-2' });
    const decide = (who: Pick<CoreGroupMember, 'aadObjectId'>, decision: Parameters<typeof group.decisions.decide>[0]['decision'], requestId: string, text?: string) =>
      group.decisions.decide({ caller: callerOf(who), concernId: concern.id, decision, requestId, text });

    await expect(decide(group.teacher, 'acknowledge', 'r0')).rejects.toThrow(ForbiddenError);
    await expect(group.decisions.show({ caller: callerOf(group.healthVisitor), concernId: concern.id })).rejects.toThrow(ForbiddenError);
    await expect(group.decisions.show({ caller: callerOf(group.chair), concernId: concern.id })).rejects.toThrow(NotFoundError);

    expect((await decide(group.manager, 'acknowledge', 'r1')).outcome).toBe('recorded');
    expect((await decide(group.manager, 'acknowledge', 'r1')).outcome).toBe('unchanged');
    expect(await context.store.concerns.find(concern.id)).toMatchObject({ step: 0, status: 'open' });

    const escalated = await decide(group.manager, 'escalate', 'r2', 'Needs the chair now');
    expect(escalated.view).toMatchObject({ concern: { step: 1 }, decisions: [] });
    await expect(decide(group.manager, 'resolve', 'r2b', 'Done')).rejects.toThrow(ForbiddenError);
    expect(await decide(group.manager, 'escalate', 'r2', 'Needs the chair now')).toMatchObject({ outcome: 'unchanged', view: { concern: { step: 1 } } });
    expect(await queued(`concern:${concern.id}:step-1:${group.chair.id}`)).toMatchObject({ payload: { step: 1, recipientAreaContactId: group.chair.id } });

    await expect(group.decisions.show({ caller: callerOf(group.otherAreasChair), concernId: concern.id })).rejects.toThrow(NotFoundError);
    await expect(decide(group.chair, 'resolve', 'r3', '   ')).rejects.toThrow(RuleViolationError);
    const resolved = await decide(group.chair, 'resolve', 'r4', 'Early review conference booked');
    expect(resolved.view).toMatchObject({ concern: { status: 'resolved' }, decisions: [], overdue: false });
    expect((await historyOf(concern.id)).map((entry) => [entry.kind, entry.step, entry.actorName, entry.text])).toEqual([
      ['raised', 0, 'Toby Teacher', 'New injury'],
      ['acknowledged', 0, 'Morgan Manager', undefined],
      ['escalated', 1, 'Morgan Manager', 'Needs the chair now'],
      ['resolved', 1, 'Priya Shah', 'Early review conference booked'],
    ]);
    const audited = await context.store.auditLog.listByCoreGroup(group.coreGroup.id);
    expect(audited).toContainEqual(expect.objectContaining({ action: 'concern-resolve', actor: group.chair.aadObjectId, targetId: concern.id, outcome: 'allowed' }));
    expect(audited).toContainEqual(expect.objectContaining({ action: 'view-concern', actor: group.healthVisitor.aadObjectId, outcome: 'denied' }));
  });

  test("an area contact sees the concerns that reached their role in their area, and nothing before it reaches them", async () => {
    const group = await aGroupWithArea('2026-06-08');
    const reaching = await group.raise.raise({ caller: callerOf(group.teacher), coreGroupId: group.coreGroup.id, kind: 'increased-risk', note: 'New injury', requestId: 'raise-3' });
    await group.raise.raise({ caller: callerOf(group.teacher), coreGroupId: group.coreGroup.id, kind: 'drift-and-delay', note: 'Nothing moving', requestId: 'raise-4' });
    const ofThisGroup = async (who: AreaContact) => (await group.decisions.forMe(callerOf(who))).filter((view) => view.concern.coreGroupId === group.coreGroup.id);
    expect(await ofThisGroup(group.chair)).toEqual([]);
    await group.decisions.decide({ caller: callerOf(group.manager), concernId: reaching.concern.id, decision: 'escalate', requestId: 'e1' });
    const seen = await ofThisGroup(group.chair);
    expect(seen.map((view) => [view.concern.id, view.caseReference, view.decisions])).toEqual([[reaching.concern.id, group.coreGroup.caseReference, ['acknowledge', 'resolve']]]);
    expect(await ofThisGroup(group.otherAreasChair)).toEqual([]);
  });

  describe('an extra core group request (seed 001)', () => {
    test('granted by the team leader: resolved, the requester and the lead social worker told, with how to book it', async () => {
      const group = await aGroupWithArea('2026-06-08');
      const { concern } = await group.raise.raise({ caller: callerOf(group.teacher), coreGroupId: group.coreGroup.id, kind: 'extra-meeting-request', note: 'New worries at school', requestId: 'raise-5' });
      const { view } = await group.decisions.decide({ caller: callerOf(group.manager), concernId: concern.id, decision: 'grant', requestId: 'g1' });
      expect(view.concern.status).toBe('resolved');
      const granted = (await historyOf(concern.id)).find((entry) => entry.kind === 'granted')!;
      for (const told of [group.teacher, group.lead]) expect(await queued(`concern:${concern.id}:${granted.id}:${told.id}`)).toMatchObject({ payload: { transitionId: granted.id, recipientMemberId: told.id } });
      expect(await queued(`concern:${concern.id}:${granted.id}:${group.manager.id}`)).toBeUndefined();
    });

    test('refused with a reason; the requester takes it to the co-ordinator (an area contact), who decides', async () => {
      const group = await aGroupWithArea('2026-06-08');
      const { concern } = await group.raise.raise({ caller: callerOf(group.teacher), coreGroupId: group.coreGroup.id, kind: 'extra-meeting-request', note: 'New worries at school', requestId: 'raise-6' });
      await expect(group.decisions.decide({ caller: callerOf(group.manager), concernId: concern.id, decision: 'refuse', requestId: 'f0' })).rejects.toThrow(RuleViolationError);
      await group.decisions.decide({ caller: callerOf(group.manager), concernId: concern.id, decision: 'refuse', text: 'The next core group is in a week', requestId: 'f1' });
      const refused = (await historyOf(concern.id)).find((entry) => entry.kind === 'refused')!;
      expect(refused).toMatchObject({ text: 'The next core group is in a week', actorName: 'Morgan Manager' });
      expect(await queued(`concern:${concern.id}:${refused.id}:${group.teacher.id}`)).toMatchObject({ payload: { transitionId: refused.id } });
      const requesterView = await group.decisions.show({ caller: callerOf(group.teacher), concernId: concern.id });
      expect(requesterView).toMatchObject({ concern: { status: 'refused' }, decisions: ['take-to-next-step'] });

      await expect(group.decisions.decide({ caller: callerOf(group.lead), concernId: concern.id, decision: 'take-to-next-step', requestId: 't0' })).rejects.toThrow(ForbiddenError);
      const taken = await group.decisions.decide({ caller: callerOf(group.teacher), concernId: concern.id, decision: 'take-to-next-step', text: 'It cannot wait a week', requestId: 't1' });
      expect(taken.view).toMatchObject({ concern: { step: 1, status: 'open' }, stepTo: ['coordinator'], decisions: [] });
      expect(await queued(`concern:${concern.id}:step-1:${group.coordinator.id}`)).toMatchObject({ payload: { step: 1, recipientAreaContactId: group.coordinator.id } });

      expect((await group.decisions.show({ caller: callerOf(group.coordinator), concernId: concern.id })).decisions).toEqual(['acknowledge', 'grant', 'refuse']);
      const { view } = await group.decisions.decide({ caller: callerOf(group.coordinator), concernId: concern.id, decision: 'grant', requestId: 'g2' });
      expect(view.concern).toMatchObject({ step: 1, status: 'resolved' });
      await expect(group.decisions.decide({ caller: callerOf(group.coordinator), concernId: concern.id, decision: 'refuse', text: 'Changed my mind', requestId: 'g3' })).rejects.toThrow(RuleViolationError);
      expect((await historyOf(concern.id)).map((entry) => entry.kind)).toEqual(['raised', 'refused', 'escalated', 'granted']);
    });
  });
});
