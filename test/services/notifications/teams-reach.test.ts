import type { CoreGroupMember } from '../../../src/domain/core-group';
import { ACTIVITY_FEED_JOB, APP_INSTALL_JOB, type ActivityFeedJob, activityFeedJob } from '../../../src/contracts/jobs.contract';
import { createAppInstalls, queueAppInstall } from '../../../src/services/app-installs.service';
import { createActivityFeed } from '../../../src/services/notifications/activity-feed.service';
import { type NoticeAddress, deliverNotice } from '../../../src/services/notifications/notice-policy';
import { DeliveryError } from '../../../src/services/ports/notifier.port';
import type { ActivityNotification, AppInstallOutcome } from '../../../src/services/ports/teamwork.port';
import { noticeDeps } from './notice-deps';
import { recordingNotifier } from './recording-notifier';

const GROUP = '11111111-1111-4111-8111-111111111111';
const grace: CoreGroupMember = { id: '33333333-3333-4333-8333-333333333333', displayName: 'Grace', role: 'professional', position: 'health-visitor', agency: 'health visiting', email: 'grace@nhs.example', aadObjectId: 'grace-oid', reach: 'tenant', active: true };
const hal: CoreGroupMember = { id: '44444444-4444-4444-8444-444444444444', displayName: 'Hal', role: 'professional', agency: 'housing', email: 'hal@housing.example', reach: 'email-only', active: true };
const to = (kind: NoticeAddress['kind'], member = grace): NoticeAddress => ({ kind, subjectId: 'subject-1', coreGroupId: GROUP, tenantId: 't', member });
const mail = async () => ({ subject: 'A notice', bodyText: 'Read it in Core Group.' });
const prompt = { summary: 'Core Group: how are your actions going? (case CP/2026/7)', message: { kind: 'check-in-prompt' as const, actions: [], promptId: '66666666-6666-4666-8666-666666666666' } };

function delivering() {
  const teams = recordingNotifier();
  const { deps, queued, mails } = noticeDeps();
  const policy = { ...deps, notifier: teams.notifier, feedJobs: deps.jobs };
  const deliver = (address: NoticeAddress, run = { id: 'job-1', attempts: 1 }) => deliverNotice(policy, { to: address, run, inTeams: prompt, from: 'organiser@council.example', mail });
  return { teams, queued, mails, deliver };
}

describe('the activity feed: a notice that reached someone’s chat also goes to their feed', () => {
  test('a check-in prompt sent in Teams queues one feed item: its type, the notice’s preview (no child), the bot chat to open; once however often the job runs', async () => {
    const { queued, deliver } = delivering();
    await deliver(to('check-in-prompt'));
    await deliver(to('check-in-prompt'));
    const feed = queued.filter((job) => job.kind === ACTIVITY_FEED_JOB);
    expect(new Set(feed.map((job) => job.idempotencyKey)).size).toBe(1);
    expect(activityFeedJob.parse(feed[0]!.payload)).toEqual({ tenantId: 't', coreGroupId: GROUP, aadObjectId: 'grace-oid', activityType: 'checkInDue', previewText: prompt.summary, destination: 'bot-chat', language: 'en' });
  });

  test('chases, deadline signals and concerns go to the feed too (the dashboard for the latter two); a welcome, a sign-off reminder or a report request does not', async () => {
    const { queued, deliver } = delivering();
    for (const kind of ['chase', 'signal', 'concern', 'welcome', 'sign-off-reminder', 'agency-report-request'] as const) await deliver(to(kind), { id: `job-${kind}`, attempts: 1 });
    expect(queued.map((job) => job.payload as ActivityFeedJob).map(({ activityType, destination }) => [activityType, destination])).toEqual([
      ['checkInChase', 'bot-chat'],
      ['deadlineNotice', 'dashboard'],
      ['concernRaised', 'dashboard'],
    ]);
  });

  test('a notice that went by e-mail (outside Teams, or never opened a chat with the app) puts nothing in a feed', async () => {
    const { teams, queued, mails, deliver } = delivering();
    await deliver(to('check-in-prompt', hal));
    teams.refuse(404);
    await deliver(to('check-in-prompt'), { id: 'job-2', attempts: 1 });
    expect(mails).toHaveLength(2);
    expect(queued).toEqual([]);
  });

  test('posting it: the case named by its reference (read now, one line), a deep link into Teams; someone the app is no longer installed for is not tried again, an outage is', async () => {
    const sent: ActivityNotification[] = [];
    let failure: DeliveryError | undefined;
    const feed = createActivityFeed({
      teamwork: {
        sendActivity: async (notification) => {
          if (failure) throw failure;
          sent.push(notification);
        },
      },
      coreGroups: { findById: async (id) => (id === GROUP ? { id, caseReference: 'CP/2026/7\n', childName: 'Invented Child', tenantId: 't', policyId: 'england', icpcDate: undefined as never, createdAt: '' } : undefined) },
      teamsAppId: 'c0de0000-0000-4000-8000-00000000c0de',
    });
    const job: ActivityFeedJob = { tenantId: 't', coreGroupId: GROUP, aadObjectId: 'grace-oid', activityType: 'concernRaised', previewText: 'Core Group: a concern has come to you (case CP/2026/7)', destination: 'dashboard' };
    await feed.post(job);
    expect(sent).toEqual([
      {
        userId: 'grace-oid',
        activityType: 'concernRaised',
        previewText: job.previewText,
        topic: { text: 'Case CP/2026/7', webUrl: 'https://teams.microsoft.com/l/entity/c0de0000-0000-4000-8000-00000000c0de/dashboard' },
        templateParameters: { caseReference: 'CP/2026/7' },
      },
    ]);
    expect(JSON.stringify(sent)).not.toContain('Invented Child');
    await feed.post({ ...job, coreGroupId: '99999999-9999-4999-8999-999999999999' });
    failure = new DeliveryError({ code: 'recipient-unreachable', userMessage: 'not installed', status: 403 });
    await feed.post(job);
    failure = new DeliveryError({ code: 'delivery-failed', userMessage: 'busy', status: 503 });
    await expect(feed.post(job)).rejects.toThrow('busy');
    expect(sent).toHaveLength(1);
  });
});

describe('the app installed for every member', () => {
  test('someone who joins with a Teams identity gets an install job, once per joining; someone reached by e-mail only gets none', async () => {
    const { deps, queued } = noticeDeps();
    const coreGroup = { id: GROUP, tenantId: 't' };
    await queueAppInstall(deps.jobs, { coreGroup, member: grace, joinedAt: '2026-06-03T09:00:00.000Z' });
    await queueAppInstall(deps.jobs, { coreGroup, member: hal, joinedAt: '2026-06-03T09:00:00.000Z' });
    expect(queued.map(({ kind, payload }) => [kind, payload])).toEqual([[APP_INSTALL_JOB, { tenantId: 't', coreGroupId: GROUP, memberId: grace.id }]]);
  });

  test('the install’s answer is recorded for the person — installed, there already, or not allowed by their organisation; someone removed before it ran is left alone', async () => {
    const answers: AppInstallOutcome[] = ['installed', 'not-allowed'];
    const asked: string[] = [];
    const recorded: { aadObjectId: string; outcome: AppInstallOutcome }[] = [];
    const gone = { ...grace, id: '55555555-5555-4555-8555-555555555555', aadObjectId: 'gone-oid', active: false };
    const police = { ...grace, id: '77777777-7777-4777-8777-777777777777', aadObjectId: 'police-oid', agency: 'police' };
    const installs = createAppInstalls({
      teamwork: { installAppForUser: async (userId) => (asked.push(userId), answers.shift()!) },
      coreGroups: { members: async () => [grace, hal, gone, police] },
      appInstalls: { record: async ({ aadObjectId, outcome }) => void recorded.push({ aadObjectId, outcome }) },
      clock: { nowIso: () => '2026-06-03T09:00:00.000Z' },
      teamsAppId: 'app',
    });
    for (const member of [grace, gone, hal, police]) await installs.install({ tenantId: 't', coreGroupId: GROUP, memberId: member.id });
    expect(asked).toEqual(['grace-oid', 'police-oid']);
    expect(recorded).toEqual([
      { aadObjectId: 'grace-oid', outcome: 'installed' },
      { aadObjectId: 'police-oid', outcome: 'not-allowed' },
    ]);
  });
});
