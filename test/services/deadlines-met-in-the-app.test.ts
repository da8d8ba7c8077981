import { randomUUID } from 'node:crypto';
import { type CivilDate, isAfter, parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { minutesRecipients } from '../../src/domain/minutes';
import { computeObligations } from '../../src/domain/obligations';
import { messageJobHandlers } from '../../src/jobs/job-handlers';
import { createJobRunner } from '../../src/jobs/job-runner';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createMinutesDistribution } from '../../src/services/minutes-distribution.service';
import { createMinutesService } from '../../src/services/minutes.service';
import { createCp9Mail } from '../../src/services/notifications/cp9-mail.service';
import { createPlanDelivery } from '../../src/services/notifications/plan-delivery.service';
import { createPlanCirculation } from '../../src/services/plan-circulation.service';
import type { Clock } from '../../src/services/ports/clock.port';
import { createReviewConferenceService } from '../../src/services/review-conferences.service';
import { createSignalWatch } from '../../src/services/signal-watch.service';
import { aPlan } from '../support/fixtures';
import { recordingNotifier } from './notifications/recording-notifier';
import { createStore } from '../../src/store/store';
import { type TestDatabase, migratedDatabase } from '../support/databases';

let now = '2026-06-01T08:00:00.000Z';
const clock: Clock = { nowIso: () => now, today: () => parseCivilDate(now.slice(0, 10)) };
const caller = (key: string) => ({ tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId(key) });
const member = (key: string, role: CoreGroupMember['role'], agency: string): CoreGroupMember => ({ id: randomUUID(), displayName: key, role, agency, aadObjectId: demoObjectId(key), reach: 'tenant', active: true });

/**
 * The done-when of issue 13: a case whose every deadline is met through the app — meetings held
 * and confirmed with attendance, minutes signed and circulated, the plan circulated and the CP9
 * sent where the profile asks for them, the review conference recorded —
 * gets no missed-deadline notice from the hourly watch on any day.
 */
describe('deadlines met in the app are never reported missed', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await migratedDatabase('sqlite');
  });
  afterAll(() => database.drop());

  // England sets no plan or CP9 deadline (the plan is circulated all the same); seed 001 sets both.
  test.each(['england', 'plan-in-five-working-days-cp9-in-seven-days'])('on %s, from the ICPC through a review conference, each day watched: no deadline-missed signal', async (policyId) => {
    now = '2026-06-01T08:00:00.000Z';
    const store = createStore(database);
    const calendars = loadWorkingDayCalendars();
    const catalogue = loadPolicyCatalogue();
    const { rules } = catalogue.get(policyId);
    const sendsCp9 = rules.cp9ToCoordinator !== undefined;
    /** The deadlines after a meeting this profile sets, each met once the app has done its part. */
    const metAfterEachMeeting = [...(rules.planCirculation ? [['plan-circulation', 'met']] : []), ...(sendsCp9 ? [['cp9', 'met']] : [])];
    const deps = { ...store, clock, calendars, policy: (id: string) => catalogue.get(id) };
    const members = [member('lead', 'lead-social-worker', "children's social care"), member('manager', 'team-manager', "children's social care"), member('health', 'professional', 'health visiting'), member('iro', 'conference-chair', 'safeguarding unit')];
    const coreGroupId = randomUUID();
    await store.coreGroups.create({ id: coreGroupId, caseReference: `LIFE-${policyId}`, childName: 'Invented Child', tenantId: DEMO_TENANT_ID, policyId, icpcDate: parseCivilDate('2026-06-01'), createdAt: now }, members);
    await store.plans.saveRevision({ plan: aPlan(coreGroupId, members[2]!.id), authorMemberId: members[0]!.id, reason: 'Outline plan from the ICPC', changes: [] }, now);
    const minutes = createMinutesService(deps);
    const distribution = createMinutesDistribution(deps);
    const circulation = createPlanCirculation({ ...deps, cp9CoordinatorMailbox: 'cp9.coordinator@council.example' });
    const cp9 = { file: async () => ({ file: Buffer.from('%PDF'), fileName: 'cp9.pdf', language: 'en' as const }) };
    const mailer = { sendMail: async () => undefined };
    const exports = { planFile: async () => ({ file: Buffer.from('%PDF'), fileName: 'plan.pdf', language: 'en' as const }), familyPlanFile: async () => ({ file: Buffer.from('%PDF'), fileName: 'plan.pdf', language: 'en' as const }) };
    const handlers = messageJobHandlers({ plans: createPlanDelivery({ circulation, exports, notifier: recordingNotifier().notifier, mailer }), cp9: createCp9Mail({ circulation, cp9, mailer, organiserMailbox: 'organiser@council.example' }) });
    const jobs = createJobRunner({ queue: store.jobs, handlers, workerId: 'test', clock });
    // No meeting here is booked in Outlook: a plan ending would find no series to cancel.
    const reviews = createReviewConferenceService({ ...deps, scheduling: { endSeriesAfter: async () => 0 } });
    const watch = createSignalWatch(deps);

    /** A core group held at 10:00 on the day, confirmed with attendance, its minutes signed and sent to everyone the same day. */
    const holdCoreGroup = async (date: CivilDate) => {
      const meetingId = randomUUID();
      await store.meetings.create({ id: meetingId, coreGroupId, date, status: 'scheduled', startsAt: `${date.toString()}T09:00:00.000Z`, endsAt: `${date.toString()}T10:00:00.000Z` });
      now = `${date.toString()}T11:00:00.000Z`;
      const { minutes: draft } = await minutes.view({ caller: caller('lead'), meetingId });
      const attendance = draft.content.attendance.map((entry) => ({ ...entry, attendance: 'present' as const }));
      await minutes.saveSection({ caller: caller('lead'), meetingId, baseVersion: draft.version, section: 'attendance', value: attendance });
      await minutes.signOff({ caller: caller('lead'), meetingId, as: 'chair' });
      await minutes.signOff({ caller: caller('manager'), meetingId, as: 'team-manager' });
      await distribution.distribute(caller('lead'), meetingId, { listHash: (await distribution.recipients(caller('lead'), meetingId)).listHash });
      const signed = (await store.minutes.findByMeeting(meetingId))!;
      for (const recipient of minutesRecipients(await store.coreGroups.members(coreGroupId), signed.content.sharing)) {
        await distribution.recordOutcome({ tenantId: DEMO_TENANT_ID, meetingId, minutesId: signed.id, minutesVersion: signed.version, memberId: recipient.id }, { channel: 'teams', outcome: 'sent' });
      }
      expect((await store.meetings.findById(meetingId))!.status).toBe('held');
      await circulation.circulate(caller('lead'), meetingId);
      if (sendsCp9) await circulation.sendCp9(caller('lead'), meetingId);
      while ((await jobs.runOnce()) > 0);
      const obligations = computeObligations({ profile: catalogue.get(policyId), calendar: calendars['england-and-wales'], timeline: await store.meetings.loadCaseTimeline(coreGroupId), asOf: date });
      const afterThisMeeting = obligations.filter((obligation) => obligation.id.endsWith(meetingId)).map((obligation) => [obligation.kind, obligation.status]);
      expect(afterThisMeeting.filter(([kind]) => kind !== 'minutes-circulation')).toEqual(metAfterEachMeeting);
    };

    const coreGroups = ['2026-06-12', '2026-07-10', '2026-08-07', '2026-09-04'].map((date) => parseCivilDate(date));
    const review = parseCivilDate('2026-08-27');
    const missed: string[] = [];
    for (let day = parseCivilDate('2026-06-01'); !isAfter(day, parseCivilDate('2026-09-30')); day = day.add({ days: 1 })) {
      if (day.equals(parseCivilDate('2026-07-01'))) {
        now = `${day.toString()}T09:00:00.000Z`;
        await reviews.book(caller('lead'), coreGroupId, review);
      }
      if (coreGroups.some((date) => date.equals(day))) await holdCoreGroup(day);
      if (day.equals(review)) {
        now = `${day.toString()}T15:00:00.000Z`;
        await reviews.recordHeld(caller('iro'), coreGroupId, { heldOn: day, outcome: 'continue', chairName: 'Helen Moss' });
      }
      now = `${day.toString()}T17:00:00.000Z`;
      const { signals } = await watch.watch(coreGroupId);
      missed.push(...signals.filter((signal) => signal.kind === 'deadline-missed').map((signal) => `${day.toString()}: ${signal.subjectId}`));
    }
    expect(missed).toEqual([]);
  }, 60_000);
});
