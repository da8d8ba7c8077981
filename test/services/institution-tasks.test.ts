import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../../src/domain/errors';
import { createInstitutionTasks } from '../../src/services/institution-tasks.service';
import { type Store, createStore } from '../../src/store/store';
import { type TestDatabase, migratedDatabase } from '../support/databases';
import { TENANT, aCoreGroup } from '../support/fixtures';

const clock = { nowIso: () => '2026-06-10T09:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-10') };
const father = { person: 'father', kind: 'prison' as const, institution: 'HMP Leeds' };

describe('a relative in an institution, and the co-ordinator’s letter (seed 001)', () => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await migratedDatabase('sqlite');
    store = createStore(database);
  });
  afterAll(() => database.drop());

  /** A core group, with a co-ordinator unless told otherwise. */
  async function aGroup(options: { coordinator: boolean } = { coordinator: true }) {
    const { coreGroup, members, lead, healthVisitor } = aCoreGroup();
    const coordinator: CoreGroupMember = { id: randomUUID(), displayName: 'Carol Coordinator', role: 'coordinator', agency: "children's services", email: 'carol@council.example', aadObjectId: randomUUID(), reach: 'tenant', active: true };
    await store.coreGroups.create(coreGroup, options.coordinator ? [...members, coordinator] : members);
    const as = (member: CoreGroupMember) => ({ tenantId: TENANT, aadObjectId: member.aadObjectId! });
    return { coreGroup, lead, healthVisitor, coordinator, as, tasks: createInstitutionTasks({ ...store, clock }) };
  }
  const jobsFor = async (taskId: string) => (await database.db.selectFrom('jobs').selectAll().where('kind', '=', 'institution-task').execute()).filter((job) => String(job.payload).includes(taskId));

  test('the lead social worker records who and where: the co-ordinator is told once by a durable job, and sees the task until they mark it done', async () => {
    const { coreGroup, lead, coordinator, as, tasks } = await aGroup();
    const recorded = await tasks.record(as(lead), coreGroup.id, father);
    expect(recorded).toMatchObject({ outcome: 'changed', task: { caseReference: coreGroup.caseReference, coordinators: ['Carol Coordinator'], canMarkDone: false, task: { person: 'father', kind: 'prison', institution: 'HMP Leeds' } } });
    const again = await tasks.record(as(lead), coreGroup.id, { ...father, person: ' Father ' });
    expect([again.outcome, again.task.task.id]).toEqual(['unchanged', recorded.task.task.id]);
    const jobs = await jobsFor(recorded.task.task.id);
    expect(jobs).toHaveLength(1);
    expect(JSON.stringify(jobs)).not.toContain(coreGroup.childName);

    expect((await tasks.mine(as(coordinator))).map((view) => [view.task.id, view.canMarkDone])).toEqual([[recorded.task.task.id, true]]);
    expect((await tasks.mine(as(lead))).map((view) => view.task.id)).toEqual([recorded.task.task.id]);
    await expect(tasks.letterSent(as(lead), recorded.task.task.id, Temporal.PlainDate.from('2026-06-10'))).rejects.toThrow(ForbiddenError);
    const done = await tasks.letterSent(as(coordinator), recorded.task.task.id, Temporal.PlainDate.from('2026-06-10'));
    expect(done).toMatchObject({ outcome: 'changed', task: { canMarkDone: false, task: { letterSentOn: Temporal.PlainDate.from('2026-06-10') } } });
    expect((await tasks.letterSent(as(coordinator), recorded.task.task.id, Temporal.PlainDate.from('2026-06-10'))).outcome).toBe('unchanged');
    expect(await tasks.mine(as(coordinator))).toEqual([]);
    expect((await tasks.mine(as(lead)))[0]!.task.letterSentOn).toEqual(Temporal.PlainDate.from('2026-06-10'));
    const audited = await store.auditLog.listByCoreGroup(coreGroup.id, { limit: 100 });
    expect(audited.map((entry) => [entry.action, entry.outcome])).toEqual(expect.arrayContaining([['record-person-in-institution', 'allowed'], ['write-to-institution', 'allowed'], ['write-to-institution', 'denied'], ['view-institution-tasks', 'allowed']]));
  });

  test('a group with no co-ordinator: the lead social worker sees that the task has nobody to do it, and nobody is told', async () => {
    const { coreGroup, lead, as, tasks } = await aGroup({ coordinator: false });
    const recorded = await tasks.record(as(lead), coreGroup.id, { person: 'mother', kind: 'hospital', institution: 'St James’s University Hospital' });
    expect(recorded.task.coordinators).toEqual([]);
    expect(await jobsFor(recorded.task.task.id)).toEqual([]);
    expect((await tasks.mine(as(lead)))[0]).toMatchObject({ coordinators: [], canMarkDone: false });
  });

  test('a professional may neither record nor see the tasks; a stranger’s task id is not found; nothing is recorded after the plan ended', async () => {
    const { coreGroup, lead, healthVisitor, as, tasks } = await aGroup();
    await expect(tasks.record(as(healthVisitor), coreGroup.id, father)).rejects.toThrow(ForbiddenError);
    await tasks.record(as(lead), coreGroup.id, father);
    expect(await tasks.mine(as(healthVisitor))).toEqual([]);
    await expect(tasks.letterSent(as(lead), randomUUID(), Temporal.PlainDate.from('2026-06-10'))).rejects.toThrow(NotFoundError);
    await store.coreGroups.endPlan(coreGroup.id, Temporal.PlainDate.from('2026-06-09'));
    await expect(tasks.record(as(lead), coreGroup.id, { ...father, institution: 'HMP Wakefield' })).rejects.toThrow(RuleViolationError);
  });
});
