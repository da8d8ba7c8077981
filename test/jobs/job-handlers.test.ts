import { randomUUID } from 'node:crypto';
import { ACTIVITY_FEED_JOB, APP_INSTALL_JOB, CHECK_IN_CHASE_JOB, CHECK_IN_PROMPT_JOB, CP9_JOB, JOB_PAYLOADS, MEETING_AGENDA_JOB, MEMBER_WELCOME_JOB, MINUTES_DELIVERY_JOB, PLAN_DELIVERY_JOB, type CheckInPromptJob } from '../../src/contracts/jobs.contract';
import { messageDeadLetterHandlers, messageJobHandlers } from '../../src/jobs/job-handlers';
import type { Job } from '../../src/services/ports/store.port';

const job = { id: 'job', kind: CHECK_IN_PROMPT_JOB, runAt: '', status: 'running', attempts: 0, maxAttempts: 3 } as unknown as Job;
const prompt: CheckInPromptJob = { tenantId: 't', coreGroupId: randomUUID(), memberId: 'm', aadObjectId: 'oid', promptId: randomUUID(), promptedAt: '2026-06-05T07:00:00.000Z' };

describe('the message jobs’ handlers', () => {
  test('register the kinds of the services given, and only those', () => {
    const handlers = messageJobHandlers({ checkIns: { prompt: async () => undefined, chase: async () => undefined } });
    expect(Object.keys(handlers).sort()).toEqual([CHECK_IN_CHASE_JOB, CHECK_IN_PROMPT_JOB].sort());
    const all = messageJobHandlers({
      checkIns: { prompt: async () => undefined, chase: async () => undefined },
      concerns: { notify: async () => undefined },
      signals: { notify: async () => undefined },
      meetings: { postAgenda: async () => undefined, remindSignOff: async () => undefined },
      minutes: { deliver: async () => undefined },
      plans: { deliver: async () => undefined },
      planNotReceived: { notify: async () => undefined },
      cp9: { send: async () => undefined },
      welcomes: { welcome: async () => undefined },
      institutionTasks: { notify: async () => undefined },
      undelivered: { notify: async () => undefined },
      agencyReports: { notify: async () => undefined },
      conferencePacks: { deliver: async () => undefined },
      minutesReturned: { deliver: async () => undefined },
      appInstalls: { install: async () => undefined },
      activityFeed: { post: async () => undefined },
    });
    expect(Object.keys(all).sort()).toEqual(Object.keys(JOB_PAYLOADS).sort());
  });

  test('every notice to a person has a dead-letter record; the records and chat posts of other kinds keep their own, and installing the app or a feed item (no notice of their own) leave none', () => {
    const record = async () => undefined;
    const dead = messageDeadLetterHandlers({
      checkIns: { recordUndeliveredPrompt: record, recordUndeliveredChase: record },
      concerns: { recordUndelivered: record },
      signals: { recordUndelivered: record },
      meetings: { recordUndeliveredReminder: record },
      planNotReceived: { recordUndelivered: record },
      welcomes: { recordUndelivered: record },
      institutionTasks: { recordUndelivered: record },
      undelivered: { recordUndelivered: record },
      agencyReports: { recordUndelivered: record },
      conferencePacks: { recordUndelivered: record },
      minutesReturned: { recordUndelivered: record },
    });
    const ownRecords = [MINUTES_DELIVERY_JOB, PLAN_DELIVERY_JOB, CP9_JOB, MEETING_AGENDA_JOB, APP_INSTALL_JOB, ACTIVITY_FEED_JOB];
    expect(Object.keys(dead).sort()).toEqual(Object.keys(JOB_PAYLOADS).filter((kind) => !ownRecords.includes(kind)).sort());
  });

  test('a dead letter handler is given the dead job, to key its record and its alert', async () => {
    const seen: unknown[] = [];
    const dead = messageDeadLetterHandlers({ welcomes: { recordUndelivered: async (payload, deadJob) => void seen.push([payload, deadJob.id]) } });
    const payload = { tenantId: 't', coreGroupId: randomUUID(), memberId: randomUUID() };
    await dead[MEMBER_WELCOME_JOB]!(payload, job);
    expect(seen).toEqual([[payload, 'job']]);
  });

  test('hand the service the payload as its schema parsed it', async () => {
    const seen: CheckInPromptJob[] = [];
    const handlers = messageJobHandlers({ checkIns: { prompt: async (payload) => void seen.push(payload), chase: async () => undefined } });
    await handlers[CHECK_IN_PROMPT_JOB]!({ ...prompt, extra: 'dropped' }, job);
    expect(seen).toEqual([prompt]);
  });

  test('a stored payload that does not match its kind’s schema fails the attempt; the service never sees it', async () => {
    const delivered: unknown[] = [];
    const handlers = messageJobHandlers({ minutes: { deliver: async (payload) => void delivered.push(payload) } });
    await expect(handlers[MINUTES_DELIVERY_JOB]!({ tenantId: 't', meetingId: 'not-a-uuid', minutesId: randomUUID(), minutesVersion: 0, memberId: 'm' }, job)).rejects.toThrow();
    expect(delivered).toEqual([]);
  });
});
