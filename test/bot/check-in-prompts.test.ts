import { londonDateOf } from '../../src/domain/civil-date';
import { messageJobHandlers } from '../../src/jobs/job-handlers';
import { createJobRunner } from '../../src/jobs/job-runner';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createCaseStatusService } from '../../src/services/case-status.service';
import { createCheckInPromptPlanner } from '../../src/services/check-in-prompts.service';
import { createCheckInNotices } from '../../src/services/notifications/check-in-notices.service';
import type { Clock } from '../../src/services/ports/clock.port';
import type { Store } from '../../src/store/store';
import { demoPeopleInTeams, localNotifier, startChannelStandIn } from '../support/bot-channel';
import { type TestDatabase, demoDatabase } from '../support/databases';
import { calendarWithNoSeries } from '../support/graph';

let now = '2026-06-03T08:00:00.000Z';
const clock: Clock = { nowIso: () => now, today: () => londonDateOf(now) };

describe('check-in prompts as durable jobs, sent through the bot to a recording connector', () => {
  let database: TestDatabase;
  let store: Store;
  let channel: Awaited<ReturnType<typeof startChannelStandIn>>;
  let runner: ReturnType<typeof createJobRunner>;
  let planner: ReturnType<typeof createCheckInPromptPlanner>;
  let coreGroupId: string;

  beforeAll(async () => {
    let calendars: Awaited<ReturnType<typeof demoDatabase>>['calendars'];
    ({ database, store, calendars, coreGroupId } = await demoDatabase(clock));
    channel = await startChannelStandIn();
    await demoPeopleInTeams(store, channel.serviceUrl, { at: now });
    const deps = { ...store, clock, calendars, policy: (id: string) => loadPolicyCatalogue().get(id) };
    const notifier = localNotifier(store.conversationReferences);
    planner = createCheckInPromptPlanner(deps);
    runner = createJobRunner({ queue: store.jobs, handlers: messageJobHandlers({ checkIns: createCheckInNotices({ ...store, mailer: { sendMail: async () => undefined }, clock, status: createCaseStatusService({ ...deps, calendar: calendarWithNoSeries }), coreGroups: store.coreGroups, checkIns: store.checkIns, notifier }) }), workerId: 'test-worker', clock });
  });
  afterAll(async () => {
    await channel.stop();
    await database.drop();
  });

  const messagesTo = (key: string) => channel.sent.filter((request) => decodeURIComponent(request.path).includes(`/a:${key}/`) && request.method === 'POST');

  test('planning twice queues each prompt once', async () => {
    expect(await planner.planFor(coreGroupId)).toBe(4);
    expect(await planner.planFor(coreGroupId)).toBe(0);
  });

  test('a prompt goes out on its day, once, with a summary that names no child', async () => {
    now = '2026-06-04T06:00:00.000Z';
    expect(await runner.runOnce()).toBe(0);
    now = '2026-06-05T07:30:00.000Z';
    expect(await runner.runOnce()).toBe(1);
    expect(await runner.runOnce()).toBe(0);
    const sent = messagesTo('lead');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body.summary).toBe('Core Group: please check in on your actions');
    expect(JSON.stringify(sent[0]?.body)).toContain('Agree a written safety plan');
    expect(JSON.stringify(sent[0]?.body)).not.toContain('Riley');
  });

  test('no answer by the chase date: the lead social worker is told, in a 1:1 chat', async () => {
    now = '2026-06-09T07:30:00.000Z';
    await runner.runOnce();
    const chase = messagesTo('lead').at(-1);
    expect(chase?.body.summary).toBe('Core Group: a check-in is missing');
    expect(JSON.stringify(chase?.body)).toContain('No check-in yet from Priya Shah');
  });
  test('Teams saying 429 with Retry-After is honoured: the prompt goes after the wait, once', async () => {
    now = '2026-06-12T07:30:00.000Z';
    channel.failNext({ status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    expect(await runner.runOnce()).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(messagesTo('school')).toHaveLength(1);
    expect(await runner.runOnce()).toBe(0);
    expect(messagesTo('school')).toHaveLength(1);
  });

  test('when Teams stays unavailable the job is retried later, not lost', async () => {
    now = '2026-06-19T07:30:00.000Z';
    for (let request = 0; request < 10; request++) channel.failNext({ status: 400 });
    expect(await runner.runOnce()).toBeGreaterThan(0);
    channel.clearFailures();
    expect(messagesTo('health')).toHaveLength(0);
    expect((await store.jobs.claim({ workerId: 'peek', now, leaseMs: 1, limit: 10 }))).toEqual([]);
    now = '2026-06-19T07:40:00.000Z';
    while ((await runner.runOnce()) > 0);
    expect(messagesTo('health')).toHaveLength(1);
  });

});
