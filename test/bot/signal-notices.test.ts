import { randomUUID } from 'node:crypto';
import { londonDateOf, parseCivilDate } from '../../src/domain/civil-date';
import { emptyMinutesContent } from '../../src/domain/minutes';
import { signalNoticeJob } from '../../src/contracts/jobs.contract';
import { messageJobHandlers } from '../../src/jobs/job-handlers';
import { createJobRunner } from '../../src/jobs/job-runner';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { uuidFromKey } from '../../src/services/deterministic-id';
import { createSignalNotices } from '../../src/services/notifications/signal-notices.service';
import type { Clock } from '../../src/services/ports/clock.port';
import { createSignalWatch } from '../../src/services/signal-watch.service';
import type { Store } from '../../src/store/store';
import { demoPeopleInTeams, localNotifier, startChannelStandIn } from '../support/bot-channel';
import { type TestDatabase, demoDatabase } from '../support/databases';

let now = '2026-06-03T08:00:00.000Z';
const clock: Clock = { nowIso: () => now, today: () => londonDateOf(now) };

type Sent = { path: string; body: { summary?: string; attachments?: { content: unknown }[] } };

describe('drift and attendance signals, told 1:1 to the people the escalation route names', () => {
  let database: TestDatabase;
  let store: Store;
  let channel: Awaited<ReturnType<typeof startChannelStandIn>>;
  let watch: ReturnType<typeof createSignalWatch>;
  let runner: ReturnType<typeof createJobRunner>;
  let coreGroupId: string;

  beforeAll(async () => {
    let calendars: Awaited<ReturnType<typeof demoDatabase>>['calendars'];
    ({ database, store, calendars, coreGroupId } = await demoDatabase(clock));
    channel = await startChannelStandIn();
    await demoPeopleInTeams(store, channel.serviceUrl, { at: now });
    const deps = { ...store, clock, calendars, policy: (id: string) => loadPolicyCatalogue().get(id) };
    const notifier = localNotifier(store.conversationReferences);
    watch = createSignalWatch(deps);
    runner = createJobRunner({ queue: store.jobs, handlers: messageJobHandlers({ signals: createSignalNotices({ ...store, notifier, mailer: { sendMail: async () => undefined }, clock }) }), workerId: 'test-worker', clock });
  });
  afterAll(async () => {
    await channel.stop();
    await database.drop();
  });

  const cardsTo = (key: string) => (channel.sent as Sent[]).filter((request) => decodeURIComponent(request.path).includes(`/a:${key}/`)).map((request) => ({ summary: request.body.summary, card: JSON.stringify(request.body.attachments?.[0]?.content) }));
  const drain = async () => {
    while ((await runner.runOnce()) > 0);
  };

  test('a plan on track raises nothing', async () => {
    expect(await watch.watch(coreGroupId)).toEqual({ signals: [], queued: 0 });
  });

  test('weeks later, with actions overdue and the first core group missed, the lead social worker and team manager are told once each', async () => {
    now = '2026-07-20T08:00:00.000Z';
    const first = await watch.watch(coreGroupId);
    expect(first.signals.map((signal) => signal.kind)).toEqual(expect.arrayContaining(['action-overdue', 'action-silent', 'deadline-missed']));
    expect(first.queued).toBe(first.signals.length * 2);
    expect((await watch.watch(coreGroupId)).queued).toBe(0);
    const missed = first.signals.find((signal) => signal.kind === 'deadline-missed')!;
    const lead = (await store.coreGroups.members(coreGroupId)).find((member) => member.aadObjectId === demoObjectId('lead'))!;
    const missedJob = await store.jobs.findById(uuidFromKey(`job:signal:${coreGroupId}:deadline-missed:${missed.subjectId}:${lead.id}`));
    // The rule goes as data too, for a Welsh reader's card to word it in Welsh.
    expect(signalNoticeJob.parse(missedJob!.payload).wording).toMatchObject({ rule: expect.any(String) });
    await drain();
    for (const key of ['lead', 'manager']) {
      const cards = cardsTo(key);
      expect(cards).toHaveLength(first.signals.length);
      expect(cards.map((sent) => sent.card).join(' ')).toContain('past its due date');
      expect(cards.map((sent) => sent.card).join(' ')).toContain('case DEMO-0001');
      expect(cards.every((sent) => sent.summary === 'Core Group: something in a plan needs attention')).toBe(true);
    }
    expect(cardsTo('health')).toEqual([]);
    expect(cardsTo('police')).toEqual([]);
  });

  test('a member absent from two held meetings in a row, with no representative or report, raises an attendance signal', async () => {
    const members = await store.coreGroups.members(coreGroupId);
    const police = members.find((member) => member.aadObjectId === demoObjectId('police'))!;
    for (const date of ['2026-06-08', '2026-07-06']) {
      const meeting = { id: randomUUID(), coreGroupId, date: parseCivilDate(date), status: 'held' as const };
      await store.meetings.create(meeting);
      const content = emptyMinutesContent(members);
      const attendance = content.attendance.map((entry) => ({ ...entry, attendance: entry.memberId === police.id ? ('apologies' as const) : ('present' as const) }));
      await store.minutes.createDraft({ id: randomUUID(), meetingId: meeting.id, coreGroupId, version: 1, content: { ...content, attendance } }, 'test', now);
    }
    channel.sent.splice(0);
    const { signals } = await watch.watch(coreGroupId);
    expect(signals.filter((signal) => signal.kind === 'member-absent')).toEqual([expect.objectContaining({ subjectId: police.id, measure: 2 })]);
    await drain();
    const told = cardsTo('lead').map((sent) => sent.card).filter((card) => card.includes('Attendance'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('Sgt Amira Haddad (police) has missed 2 meetings in a row');
  });
});
