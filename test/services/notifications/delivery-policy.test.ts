import { randomUUID } from 'node:crypto';
import {
  CHECK_IN_CHASE_JOB,
  CHECK_IN_PROMPT_JOB,
  CONCERN_NOTIFICATION_JOB,
  INSTITUTION_TASK_JOB,
  MEMBER_WELCOME_JOB,
  NOTICE_UNDELIVERED_JOB,
  PLAN_NOT_RECEIVED_JOB,
  SIGNAL_NOTICE_JOB,
  SIGN_OFF_REMINDER_JOB,
} from '../../../src/contracts/jobs.contract';
import { londonDateOf, parseCivilDate } from '../../../src/domain/civil-date';
import type { CoreGroupMember } from '../../../src/domain/core-group';
import { type NoticeKind, TEAMS_ATTEMPTS_BEFORE_EMAIL } from '../../../src/domain/notice-delivery';
import { createJobRunner } from '../../../src/jobs/job-runner';
import { messageDeadLetterHandlers, messageJobHandlers } from '../../../src/jobs/job-handlers';
import { DEMO_TENANT_ID, demoObjectId } from '../../../src/local/demo/demo-core-group.seed';
import { demoOrganisation } from '../../../src/local/demo/demo-organisation.seed';
import type { GraphSimulator } from '../../../src/local/graph-simulator/graph-simulator.server';
import { loadPolicyCatalogue } from '../../../src/policies/policy-catalogue';
import { createCaseStatusService } from '../../../src/services/case-status.service';
import { createCheckInNotices } from '../../../src/services/notifications/check-in-notices.service';
import { createConcernNotices } from '../../../src/services/notifications/concern-notices.service';
import { createInstitutionTaskNotices } from '../../../src/services/notifications/institution-task-notices.service';
import { createMeetingNotices } from '../../../src/services/notifications/meeting-notices.service';
import { createPlanNotReceivedNotices } from '../../../src/services/notifications/plan-not-received-notices.service';
import { createSignalNotices } from '../../../src/services/notifications/signal-notices.service';
import { createUndeliveredNotices } from '../../../src/services/notifications/undelivered-notices.service';
import { createWelcomeNotices } from '../../../src/services/notifications/welcome-notices.service';
import type { Clock } from '../../../src/services/ports/clock.port';
import type { Store } from '../../../src/store/store';
import { type TestDatabase, demoDatabase } from '../../support/databases';
import { calendarWithNoSeries, simulatedGraph } from '../../support/graph';
import { recordingNotifier } from './recording-notifier';

let now = '2026-06-03T08:00:00.000Z';
const clock: Clock = { nowIso: () => now, today: () => londonDateOf(now) };
/** Two hours on: past any backoff of the first attempts. */
const later = () => {
  now = new Date(Date.parse(now) + 2 * 3_600_000).toISOString();
};

describe('one delivery policy for every notice to a person: Teams 1:1, else e-mail through Graph, each attempt recorded', () => {
  let database: TestDatabase;
  let store: Store;
  let coreGroupId: string;
  let members: CoreGroupMember[];
  let simulator: GraphSimulator;
  const teams = recordingNotifier();
  let runOnce: () => Promise<number>;
  let services: ReturnType<typeof servicesOver>;
  const member = (key: string) => members.find((candidate) => candidate.aadObjectId === demoObjectId(key))!;

  function servicesOver(deps: Parameters<typeof createWelcomeNotices>[0] & Store & { calendars: Awaited<ReturnType<typeof demoDatabase>>['calendars'] }) {
    const status = createCaseStatusService({ ...deps, clock, calendar: calendarWithNoSeries, policy: (id: string) => loadPolicyCatalogue().get(id) });
    const meetingEvents = { agendaOf: async (meetingId: string) => ({ meetingId, chatId: '19:meeting@thread.v2', date: parseCivilDate('2026-06-03'), started: false }), attendeeIdentities: async () => [] };
    return {
      checkIns: createCheckInNotices({ ...deps, status }),
      concerns: createConcernNotices(deps),
      signals: createSignalNotices(deps),
      meetings: createMeetingNotices({ ...deps, meetingEvents, conversations: { channelUserIds: async () => [] } }),
      planNotReceived: createPlanNotReceivedNotices(deps),
      welcomes: createWelcomeNotices(deps),
      institutionTasks: createInstitutionTaskNotices(deps),
      undelivered: createUndeliveredNotices(deps),
    };
  }

  beforeAll(async () => {
    let calendars: Awaited<ReturnType<typeof demoDatabase>>['calendars'];
    ({ database, store, calendars, coreGroupId } = await demoDatabase(clock));
    members = await store.coreGroups.members(coreGroupId);
    const graph = await simulatedGraph(demoOrganisation(clock.today()));
    simulator = graph.simulator;
    services = servicesOver({ ...store, calendars, notifier: teams.notifier, mailer: graph.calendar, clock, organiserMailbox: 'priya.shah@demo.example' });
    const runner = createJobRunner({ queue: store.jobs, handlers: messageJobHandlers(services), onDeadLetter: messageDeadLetterHandlers(services), workerId: 'policy-test', clock });
    runOnce = () => runner.runOnce();
  });
  afterAll(async () => {
    await simulator.stop();
    await database.drop();
  });

  const enqueue = async (kind: string, payload: object, maxAttempts?: number) => {
    const key = `policy-test:${randomUUID()}`;
    return (await store.jobs.enqueue({ id: randomUUID(), kind, payload, runAt: now, idempotencyKey: key, at: now, maxAttempts })).job;
  };
  const promptPayload = () => ({ tenantId: DEMO_TENANT_ID, coreGroupId, memberId: member('health').id, aadObjectId: demoObjectId('health'), promptId: randomUUID(), promptedAt: '2026-06-01T07:00:00.000Z' });
  const heldMeeting = async () => (await store.meetings.create({ id: randomUUID(), coreGroupId, date: parseCivilDate('2026-06-02'), status: 'held' })).meeting.id;

  /** Each notice kind: the job that sends it (with what it is about made first) and who it is for. */
  const KINDS: readonly [NoticeKind, string, () => Promise<object>, string][] = [
    [
      'concern',
      CONCERN_NOTIFICATION_JOB,
      async () => {
        const concern = { id: randomUUID(), coreGroupId, kind: 'drift-and-delay' as const, raisedByMemberId: member('health').id, step: 0, status: 'open' as const, raisedAt: now, stepStartedAt: now, note: 'Riley was not seen' };
        await store.concerns.raise(concern, `policy-test:${concern.id}`);
        return { tenantId: DEMO_TENANT_ID, coreGroupId, concernId: concern.id, recipientMemberId: member('manager').id };
      },
      'manager',
    ],
    ['check-in-prompt', CHECK_IN_PROMPT_JOB, async () => promptPayload(), 'health'],
    ['chase', CHECK_IN_CHASE_JOB, async () => promptPayload(), 'lead'],
    ['signal', SIGNAL_NOTICE_JOB, async () => ({ tenantId: DEMO_TENANT_ID, coreGroupId, kind: 'action-overdue', concern: 'tasks-not-done', subjectId: 'action-visits', measure: 3, memberId: member('health').id, recipientMemberId: member('manager').id }), 'manager'],
    ['welcome', MEMBER_WELCOME_JOB, async () => ({ tenantId: DEMO_TENANT_ID, coreGroupId, memberId: member('iro').id }), 'iro'],
    ['sign-off-reminder', SIGN_OFF_REMINDER_JOB, async () => ({ tenantId: DEMO_TENANT_ID, meetingId: await heldMeeting(), aadObjectId: demoObjectId('lead'), meetingRole: 'chair', caseReference: 'DEMO-0001', meetingDate: '2026-06-02', circulationDue: '2026-06-09' }), 'lead'],
    [
      'institution-task',
      INSTITUTION_TASK_JOB,
      async () => {
        const task = { id: randomUUID(), coreGroupId, person: 'father', kind: 'prison' as const, institution: 'HMP Leeds', recordedByMemberId: member('lead').id, recordedAt: now };
        await store.institutionTasks.record(task);
        return { tenantId: DEMO_TENANT_ID, coreGroupId, taskId: task.id, memberId: member('iro').id };
      },
      'iro',
    ],
    ['plan-not-received', PLAN_NOT_RECEIVED_JOB, async () => ({ tenantId: DEMO_TENANT_ID, meetingId: await heldMeeting(), planVersion: 1, memberId: member('health').id, resending: false }), 'lead'],
    ['undelivered', NOTICE_UNDELIVERED_JOB, async () => ({ tenantId: DEMO_TENANT_ID, coreGroupId, noticeKind: 'welcome', memberId: member('health').id, deadJobId: randomUUID(), attempts: 8 }), 'lead'],
  ];

  /** The recorded attempts at one job's notice, oldest first, as outcome/channel pairs. */
  const attemptsOf = async (kind: NoticeKind, jobId: string) => (await store.noticeDeliveries.inCoreGroups([coreGroupId])).filter((delivery) => delivery.kind === kind && delivery.jobId === jobId).map((delivery) => `${delivery.outcome} by ${delivery.channel}`);
  const mailsTo = (key: string) => simulator.state.sentMail.filter((mail) => mail.message.toRecipients?.[0]?.emailAddress?.address === member(key).email);

  test.each(KINDS)('%s: Teams never reached (the connector refuses 404) — sent by e-mail at once, plain text, no child', async (kind, jobKind, payload, recipient) => {
    const mailsBefore = mailsTo(recipient).length;
    const job = await enqueue(jobKind, await payload());
    teams.refuse(404);
    await runOnce();
    expect(await attemptsOf(kind, job.id)).toEqual(['sent by email']);
    const mail = mailsTo(recipient).slice(mailsBefore);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.message.body).toMatchObject({ contentType: 'Text' });
    expect(mail[0]!.message.subject).toContain('DEMO-0001');
    expect(JSON.stringify(mail)).not.toContain('Riley');
  });

  test.each(KINDS)('%s: Teams failing (503) through its attempts — each recorded, then sent by e-mail', async (kind, jobKind, payload, recipient) => {
    const mailsBefore = mailsTo(recipient).length;
    const job = await enqueue(jobKind, await payload());
    for (let attempt = 1; attempt <= TEAMS_ATTEMPTS_BEFORE_EMAIL; attempt += 1) {
      teams.refuse(503);
      await runOnce();
      later();
    }
    await runOnce();
    expect(await attemptsOf(kind, job.id)).toEqual(['retrying by teams', 'retrying by teams', 'retrying by teams', 'sent by email']);
    expect(mailsTo(recipient).length - mailsBefore).toBe(1);
    expect((await store.jobs.findById(job.id))?.status).toBe('done');
  });

  test('someone who blocked the app (the connector refuses 403) is e-mailed at once, not retried in Teams', async () => {
    const job = await enqueue(MEMBER_WELCOME_JOB, { tenantId: DEMO_TENANT_ID, coreGroupId, memberId: member('manager').id });
    teams.refuse(403);
    await runOnce();
    expect(await attemptsOf('welcome', job.id)).toEqual(['sent by email']);
  });

  test('a dead notice is recorded failed and becomes one signal to the lead social worker; a dead one of those raises nothing more', async () => {
    const job = await enqueue(MEMBER_WELCOME_JOB, { tenantId: DEMO_TENANT_ID, coreGroupId, memberId: member('health').id }, 2);
    for (const _attempt of [1, 2]) {
      teams.refuse(503);
      await runOnce();
      later();
    }
    expect((await store.jobs.findById(job.id))?.status).toBe('dead');
    expect(await attemptsOf('welcome', job.id)).toEqual(['retrying by teams', 'retrying by teams', 'failed by teams']);
    // The dead letter recorded again (a second instance, a retry) queues nothing new.
    await services.welcomes.recordUndelivered({ tenantId: DEMO_TENANT_ID, coreGroupId, memberId: member('health').id }, (await store.jobs.findById(job.id))!);
    const sentBefore = teams.sent.length;
    await runOnce();
    const alerts = teams.sent.slice(sentBefore);
    expect(alerts).toEqual([{ tenantId: DEMO_TENANT_ID, to: { kind: 'person', aadObjectId: demoObjectId('lead') }, summary: 'Core Group: a notice could not be delivered', message: { kind: 'notice-undelivered', caseReference: 'DEMO-0001', notice: 'a welcome to the core group', member: 'Grace Lindqvist (health visiting)', attempts: 2 } }]);
    expect(await runOnce()).toBe(0);

    const alert = await enqueue(NOTICE_UNDELIVERED_JOB, { tenantId: DEMO_TENANT_ID, coreGroupId, noticeKind: 'welcome', memberId: member('health').id, deadJobId: job.id, attempts: 2 }, 1);
    teams.refuse(503);
    await runOnce();
    expect((await store.jobs.findById(alert.id))?.status).toBe('dead');
    expect(await attemptsOf('undelivered', alert.id)).toEqual(['retrying by teams', 'failed by teams']);
    expect(await runOnce()).toBe(0);
  });
});
