import { randomUUID } from 'node:crypto';
import type { Concern } from '../../src/services/ports/store.port';
import { aCoreGroup } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('concerns', (engine) => {
  const context = useMigratedStore(engine);

  const aConcern = async (): Promise<Concern> => {
    const { coreGroup, members, teacher, healthVisitor } = aCoreGroup();
    await context.store.coreGroups.create(coreGroup, members);
    return { id: randomUUID(), coreGroupId: coreGroup.id, kind: 'continual-absence', raisedByMemberId: teacher.id, subjectId: healthVisitor.id, step: 0, status: 'open', raisedAt: '2026-07-01T09:00:00.000Z', stepStartedAt: '2026-07-01T09:00:00.000Z', note: 'Missed the last two meetings without sending anyone' };
  };

  test('a concern raised twice with one key is one concern', async () => {
    const { store } = context;
    const concern = await aConcern();
    const first = await store.concerns.raise(concern, `${concern.id}-key`);
    const again = await store.concerns.raise({ ...concern, id: randomUUID(), kind: 'drift-and-delay' }, `${concern.id}-key`);
    expect(first).toEqual({ concern, created: true });
    expect(again).toEqual({ concern, created: false });
    expect(await store.concerns.listByCoreGroup(concern.coreGroupId)).toEqual([concern]);
  });

  test('a concern moves only from where the mover saw it: one of two climbs of a step wins, and a new step starts its clock', async () => {
    const { store } = context;
    const concern = await aConcern();
    await store.concerns.raise(concern, `${concern.id}-key`);
    const climb = { id: concern.id, from: { step: 0, status: 'open' as const }, to: { step: 1, status: 'open' as const }, at: '2026-07-16T09:00:00.000Z' };
    expect(await Promise.all([store.concerns.move(climb), store.concerns.move(climb)])).toEqual(expect.arrayContaining([true, false]));
    expect(await store.concerns.find(concern.id)).toEqual({ ...concern, step: 1, stepStartedAt: '2026-07-16T09:00:00.000Z' });
    expect(await store.concerns.move({ id: concern.id, from: { step: 1, status: 'open' }, to: { step: 1, status: 'resolved' }, at: '2026-07-17T09:00:00.000Z' })).toBe(true);
    expect(await store.concerns.find(concern.id)).toMatchObject({ step: 1, status: 'resolved', stepStartedAt: '2026-07-16T09:00:00.000Z' });
    expect(await store.concerns.move(climb)).toBe(false);
    expect(await store.concerns.find(randomUUID())).toBeUndefined();
  });

  test("an area's concerns are its tenant's groups following that profile", async () => {
    const { store } = context;
    const concern = await aConcern();
    await store.concerns.raise(concern, `${concern.id}-key`);
    const group = await store.coreGroups.findById(concern.coreGroupId);
    expect(await store.concerns.listInArea(group!.tenantId, group!.policyId)).toContainEqual(concern);
    expect(await store.concerns.listInArea(group!.tenantId, 'another-area')).toEqual([]);
    expect(await store.concerns.listInArea('another-tenant', group!.policyId)).toEqual([]);
  });

  test('a transition is kept once per id, and a history reads in order', async () => {
    const { store } = context;
    const concern = await aConcern();
    await store.concerns.raise(concern, `${concern.id}-key`);
    const raised = { id: randomUUID(), concernId: concern.id, step: 0, kind: 'raised' as const, actorId: concern.raisedByMemberId, actorName: 'Tom Okafor', text: 'Missed two meetings', at: '2026-07-01T09:00:00.000Z' };
    const climbed = { id: randomUUID(), concernId: concern.id, step: 1, kind: 'climbed' as const, at: '2026-07-16T09:00:00.000Z' };
    expect(await store.concernHistory.record(raised)).toEqual({ created: true });
    expect(await store.concernHistory.record({ ...raised, text: 'changed' })).toEqual({ created: false });
    await store.concernHistory.record(climbed);
    expect(await store.concernHistory.find(raised.id)).toEqual(raised);
    expect((await store.concernHistory.ofConcerns([concern.id])).get(concern.id)).toEqual([raised, climbed]);
  });

  test('an entry keeps its facts — how a notice went, a step’s working days, a booking’s start — for each reader to word', async () => {
    const { store } = context;
    const concern = await aConcern();
    await store.concerns.raise(concern, `${concern.id}-key`);
    const entry = { concernId: concern.id, step: 0, actorName: 'Tom Okafor', text: undefined, detail: undefined, actorId: undefined };
    const told = { ...entry, id: randomUUID(), kind: 'told' as const, notice: { outcome: 'retrying' as const, channel: 'teams' as const, reason: 'attempt 2: busy' }, workingDays: undefined, bookedFor: undefined, at: '2026-07-01T09:00:00.000Z' };
    const climbed = { ...entry, id: randomUUID(), kind: 'climbed' as const, notice: undefined, workingDays: 5, bookedFor: undefined, at: '2026-07-08T09:00:00.000Z' };
    const booked = { ...entry, id: randomUUID(), kind: 'booked' as const, notice: undefined, workingDays: undefined, bookedFor: '2026-07-20T13:30:00.000Z', at: '2026-07-09T09:00:00.000Z' };
    for (const transition of [told, climbed, booked]) await store.concernHistory.record(transition);
    expect((await store.concernHistory.ofConcerns([concern.id])).get(concern.id)).toEqual([told, climbed, booked]);
  });
});
