import { randomUUID } from 'node:crypto';
import { languageRouter } from '../../src/server/language.route';
import { createDocumentLanguages } from '../../src/services/document-language.service';
import { createLanguageChoices } from '../../src/services/language-choice.service';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Temporal } from 'temporal-polyfill';
import { TAB_API, type TabApiRoute, type TabApiRouteKey } from '../../src/contracts/tab-api.contract';
import { renderDocx } from '../../src/export/docx-renderer';
import { renderPdf } from '../../src/export/pdf-renderer';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { type DevSignIn, createDevSignIn } from '../../src/local/dev-sign-in.issuer';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { exportRouter } from '../../src/server/export.route';
import { createHttpApp } from '../../src/server/http-app';
import { createLogger } from '../../src/server/logger';
import { minutesRouter } from '../../src/server/minutes.route';
import { planCirculationRouter } from '../../src/server/plan-circulation.route';
import { seriesRouter } from '../../src/server/series.route';
import { createSchedulingService } from '../../src/services/scheduling.service';
import { createCaseStatusService } from '../../src/services/case-status.service';
import { createDashboard } from '../../src/services/dashboard.service';
import { createMinutesDistribution } from '../../src/services/minutes-distribution.service';
import { createFamilyVersions } from '../../src/services/family-version.service';
import { familyVersionRouter } from '../../src/server/family-version.route';
import { createMinutesService } from '../../src/services/minutes.service';
import { createPlanCirculation } from '../../src/services/plan-circulation.service';
import type { Clock } from '../../src/services/ports/clock.port';
import { createRecordExport } from '../../src/services/record-export.service';
import { createRecordPack } from '../../src/services/record-pack.service';
import { createInstitutionTasks } from '../../src/services/institution-tasks.service';
import { agencyReportsRouter } from '../../src/server/agency-reports.route';
import { createAgencyReports } from '../../src/services/agency-reports/agency-reports.service';
import { createConferencePack } from '../../src/services/conference-pack/conference-pack.service';
import { institutionTasksRouter } from '../../src/server/institution-tasks.route';
import { concernsRouter } from '../../src/server/concerns.route';
import { createConcernDecisions } from '../../src/services/concerns/concern-decisions.service';
import { type TestDatabase, demoDatabase } from '../support/databases';
import { attack } from './support/attack';
import { calendarWithNoSeries } from '../support/graph';

const clock: Clock = { nowIso: () => '2026-06-08T11:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-08') };
const CHAT_ID = '19:meeting_edge-not-found@thread.v2';

/** A body each route takes, so that what is compared is the answer about the id and nothing else. */
const BODIES: Partial<Record<TabApiRouteKey, unknown>> = {
  'PATCH /api/meetings/:meetingId/minutes': { baseVersion: 1, section: 'childsVoice', value: 'x' },
  'POST /api/meetings/:meetingId/minutes/contributions/:contributionId': { decision: 'drop' },
  'PUT /api/meetings/:meetingId/roles': { chairMemberId: 'a', minuteTakerMemberId: 'b' },
  'POST /api/meetings/:meetingId/minutes/sign-off': { as: 'chair' },
  'POST /api/meetings/:meetingId/outcome': { happened: true },
  'POST /api/core-groups/:coreGroupId/review-conferences': { date: '2026-07-07' },
  'POST /api/core-groups/:coreGroupId/transfer-out': { on: '2026-06-08', to: 'Leeds' },
  'POST /api/core-groups/:coreGroupId/institution-tasks': { person: 'father', kind: 'prison', institution: 'HMP Leeds' },
  'POST /api/institution-tasks/:taskId/letter-sent': { on: '2026-06-08' },
  'POST /api/concerns/:concernId/decisions': { decision: 'acknowledge', requestId: '00000000-0000-4000-8000-00000000c0c0' },
  'PUT /api/core-groups/:coreGroupId/plan': { baseVersion: 1, reason: 'a reason', outcomes: [], actions: [], contingencyPlan: '', resources: '', monitoring: '' },
  'POST /api/core-groups/:coreGroupId/review-conferences/held': { heldOn: '2026-06-08', outcome: 'continue', chairName: 'A chair' },
  'POST /api/meetings/:meetingId/minutes/amend': { reason: 'a reason' },
  'POST /api/meetings/:meetingId/minutes/return': { comments: 'a comment' },
  'POST /api/meetings/:meetingId/minutes/distribute': { listHash: '0'.repeat(64) },
  'PUT /api/meetings/:meetingId/family-version': { baseVersion: 0, summary: 'a summary', items: [] },
  'POST /api/meetings/:meetingId/family-version/sign-off': { version: 0 },
  'POST /api/meetings/:meetingId/series/move': { date: '2026-07-07', time: '10:00' },
  'POST /api/meetings/:meetingId/series/cancel': { reason: 'a reason' },
  'PUT /api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/agency-reports/mine': {
    baseVersion: 0,
    content: { worries: '', workingWell: '', needsToHappen: '', scaling: null, scalingReasons: '', childsViews: '', actionProgress: [] },
  },
  'POST /api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/agency-reports/mine/submit': { version: 1 },
  'PUT /api/core-groups/:coreGroupId/document-language': { language: 'cy' },
};

/** A review conference and a report id: not the caller's to guess, the same on both sides. */
const REVIEW_ID = randomUUID();
const REPORT_ID = randomUUID();

/** Every route of the tab API that takes an id: in its path, or the chat id of GET /api/meetings/current. */
const ROUTES_WITH_IDS = (Object.entries(TAB_API) as [TabApiRouteKey, TabApiRoute][]).filter(([, route]) => route.params !== undefined || route.query !== undefined).map(([key]) => key);

/**
 * The path of a route for the ids given: the meeting, the core group, the chat (the other ids a
 * path takes are not the caller's to guess, and are the same on both sides).
 */
function pathOf(key: TabApiRouteKey, ids: { meetingId: string; coreGroupId: string; chatId: string; taskId: string; concernId: string }): string {
  const template = key.split(' ')[1]!;
  if (template === '/api/meetings/current') return `${template}?chatId=${encodeURIComponent(ids.chatId)}`;
  if (template.endsWith('/record-pack')) return `${template.replace(':coreGroupId', ids.coreGroupId)}?format=pdf`;
  return template.replace(':meetingId', ids.meetingId).replace(':coreGroupId', ids.coreGroupId).replace(':taskId', ids.taskId).replace(':concernId', ids.concernId).replace(':contributionId', 'contribution-1').replace(':format', 'pdf').replace(':reviewConferenceId', REVIEW_ID).replace(':reportId', REPORT_ID);
}

describe('a missing id and another core group’s id answer alike', () => {
  let database: TestDatabase;
  let server: Server;
  let base: string;
  let devSignIn: DevSignIn;
  let demo: { meetingId: string; coreGroupId: string; chatId: string; taskId: string; concernId: string };

  beforeAll(async () => {
    let store: Awaited<ReturnType<typeof demoDatabase>>['store'];
    let calendars: Awaited<ReturnType<typeof demoDatabase>>['calendars'];
    let coreGroupId: string;
    ({ database, store, calendars, coreGroupId } = await demoDatabase(clock));
    const meetingId = randomUUID();
    await store.meetings.create({ id: meetingId, coreGroupId, date: Temporal.PlainDate.from('2026-06-08'), status: 'scheduled', booking: { organiser: 'priya.shah@demo.example', eventId: 'event-1', chatId: CHAT_ID } });
    // A letter to an institution still to write in the demo group, for the route that names a task.
    const lead = (await store.coreGroups.findMember(coreGroupId, demoObjectId('lead')))!;
    const taskId = randomUUID();
    await store.institutionTasks.record({ id: taskId, coreGroupId, person: 'father', kind: 'prison', institution: 'HMP Leeds', recordedByMemberId: lead.id, recordedAt: clock.nowIso() });
    // And an open concern in it, for the routes that name a concern.
    const concernId = randomUUID();
    await store.concerns.raise({ id: concernId, coreGroupId, kind: 'increased-risk', raisedByMemberId: lead.id, step: 0, status: 'open', raisedAt: clock.nowIso(), stepStartedAt: clock.nowIso(), note: 'A new bruise' }, `edge:${concernId}`);
    demo = { meetingId, coreGroupId, chatId: CHAT_ID, taskId, concernId };
    await store.coreGroups.create(
      { id: randomUUID(), caseReference: 'OTHER-1', childName: 'Someone Else', tenantId: DEMO_TENANT_ID, policyId: 'england', icpcDate: Temporal.PlainDate.from('2026-05-27'), createdAt: clock.nowIso() },
      [{ id: randomUUID(), displayName: 'Other Lead', role: 'lead-social-worker', agency: "children's social care", aadObjectId: demoObjectId('otherlsw'), reach: 'tenant', active: true }],
    );
    const deps = { ...store, clock, calendars, policy: (id: string) => loadPolicyCatalogue().get(id) };
    const minutes = createMinutesService(deps);
    // The demo meeting has draft minutes, so that every route finds something there to refuse.
    await minutes.view({ caller: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('lead') }, meetingId });
    devSignIn = await createDevSignIn([DEMO_TENANT_ID]);
    const logger = createLogger({ level: 'silent' });
    const exports = createRecordExport({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } });
    const routers = [
      minutesRouter({ service: minutes, distribution: createMinutesDistribution(deps), dashboard: createDashboard({ calendars: deps.calendars, policy: deps.policy, concerns: deps.concerns, noticeDeliveries: deps.noticeDeliveries, coreGroups: deps.coreGroups, status: createCaseStatusService({ ...deps, calendar: calendarWithNoSeries }), clock }), verifier: devSignIn.verifier, logger }),
      institutionTasksRouter({ tasks: createInstitutionTasks(deps), verifier: devSignIn.verifier, logger }),
      agencyReportsRouter({ reports: createAgencyReports(deps), packs: createConferencePack({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } }), verifier: devSignIn.verifier, logger }),
      familyVersionRouter({ familyVersions: createFamilyVersions({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } }), verifier: devSignIn.verifier, logger }),
      concernsRouter({ decisions: createConcernDecisions(deps), verifier: devSignIn.verifier, logger }),
      exportRouter({ exports, recordPack: createRecordPack({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } }), verifier: devSignIn.verifier, logger }),
      languageRouter({ choices: createLanguageChoices(deps), documents: createDocumentLanguages(deps), verifier: devSignIn.verifier, logger }),
      planCirculationRouter({ circulation: createPlanCirculation({ ...deps, cp9CoordinatorMailbox: 'cp9.coordinator@council.example' }), verifier: devSignIn.verifier, logger }),
      // Only the lookup and the authorisation are reached: nobody here may move anything.
      seriesRouter({ scheduling: createSchedulingService({ ...deps, calendar: calendarWithNoSeries as never, agenda: undefined as never, teamsAppId: 'teams-app' }), verifier: devSignIn.verifier, logger }),
    ];
    server = createHttpApp({ logger, version: 'test', health: { checkDatabase: async () => undefined }, routers }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await database.drop();
  });

  const call = async (key: TabApiRouteKey, path: string, aadObjectId: string) => {
    const token = await devSignIn.issue({ tenantId: DEMO_TENANT_ID, aadObjectId, name: 'Someone' });
    const body = BODIES[key];
    const response = await fetch(`${base}${path}`, { method: key.split(' ')[0], headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return { status: response.status, body: await response.text() };
  };

  test('the routes compared are every route of the tab API with an id', () => {
    expect(ROUTES_WITH_IDS).toHaveLength(48);
  });

  for (const key of ROUTES_WITH_IDS) {
    attack(`404 vs 403: ${key} answers a non-member for another core group's id exactly as for an id that does not exist`, async () => {
      const outsider = demoObjectId('otherlsw');
      const missing = await call(key, pathOf(key, { meetingId: randomUUID(), coreGroupId: randomUUID(), chatId: '19:meeting_nothing@thread.v2', taskId: randomUUID(), concernId: randomUUID() }), outsider);
      const forbidden = await call(key, pathOf(key, demo), outsider);
      expect(forbidden).toEqual(missing);
      expect(missing.status).toBe(404);
      expect(missing.body).not.toMatch(/DEMO-0001|Riley/);
    });
  }

  test('a member whose role does not allow something is still told so (403): they know the core group', async () => {
    const answer = await call('POST /api/meetings/:meetingId/minutes/sign-off', pathOf('POST /api/meetings/:meetingId/minutes/sign-off', demo), demoObjectId('school'));
    expect(answer.status).toBe(403);
  });
});
