import { createMeetingStage } from '../../src/services/meeting-stage.service';
import { stageRouter } from '../../src/server/stage.route';
import { languageRouter } from '../../src/server/language.route';
import { createDocumentLanguages } from '../../src/services/document-language.service';
import { createLanguageChoices } from '../../src/services/language-choice.service';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { Temporal } from 'temporal-polyfill';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { createMinutesService } from '../../src/services/minutes.service';
import type { Clock } from '../../src/services/ports/clock.port';
import { createHttpApp } from '../../src/server/http-app';
import { createLogger } from '../../src/server/logger';
import { minutesRouter } from '../../src/server/minutes.route';
import { exportRouter } from '../../src/server/export.route';
import { familyVersionRouter } from '../../src/server/family-version.route';
import { teamRouter } from '../../src/server/team.route';
import { seriesRouter } from '../../src/server/series.route';
import { reviewConferencesRouter } from '../../src/server/review-conferences.route';
import { planRouter } from '../../src/server/plan.route';
import { createPlanEditor } from '../../src/services/plan-editor.service';
import { createReviewConferenceService } from '../../src/services/review-conferences.service';
import { createTransferService } from '../../src/services/transfer.service';
import { createInstitutionTasks } from '../../src/services/institution-tasks.service';
import { concernsRouter } from '../../src/server/concerns.route';
import { createConcernDecisions } from '../../src/services/concerns/concern-decisions.service';
import { institutionTasksRouter } from '../../src/server/institution-tasks.route';
import { agencyReportsRouter } from '../../src/server/agency-reports.route';
import { createAgencyReports } from '../../src/services/agency-reports/agency-reports.service';
import { createConferencePack } from '../../src/services/conference-pack/conference-pack.service';
import { filingRouter } from '../../src/server/filing.route';
import { outlookEventResponseSchema } from '../../src/contracts/filing.contract';
import { createFiling } from '../../src/services/filing/filing.service';
import { calendarEventDetails } from '../../src/services/filing/calendar-event';
import { createSchedulingService } from '../../src/services/scheduling.service';
import { createMeetingEventsService } from '../../src/services/meeting-events.service';
import { createTeamView } from '../../src/services/team-view.service';
import { renderDocx } from '../../src/export/docx-renderer';
import { renderPdf } from '../../src/export/pdf-renderer';
import { createRecordExport } from '../../src/services/record-export.service';
import { createRecordPack } from '../../src/services/record-pack.service';
import { docxText, pdfText } from '../support/documents';
import { messageJobHandlers } from '../../src/jobs/job-handlers';
import { createMinutesDelivery } from '../../src/services/notifications/minutes-delivery.service';
import { createPlanDelivery } from '../../src/services/notifications/plan-delivery.service';
import { createPlanCirculation } from '../../src/services/plan-circulation.service';
import { planCirculationRouter } from '../../src/server/plan-circulation.route';
import { demoOrganisation } from '../../src/local/demo/demo-organisation.seed';
import type { GraphSimulator } from '../../src/local/graph-simulator/graph-simulator.server';
import { type JobRunner, createJobRunner } from '../../src/jobs/job-runner';
import { createMinutesDistribution } from '../../src/services/minutes-distribution.service';
import { createFamilyVersions } from '../../src/services/family-version.service';
import { createDashboard } from '../../src/services/dashboard.service';
import { createCaseStatusService } from '../../src/services/case-status.service';
import { demoPeopleInTeams, localNotifier, startChannelStandIn } from '../support/bot-channel';
import { simulatedGraph } from '../support/graph';
import { createTabTokenVerifier } from '../../src/server/tab-auth';
import type { Store } from '../../src/store/store';
import { type TestDatabase, demoDatabase } from '../support/databases';
import { tabApiContractChecker } from '../support/tab-api-contract';
import { addContribution } from '../../src/domain/minutes';

const clock: Clock = { nowIso: () => '2026-06-08T11:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-08') };
const AUDIENCE = 'api://coregroup.example.org/33333333-4444-4555-8666-777777777777';
const OTHER_TENANT = '99999999-9999-4999-8999-999999999999';

describe('the minutes API with Teams SSO tokens', () => {
  let database: TestDatabase;
  let store: Store;
  let server: Server;
  let base: string;
  let meetingId: string;
  let firstMeetingId: string;
  let otherCoreGroupId: string;
  let channel: Awaited<ReturnType<typeof startChannelStandIn>>;
  let simulator: GraphSimulator;
  let jobs: JobRunner;
  let mailer: Awaited<ReturnType<typeof simulatedGraph>>['calendar'];
  let demoCoreGroupId: string;
  let sign: (claims: Record<string, unknown>, options?: { audience?: string; issuer?: string; expiresIn?: string | number; stranger?: boolean }) => Promise<string>;
  const lead = demoObjectId('lead');
  const manager = demoObjectId('manager');
  const health = demoObjectId('health');
  const otherLead = demoObjectId('otherlsw');
  const iro = demoObjectId('iro');

  beforeAll(async () => {
    let calendars: Awaited<ReturnType<typeof demoDatabase>>['calendars'];
    let coreGroupId: string;
    ({ database, store, calendars, coreGroupId } = await demoDatabase(clock));
    demoCoreGroupId = coreGroupId;
    meetingId = randomUUID();
    // The first core group was held on 3 June (chaired, as the profile says, by the team manager): the lead social worker chairs the later ones.
    firstMeetingId = randomUUID();
    await store.meetings.create({ id: firstMeetingId, coreGroupId, date: Temporal.PlainDate.from('2026-06-03'), status: 'held', startsAt: '2026-06-03T09:00:00Z', endsAt: '2026-06-03T10:30:00Z' });
    await store.meetings.create({ id: meetingId, coreGroupId, date: Temporal.PlainDate.from('2026-06-08'), status: 'scheduled', startsAt: '2026-06-08T09:00:00Z', endsAt: '2026-06-08T10:30:00Z' });
    const other = randomUUID();
    otherCoreGroupId = other;
    await store.coreGroups.create(
      { id: other, caseReference: 'OTHER-1', childName: 'Someone Else', tenantId: DEMO_TENANT_ID, policyId: 'england', icpcDate: Temporal.PlainDate.from('2026-05-27'), createdAt: clock.nowIso() },
      [{ id: randomUUID(), displayName: 'Other Lead', role: 'lead-social-worker', agency: "children's social care", aadObjectId: otherLead, reach: 'tenant', active: true }],
    );
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const stranger = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'entra', alg: 'RS256' };
    sign = (claims, options = {}) =>
      new SignJWT({ scp: 'access_as_user', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'entra' })
        .setIssuer(options.issuer ?? `https://login.microsoftonline.com/${String(claims.tid)}/v2.0`)
        .setAudience(options.audience ?? AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(options.stranger ? stranger.privateKey : privateKey);
    const verifier = createTabTokenVerifier({ keys: createLocalJWKSet({ keys: [jwk] }), audiences: [AUDIENCE], allowedTenantIds: [DEMO_TENANT_ID] });
    const deps = { ...store, clock, calendars, policy: (id: string) => loadPolicyCatalogue().get(id) };
    const logger = createLogger({ level: 'silent' });
    channel = await startChannelStandIn();
    await demoPeopleInTeams(store, channel.serviceUrl, { at: clock.nowIso(), keys: ['lead', 'manager', 'health'] });
    ({ simulator, calendar: mailer } = await simulatedGraph(demoOrganisation(clock.today())));
    const exports = createRecordExport({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } });
    const distribution = createMinutesDistribution(deps);
    const notifier = localNotifier(store.conversationReferences);
    const circulation = createPlanCirculation({ ...deps, cp9CoordinatorMailbox: 'cp9.coordinator@council.example' });
    const organiserMailbox = 'priya.shah@demo.example';
    jobs = createJobRunner({ queue: store.jobs, handlers: messageJobHandlers({ minutes: createMinutesDelivery({ distribution, exports, familyNotes: createFamilyVersions({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } }), notifier, mailer, organiserMailbox }), plans: createPlanDelivery({ circulation, exports, notifier, mailer, organiserMailbox }) }), workerId: 'test', clock });
    const scheduling = createSchedulingService({ ...deps, calendar: mailer, agenda: createMeetingEventsService(deps), teamsAppId: 'teams-app', organiserMailbox: 'priya.shah@demo.example' });
    const app = createHttpApp({ logger, version: 'test', health: { checkDatabase: async () => undefined }, routers: [familyVersionRouter({ familyVersions: createFamilyVersions({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } }), verifier, logger }), minutesRouter({ service: createMinutesService(deps), distribution, dashboard: createDashboard({ calendars: deps.calendars, policy: deps.policy, concerns: deps.concerns, noticeDeliveries: deps.noticeDeliveries, coreGroups: deps.coreGroups, languages: deps.languages, status: createCaseStatusService({ ...deps, calendar: mailer }), clock }), languages: deps.languages, verifier, logger }), exportRouter({ exports, recordPack: createRecordPack({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } }), verifier, logger }), teamRouter({ team: createTeamView({ ...deps, calendar: mailer }), verifier, logger }), seriesRouter({ scheduling, verifier, logger }), reviewConferencesRouter({ reviews: createReviewConferenceService({ ...deps, scheduling }), transfers: createTransferService({ ...deps, scheduling }), verifier, logger }), institutionTasksRouter({ tasks: createInstitutionTasks(deps), verifier, logger }), agencyReportsRouter({ reports: createAgencyReports(deps), packs: createConferencePack({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } }), verifier, logger }), planRouter({ plans: createPlanEditor(deps), verifier, logger }), stageRouter({ stage: createMeetingStage(deps), verifier, logger }), languageRouter({ choices: createLanguageChoices(deps), documents: createDocumentLanguages(deps), verifier, logger }), planCirculationRouter({ circulation, verifier, logger }), concernsRouter({ decisions: createConcernDecisions(deps), verifier, logger }), filingRouter({ filing: createFiling(deps), eventDetails: (caller, chatId) => calendarEventDetails({ ...deps, calendar: mailer }, caller, chatId), teamsAppId: 'teams-app', verifier, logger })] });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await channel.stop();
    await simulator.stop();
    await database.drop();
  });

  const as = async (aadObjectId: string, tenantId = DEMO_TENANT_ID) => sign({ tid: tenantId, oid: aadObjectId, name: 'Someone' });
  /** Every answer is checked against its route's contract (src/contracts); the last test proves every route and status was. */
  const contract = tabApiContractChecker();
  const call = async (method: string, path: string, token: string | undefined, body?: unknown) => {
    const response = await fetch(`${base}${path}`, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json: unknown = await response.json();
    contract.check({ method, url: path, status: response.status, body: json });
    // The API's JSON, read loosely: each test checks the fields it is about.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: json as Record<string, any> };
  };
  const download = async (path: string, token: string) => {
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const file = Buffer.from(await response.arrayBuffer());
    contract.check({ method: 'GET', url: path, status: response.status, body: response.ok ? undefined : JSON.parse(file.toString('utf8')) });
    return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), file };
  };
  const unsigned = () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`, aud: AUDIENCE, tid: DEMO_TENANT_ID, oid: lead, scp: 'access_as_user', exp: now + 600 })}.`;
  };

  test.each([
    ['missing', async () => undefined],
    ['forged (signed with another key)', async () => sign({ tid: DEMO_TENANT_ID, oid: lead }, { stranger: true })],
    ['unsigned (alg: none)', async () => unsigned()],
    ['expired', async () => sign({ tid: DEMO_TENANT_ID, oid: lead }, { expiresIn: Math.floor(Date.now() / 1000) - 3600 })],
    ['for another audience', async () => sign({ tid: DEMO_TENANT_ID, oid: lead }, { audience: 'api://elsewhere/app' })],
    ['from another issuer', async () => sign({ tid: DEMO_TENANT_ID, oid: lead }, { issuer: 'https://evil.example/v2.0' })],
    ['from a tenant outside the allow-list', async () => sign({ tid: OTHER_TENANT, oid: lead })],
    ['without the access_as_user scope', async () => sign({ tid: DEMO_TENANT_ID, oid: lead, scp: 'User.Read' })],
  ])('a token that is %s gets 401 and no minutes', async (_case, token) => {
    const response = await call('GET', `/api/meetings/${meetingId}/minutes`, await token());
    expect(response.status).toBe(401);
    expect(JSON.stringify(response.body)).not.toContain('DEMO-0001');
  });

  test('the caller is who the token says; their current meeting is the next one booked; a chat that is no meeting is a 404', async () => {
    const me = await call('GET', '/api/me', await as(health));
    expect(me).toMatchObject({ status: 200, body: { tenantId: DEMO_TENANT_ID, aadObjectId: health, name: 'Someone' } });
    expect(await call('GET', '/api/meetings/current', await as(health))).toMatchObject({ status: 200, body: { meetingId } });
    const unknownChat = await call('GET', `/api/meetings/current?chatId=${encodeURIComponent('19:meeting_nothing@thread.v2')}`, await as(health));
    expect(unknownChat.status).toBe(404);
  });

  test('a member reads the minutes of their meeting: sections, plan actions, their permissions, the circulation deadline', async () => {
    const response = await call('GET', `/api/meetings/${meetingId}/minutes`, await as(health));
    expect(response.status).toBe(200);
    expect(response.body.meeting).toMatchObject({ id: meetingId, caseReference: 'DEMO-0001', date: '2026-06-08' });
    expect(response.body.minutes.version).toBe(1);
    expect(response.body.actions.length).toBeGreaterThan(0);
    expect(response.body.you).toMatchObject({ canEdit: false, canSignAsChair: false });
    expect(response.body.circulation.due).toMatch(/^2026-06-1\d$/);
    expect(JSON.stringify(response.body)).not.toContain('Riley');
  });

  test('a member of another core group can neither read nor write this one, and is told what a meeting that does not exist is told', async () => {
    const missing = await call('GET', `/api/meetings/${randomUUID()}/minutes`, await as(otherLead));
    expect(await call('GET', `/api/meetings/${meetingId}/minutes`, await as(otherLead))).toEqual({ status: 404, body: missing.body });
    const write = await call('PATCH', `/api/meetings/${meetingId}/minutes`, await as(otherLead), { baseVersion: 1, section: 'childsVoice', value: 'x' });
    expect(write.status).toBe(404);
    expect((await store.minutes.findByMeeting(meetingId))?.content.childsVoice).toBe('');
  });

  test('a member who is not chair or minute-taker cannot write', async () => {
    expect((await call('PATCH', `/api/meetings/${meetingId}/minutes`, await as(health), { baseVersion: 1, section: 'childsVoice', value: 'x' })).status).toBe(403);
  });

  test("the chair named follows the profile's chair rule: the first core group is chaired by the lead social worker's manager (seed 003)", async () => {
    const members = await store.coreGroups.members(demoCoreGroupId);
    const id = (aad: string) => members.find((member) => member.aadObjectId === aad)!.id;
    const refused = await call('PUT', `/api/meetings/${firstMeetingId}/roles`, await as(lead), { chairMemberId: id(lead), minuteTakerMemberId: id(health) });
    expect([refused.status, refused.body.error.message]).toEqual([422, expect.stringMatching(/^The first core group is chaired by the lead social worker's manager \(Seed 003/)]);
    expect((await call('PUT', `/api/meetings/${firstMeetingId}/roles`, await as(lead), { chairMemberId: id(manager), minuteTakerMemberId: id(health) })).status).toBe(200);

    // The team manager who chaired signs as chair; the team manager's signature must then be another manager's.
    const draft = (await call('GET', `/api/meetings/${firstMeetingId}/minutes`, await as(manager))).body.minutes;
    const attendance = draft.content.attendance.map((entry: { memberId: string }) => ({ ...entry, attendance: 'present' }));
    expect((await call('PATCH', `/api/meetings/${firstMeetingId}/minutes`, await as(manager), { baseVersion: draft.version, section: 'attendance', value: attendance })).status).toBe(200);
    expect((await call('POST', `/api/meetings/${firstMeetingId}/minutes/sign-off`, await as(manager), { as: 'chair' })).status).toBe(200);
    const again = await call('POST', `/api/meetings/${firstMeetingId}/minutes/sign-off`, await as(manager), { as: 'team-manager' });
    expect([again.status, again.body.error.message]).toEqual([422, 'the same person cannot sign as chair and team manager']);
  });

  test('a family member is never chair or minute-taker: the API refuses with the rule, and the view says who may hold the roles', async () => {
    const members = await store.coreGroups.members((await store.meetings.findById(meetingId))!.coreGroupId);
    const lsw = members.find((member) => member.aadObjectId === lead)!;
    const parent = members.find((member) => member.role === 'family-member')!;
    for (const roles of [{ chairMemberId: parent.id, minuteTakerMemberId: lsw.id }, { chairMemberId: lsw.id, minuteTakerMemberId: parent.id }]) {
      const refused = await call('PUT', `/api/meetings/${meetingId}/roles`, await as(lead), roles);
      expect([refused.status, refused.body.error.message]).toEqual([422, 'Only a professional can chair a core group meeting or take its minutes, not a family member or the child; choose someone else.']);
    }
    expect((await store.meetings.findById(meetingId))!.chairMemberId).not.toBe(parent.id);
    const view = (await call('GET', `/api/meetings/${meetingId}/minutes`, await as(lead))).body;
    expect(view.members.filter((member: { mayHoldMeetingRoles: boolean }) => !member.mayHoldMeetingRoles).map((member: { id: string }) => member.id)).toEqual([parent.id]);
  });

  test('the chair cannot also be the minute-taker', async () => {
    const lsw = (await store.coreGroups.members((await store.meetings.findById(meetingId))!.coreGroupId)).find((member) => member.aadObjectId === lead)!;
    const response = await call('PUT', `/api/meetings/${meetingId}/roles`, await as(lead), { chairMemberId: lsw.id, minuteTakerMemberId: lsw.id });
    expect(response.status).toBe(422);
  });

  test('the chair and the minute-taker save sections; the same section changed by both is a conflict that loses nothing', async () => {
    const members = await store.coreGroups.members((await store.meetings.findById(meetingId))!.coreGroupId);
    const id = (aad: string) => members.find((member) => member.aadObjectId === aad)!.id;
    expect((await call('PUT', `/api/meetings/${meetingId}/roles`, await as(lead), { chairMemberId: id(lead), minuteTakerMemberId: id(health) })).status).toBe(200);
    const chair = await as(lead);
    const taker = await as(health);
    const first = await call('PATCH', `/api/meetings/${meetingId}/minutes`, chair, { baseVersion: 1, section: 'childsVoice', value: 'Jordan says school is better' });
    expect(first).toMatchObject({ status: 200, body: { version: 2 } });
    const otherSection = await call('PATCH', `/api/meetings/${meetingId}/minutes`, taker, { baseVersion: 1, section: 'contingencyReview', value: 'Contingency unchanged' });
    expect(otherSection).toMatchObject({ status: 200, body: { version: 3 } });
    expect(otherSection.body.content.childsVoice).toBe('Jordan says school is better');
    const clash = await call('PATCH', `/api/meetings/${meetingId}/minutes`, taker, { baseVersion: 1, section: 'childsVoice', value: 'Mum says things are calmer' });
    expect(clash.status).toBe(409);
    expect(clash.body.current).toMatchObject({ version: 3, content: { childsVoice: 'Jordan says school is better' } });
    // Named: the one who changed this section (the chair), not whoever saved last (the minute-taker's other section).
    expect(clash.body.changedBy).toEqual({ name: 'Priya Shah', at: clock.nowIso() });
    const kept = await call('PATCH', `/api/meetings/${meetingId}/minutes`, taker, { baseVersion: 3, section: 'childsVoice', value: 'Jordan says school is better\nMum says things are calmer' });
    expect(kept).toMatchObject({ status: 200, body: { version: 4 } });
  });

  test('the chair takes a decision from the meeting chat into the minutes; a contribution no longer waiting is a 404', async () => {
    const draft = (await store.minutes.findByMeeting(meetingId))!;
    const contribution = { id: 'activity-decision-1', kind: 'decision' as const, text: 'School to share attendance weekly', memberId: draft.content.attendance[0]!.memberId, at: clock.nowIso() };
    await store.minutes.save(addContribution(draft, contribution), { expectedVersion: draft.version, savedBy: 'test', at: clock.nowIso() });
    const path = `/api/meetings/${meetingId}/minutes/contributions/${contribution.id}`;
    const accepted = await call('POST', path, await as(lead), { decision: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.content.decisions).toContain('School to share attendance weekly');
    expect(accepted.body.content.contributions).toEqual([]);
    expect((await call('POST', path, await as(lead), { decision: 'drop' })).status).toBe(404);
  });

  test('a section that does not fit its schema is a 400 and nothing is saved', async () => {
    const before = (await store.minutes.findByMeeting(meetingId))!.version;
    const response = await call('PATCH', `/api/meetings/${meetingId}/minutes`, await as(lead), { baseVersion: before, section: 'signsOfSafety', value: { worries: '', workingWell: '', needsToHappen: '', scaling: [{ memberId: 'm', score: 11 }] } });
    expect(response.status).toBe(400);
    expect((await store.minutes.findByMeeting(meetingId))!.version).toBe(before);
  });

  test('the sections the review conference reads save and read back: others who attended, written reports, agency updates, the child seen, the recommendation', async () => {
    const members = await store.coreGroups.members((await store.meetings.findById(meetingId))!.coreGroupId);
    const healthVisitor = members.find((member) => member.aadObjectId === health)!;
    const save = async (section: string, value: unknown) => {
      const version = (await store.minutes.findByMeeting(meetingId))!.version;
      return call('PATCH', `/api/meetings/${meetingId}/minutes`, await as(lead), { baseVersion: version, section, value });
    };
    expect((await save('otherAttendees', [{ name: 'Anna Nowak', relationship: 'interpreter', organisation: 'Language Line' }])).status).toBe(200);
    expect((await save('writtenReports', [{ memberId: healthVisitor.id, summary: 'Weight steady; two visits missed' }])).status).toBe(200);
    expect((await save('agencyUpdates', [{ agency: 'school', update: 'Attendance 92% this half term' }])).status).toBe(200);
    expect((await save('childSeen', { seen: 'yes', seenAlone: 'yes', lastSeenOn: '2026-06-04', seenBy: 'the lead social worker', note: 'Seen alone at school' })).status).toBe(200);
    const saved = await save('reviewRecommendation', { outcome: 'continue-with-changes', reasons: 'Attendance is better; the home is not yet safe enough' });
    expect(saved.status).toBe(200);
    expect(saved.body.content).toMatchObject({
      otherAttendees: [{ name: 'Anna Nowak', relationship: 'interpreter', organisation: 'Language Line' }],
      writtenReports: [{ memberId: healthVisitor.id, summary: 'Weight steady; two visits missed' }],
      agencyUpdates: [{ agency: 'school', update: 'Attendance 92% this half term' }],
      childSeen: { seen: 'yes', seenAlone: 'yes', lastSeenOn: '2026-06-04' },
      reviewRecommendation: { outcome: 'continue-with-changes', reasons: 'Attendance is better; the home is not yet safe enough' },
    });
    const before = (await store.minutes.findByMeeting(meetingId))!.version;
    const noReasons = await save('reviewRecommendation', { outcome: 'end', reasons: ' ' });
    expect(noReasons.status).toBe(422);
    expect(noReasons.body.error.message).toMatch(/reasons/);
    const stranger = await save('writtenReports', [{ memberId: randomUUID(), summary: 'from nobody' }]);
    expect(stranger).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/writtenReports\[0\]\.memberId/) } } });
    expect((await save('childSeen', { seen: 'perhaps', seenAlone: 'no', lastSeenOn: null, seenBy: '', note: '' })).status).toBe(400);
    expect((await save('childSeen', { seen: 'yes', seenAlone: 'no', lastSeenOn: '2026-02-30', seenBy: '', note: '' })).status).toBe(400);
    expect((await store.minutes.findByMeeting(meetingId))!.version).toBe(before);
  });

  test('sign-off by the chair adds the new actions to the plan; the team manager signs; signed minutes refuse edits; an amendment is a new version with a reason', async () => {
    const members = await store.coreGroups.members((await store.meetings.findById(meetingId))!.coreGroupId);
    const owner = members.find((member) => member.aadObjectId === health)!;
    const version = (await store.minutes.findByMeeting(meetingId))!.version;
    const newActions = [{ what: 'Health visitor to review sleep routine', ownerMemberId: owner.id, agency: owner.agency, due: '2026-07-01', progressMeasure: 'Sleep diary shared' }];
    expect((await call('PATCH', `/api/meetings/${meetingId}/minutes`, await as(lead), { baseVersion: version, section: 'newActions', value: newActions })).status).toBe(200);
    // The chair's sign-off confirms the meeting took place, with who attended: not before someone is marked present.
    expect((await call('POST', `/api/meetings/${meetingId}/minutes/sign-off`, await as(lead), { as: 'chair' })).body.error.message).toMatch(/nobody is marked present/);
    const draft = (await store.minutes.findByMeeting(meetingId))!;
    const attendance = draft.content.attendance.map((entry, index) => (index < 3 ? { ...entry, attendance: 'present' } : entry));
    expect((await call('PATCH', `/api/meetings/${meetingId}/minutes`, await as(lead), { baseVersion: draft.version, section: 'attendance', value: attendance })).status).toBe(200);
    expect((await call('POST', `/api/meetings/${meetingId}/minutes/sign-off`, await as(manager), { as: 'chair' })).status).toBe(403);
    // Each new action joins the plan under the outcome it serves: chosen before the chair signs.
    expect((await call('POST', `/api/meetings/${meetingId}/minutes/sign-off`, await as(lead), { as: 'chair' })).body.error.message).toBe('New action 1 serves no outcome of the plan: choose the outcome it serves under New actions, then sign.');
    const withAttendance = (await store.minutes.findByMeeting(meetingId))!;
    expect((await call('PATCH', `/api/meetings/${meetingId}/minutes`, await as(lead), { baseVersion: withAttendance.version, section: 'newActions', value: [{ ...newActions[0], outcomeId: 'outcome-home' }] })).status).toBe(200);
    expect((await call('POST', `/api/meetings/${meetingId}/minutes/sign-off`, await as(manager), { as: 'team-manager' })).body.error.message).toMatch(/^The chair signs first/);
    const firstSigned = await call('POST', `/api/meetings/${meetingId}/minutes/sign-off`, await as(lead), { as: 'chair' });
    expect(firstSigned.body.minutes.chairSignOff).toBeDefined();
    // The team manager sends them back with comments: the chair's signature is taken back, and the minutes can be changed again.
    expect((await call('POST', `/api/meetings/${meetingId}/minutes/return`, await as(health), { comments: 'x' })).status).toBe(403);
    expect((await call('POST', `/api/meetings/${meetingId}/minutes/return`, await as(manager), { comments: ' ' })).status).toBe(400);
    const returned = await call('POST', `/api/meetings/${meetingId}/minutes/return`, await as(manager), { comments: 'Say who will tell the school about the new action.' });
    expect(returned.status).toBe(200);
    expect(returned.body.minutes.chairSignOff).toBeUndefined();
    expect(returned.body.minutes.returned).toMatchObject({ comments: 'Say who will tell the school about the new action.', at: clock.nowIso() });
    // The chair (here the lead social worker) is told by a 1:1 notice job; the comments stay in the tab.
    const told = await database.db.selectFrom('jobs').select(['kind', 'payload']).where('kind', '=', 'minutes-returned').execute();
    expect(told.map((row) => JSON.parse(String(row.payload)) as { meetingId: string; returnedAt: string }).filter((payload) => payload.meetingId === meetingId)).toEqual([expect.objectContaining({ meetingId, returnedAt: clock.nowIso() })]);
    expect((await call('POST', `/api/meetings/${meetingId}/minutes/return`, await as(manager), { comments: 'again' })).body.error.message).toBe('Only minutes the chair has signed go back to the chair.');
    const changed = await call('PATCH', `/api/meetings/${meetingId}/minutes`, await as(lead), { baseVersion: returned.body.minutes.version, section: 'decisions', value: ['The lead social worker tells the school about the new action.'] });
    expect(changed.status).toBe(200);
    // Signed by the chair again, and a change after that takes the signature back: locked only once both have signed.
    const resigned = await call('POST', `/api/meetings/${meetingId}/minutes/sign-off`, await as(lead), { as: 'chair' });
    const unsigned = await call('PATCH', `/api/meetings/${meetingId}/minutes`, await as(health), { baseVersion: resigned.body.minutes.version, section: 'childsVoice', value: 'Jordan says school is better' });
    expect(unsigned.status).toBe(200);
    expect((await store.minutes.findByMeeting(meetingId))!.chairSignOff).toBeUndefined();
    const chairSigned = await call('POST', `/api/meetings/${meetingId}/minutes/sign-off`, await as(lead), { as: 'chair' });
    expect(chairSigned.status).toBe(200);
    expect(chairSigned.body.minutes.chairSignOff).toBeDefined();
    expect(chairSigned.body.minutes.returned).toBeDefined();
    const plan = await store.plans.current((await store.meetings.findById(meetingId))!.coreGroupId);
    expect(plan!.actions.filter((action) => action.what === 'Health visitor to review sleep routine')).toEqual([expect.objectContaining({ outcomeId: 'outcome-home' })]);
    expect((await call('POST', `/api/meetings/${meetingId}/minutes/sign-off`, await as(manager), { as: 'team-manager' })).status).toBe(200);
    const signed = (await store.minutes.findByMeeting(meetingId))!;
    expect(signed.returned).toBeUndefined();
    const edit = await call('PATCH', `/api/meetings/${meetingId}/minutes`, await as(lead), { baseVersion: signed.version, section: 'childsVoice', value: 'changed' });
    expect(edit.status).toBe(422);
    const amended = await call('POST', `/api/meetings/${meetingId}/minutes/amend`, await as(lead), { reason: 'Wrong date for the school visit' });
    expect(amended.status).toBe(200);
    expect(amended.body.minutes).toMatchObject({ version: signed.version + 1, amendmentReason: 'Wrong date for the school visit' });
    expect(amended.body.circulation.amendmentToCirculate).toBe(true);
    expect(amended.body.minutes.chairSignOff).toBeUndefined();
    expect((await store.minutes.history(signed.id)).some((entry) => entry.version === signed.version && entry.chairSignOff && entry.managerSignOff)).toBe(true);
  });

  test('the minutes export as DOCX and PDF with their content, the case reference and an audit reference, never the child’s name', async () => {
    const docx = await download(`/api/meetings/${meetingId}/minutes/export.docx`, await as(lead));
    expect(docx.status).toBe(200);
    expect(docx.disposition).toMatch(/attachment; filename="core-group-minutes-DEMO-0001-2026-06-08-v\d+\.docx"/);
    const wordText = await docxText(docx.file);
    expect(wordText).toContain('Jordan says school is better');
    expect(wordText).toContain('Health visitor to review sleep routine');
    expect(wordText).toContain('Case DEMO-0001');
    expect(wordText).toContain('The child protection plan continues, with changes. Attendance is better; the home is not yet safe enough');
    expect(wordText).toContain('Seen since the last meeting: yes; seen alone: yes; last seen on Thu 4 Jun 2026 by the lead social worker.');
    expect(wordText).toContain('Weight steady; two visits missed');
    expect(wordText).toContain('Anna Nowak');
    expect(wordText).not.toContain('Riley');
    const pdf = await download(`/api/meetings/${meetingId}/minutes/export.pdf`, await as(lead));
    expect(pdf.type).toBe('application/pdf');
    const { text, pages } = await pdfText(pdf.file);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Jordan says school is better');
    expect(text).toMatch(/Audit reference CG-[0-9A-F]{8}-V\d+-\d{8}T\d{4}Z/);
    const plan = await download(`/api/core-groups/${(await store.meetings.findById(meetingId))!.coreGroupId}/plan/export.docx`, await as(lead));
    expect(await docxText(plan.file)).toContain('Health visitor to review sleep routine');
    expect((await download(`/api/meetings/${meetingId}/minutes/export.pdf`, await as(health))).status).toBe(403);
  });

  test('the plan editor: the lead social worker adds an outcome and an action under it; the health visitor reads the same version; the exports show it', async () => {
    const path = `/api/core-groups/${demoCoreGroupId}/plan`;
    expect((await call('GET', path, await as(otherLead))).status).toBe(404);
    const read = await call('GET', path, await as(lead));
    expect(read.body).toMatchObject({ caseReference: 'DEMO-0001', canEdit: true });
    expect(JSON.stringify(read.body)).not.toContain('"childName"');
    const plan = read.body;
    const teacher = plan.owners.find((owner: { agency: string }) => owner.agency === 'school');
    const body = {
      baseVersion: plan.version,
      reason: 'Core group of 8 June agreed a school outcome',
      outcomes: [...plan.outcomes, { id: 'school-outcome', text: 'Attends school every day, on time' }],
      actions: [
        ...plan.actions.map((action: Record<string, unknown>) => ({ id: action.id, outcomeId: action.outcomeId, what: action.what, ownerMemberId: action.ownerMemberId, due: action.due, childSeenFrequency: action.childSeenFrequency, progressMeasure: action.progressMeasure, dropped: action.state === 'dropped' })),
        { id: 'school-action', outcomeId: 'school-outcome', what: 'Daily attendance call to the family', ownerMemberId: teacher.id, due: '2026-07-03', childSeenFrequency: 'daily', progressMeasure: 'Attendance above 95%', dropped: false },
      ],
      contingencyPlan: plan.contingencyPlan,
      resources: plan.resources,
      monitoring: 'The school reports attendance weekly to the lead social worker',
    };
    expect((await call('PUT', path, await as(health), body)).status).toBe(403);
    expect((await call('PUT', path, await as(lead), { ...body, actions: body.actions.slice(1) })).status).toBe(422);
    expect((await call('PUT', path, await as(lead), { ...body, reason: '' })).status).toBe(400);
    const saved = await call('PUT', path, await as(lead), body);
    expect(saved.body).toMatchObject({ outcome: 'changed', version: plan.version + 1 });
    // The change log as facts, for the page to word in its reader's language.
    expect(saved.body.history[0]).toMatchObject({ version: plan.version + 1, reason: 'Core group of 8 June agreed a school outcome', changes: [{ kind: 'outcome-added', subject: 'Attends school every day, on time' }, { kind: 'action-added', subject: 'Daily attendance call to the family' }, { kind: 'monitoring-changed' }] });
    expect((await call('PUT', path, await as(lead), body)).body.outcome).toBe('unchanged');
    expect((await call('PUT', path, await as(manager), { ...body, resources: 'Respite' })).status).toBe(409);
    const seen = await call('GET', path, await as(health));
    expect(seen.body).toMatchObject({ version: plan.version + 1, canEdit: false, monitoring: 'The school reports attendance weekly to the lead social worker' });
    expect(seen.body.actions.at(-1)).toMatchObject({ what: 'Daily attendance call to the family', ownerName: expect.stringContaining('(school)'), state: 'not-started', agreedOn: '2026-06-08' });
    const text = await docxText((await download(`${path}/export.docx`, await as(lead))).file);
    expect(text).toContain(`version ${plan.version + 1}`);
    expect(text).toMatch(/Outcome \d: Attends school every day, on time/);
    expect(text).toContain('Daily attendance call to the family');
    expect(text).toContain('The school reports attendance weekly to the lead social worker');
  });

  test('signed minutes are circulated to every member: Teams 1:1 where the bot can reach them, e-mail with the PDF otherwise; the family the family version once signed off; each delivery recorded; the circulation deadline met', async () => {
    const distribute = async (token: string) => {
      const list = await call('GET', `/api/meetings/${meetingId}/minutes/recipients`, token);
      return list.status === 200 ? call('POST', `/api/meetings/${meetingId}/minutes/distribute`, token, { listHash: list.body.listHash }) : list;
    };
    expect((await distribute(await as(lead))).status).toBe(422);
    expect((await call('POST', `/api/meetings/${meetingId}/minutes/sign-off`, await as(lead), { as: 'chair' })).status).toBe(200);
    expect((await call('POST', `/api/meetings/${meetingId}/minutes/sign-off`, await as(manager), { as: 'team-manager' })).status).toBe(200);
    expect((await distribute(await as(demoObjectId('school')))).status).toBe(403);
    const listed = await call('GET', `/api/meetings/${meetingId}/minutes/recipients`, await as(lead));
    const family = (listed.body.entries as { name: string; gets: string; status: string }[]).filter((entry) => entry.gets === 'family-version');
    expect(family.length).toBeGreaterThan(0);
    expect(family.every((entry) => entry.status === 'waiting-for-family-version')).toBe(true);
    const queued = await call('POST', `/api/meetings/${meetingId}/minutes/distribute`, await as(lead), { listHash: listed.body.listHash });
    expect(queued.status).toBe(202);
    expect(queued.body.queued).toBe(queued.body.recipients - family.length);
    channel.sent.splice(0);
    while ((await jobs.runOnce()) > 0);
    const view = await call('GET', `/api/meetings/${meetingId}/minutes`, await as(lead));
    const byMember = new Map((view.body.members as { id: string; name: string }[]).map((member) => [member.id, member.name]));
    const deliveries = (view.body.deliveries as { memberId: string; channel: string; outcome: string }[]).map((delivery) => [byMember.get(delivery.memberId), delivery.channel, delivery.outcome]);
    expect(deliveries).toEqual(expect.arrayContaining([['Priya Shah', 'teams', 'sent'], ['Grace Lindqvist', 'teams', 'sent'], ['Owen Price', 'email', 'sent'], ['Helen Moss', 'email', 'sent']]));
    expect(deliveries.some(([name]) => name === 'Jordan Ellis')).toBe(false);
    expect(deliveries).toHaveLength(queued.body.recipients - family.length);
    expect(view.body.circulation.status).not.toBe('met');
    const prepared = await call('GET', `/api/meetings/${meetingId}/family-version`, await as(lead));
    // What the family version words itself travels as facts (a plan action: what, who, by when, its state), what is left out as codes: the page words both.
    const preparedLines = (prepared.body.sections as { items: { line?: { kind: string } }[] }[]).flatMap((section) => section.items).flatMap((item) => (item.line ? [item.line] : []));
    expect(preparedLines).toContainEqual({ kind: 'plan-action', what: expect.any(String), owner: expect.any(String), due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), state: expect.any(String) });
    expect(prepared.body.leftOut).toEqual(['allAgenciesPresent', 'writtenReports', 'childSeen', 'signsOfSafety.scaling', 'disagreements', 'sharing', 'contributions', 'monitoring']);
    expect(JSON.stringify(prepared.body)).not.toMatch(/, by (Mon|Tue|Wed|Thu|Fri|Sat|Sun) |professional judgement|"title"/);
    const reviewed = await call('PUT', `/api/meetings/${meetingId}/family-version`, await as(lead), { baseVersion: prepared.body.version, summary: 'The meeting agreed things are getting better.', items: [] });
    expect((await call('POST', `/api/meetings/${meetingId}/family-version/sign-off`, await as(lead), { version: reviewed.body.version })).status).toBe(200);
    const stale = await call('POST', `/api/meetings/${meetingId}/minutes/distribute`, await as(lead), { listHash: listed.body.listHash });
    expect(stale.status).toBe(409);
    expect(stale.body.current.entries.filter((entry: { status: string }) => entry.status === 'to-send')).toHaveLength(family.length);
    const reading = await call('GET', `/api/meetings/${meetingId}/family-version/reading`, await as(lead));
    expect(reading.body.summary).toBe('The meeting agreed things are getting better.');
    expect(reading.body.sections.flatMap((section: { lines: { line?: { kind: string } }[] }) => section.lines)).toContainEqual({ line: expect.objectContaining({ kind: 'plan-action' }) });
    const englishNotes = await download(`/api/meetings/${meetingId}/family-version/export.pdf`, await as(lead));
    expect(englishNotes.type).toBe('application/pdf');
    // The family's document words the prepared lines in its language: English here, Welsh below.
    expect((await pdfText(englishNotes.file)).text.replace(/\s+/g, ' ')).toMatch(/ — .+, by (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} \w{3} \d{4} \((not started yet|under way|at risk of not happening in time|held up|done)\)\./);
    expect((await distribute(await as(lead))).body.queued).toBe(family.length);
    while ((await jobs.runOnce()) > 0);
    expect((await call('GET', `/api/meetings/${meetingId}/minutes`, await as(lead))).body.circulation.status).toBe('met');
    expect(channel.sent.filter((request) => request.method === 'POST').every((request) => request.body.summary === 'Core Group: minutes are ready')).toBe(true);
    const mail = simulator.state.sentMail.find((sent) => sent.message.toRecipients?.[0]?.emailAddress?.address === 'owen.price@demo.example')!;
    expect(mail.message.subject).toBe('Core group minutes — case DEMO-0001, meeting of Mon 8 Jun 2026');
    const attachment = (mail.message.attachments as { name: string; contentBytes: string }[])[0]!;
    expect((await pdfText(Buffer.from(attachment.contentBytes, 'base64'))).text).toContain('Jordan says school is better');
    expect(JSON.stringify(simulator.state.sentMail.map((sent) => sent.message.subject))).not.toContain('Riley');
    expect((await distribute(await as(lead))).body.queued).toBe(0);
  });

  test('the dashboard shows the caller’s core groups, their own actions, compliance by month and kind, and the plan timeline', async () => {
    const response = await call('GET', '/api/dashboard', await as(health));
    expect(response.status).toBe(200);
    expect(response.body.coreGroups.map((group: { caseReference: string }) => group.caseReference)).toEqual(['DEMO-0001']);
    expect(response.body.myActions.length).toBeGreaterThan(0);
    expect(response.body.compliance.some((cell: { kind: string; met: number; late: number }) => cell.kind === 'minutes-circulation' && cell.met === 1)).toBe(true);
    expect(response.body.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(expect.arrayContaining(['icpc', 'core-group', 'action-due']));
    const other = await call('GET', '/api/dashboard', await as(otherLead));
    expect(other.body.coreGroups.map((group: { caseReference: string }) => group.caseReference)).toEqual(['OTHER-1']);
    expect(JSON.stringify(other.body)).not.toContain('DEMO-0001');
  });

  test("concerns: the step's people list it and decide; the same request again changes nothing; an outcome is required to resolve; once escalated it is the conference chair's", async () => {
    const coreGroupId = (await store.meetings.findById(meetingId))!.coreGroupId;
    const raisedBy = (await store.coreGroups.findMember(coreGroupId, health))!.id;
    const concernId = randomUUID();
    await store.concerns.raise({ id: concernId, coreGroupId, kind: 'increased-risk', raisedByMemberId: raisedBy, step: 0, status: 'open', raisedAt: clock.nowIso(), stepStartedAt: clock.nowIso(), note: 'A new bruise' }, `api:${concernId}`);
    const listed = await call('GET', '/api/concerns', await as(manager));
    // Codes, not words: the route, who the step goes to (roles), the kind; the page words them.
    expect(listed.body.concerns).toContainEqual(expect.objectContaining({ id: concernId, caseReference: 'DEMO-0001', kind: 'increased-risk', route: 'plan-not-working', step: 1, steps: 2, stepTo: ['lead-social-worker', 'team-manager'], decisions: ['acknowledge', 'resolve', 'escalate'] }));
    expect(Object.keys(listed.body.concerns[0])).not.toEqual(expect.arrayContaining(['label', 'stepDoes']));
    expect((await call('GET', `/api/concerns/${concernId}`, await as(health))).body.concern).toMatchObject({ id: concernId, decisions: [] });
    expect((await call('POST', `/api/concerns/${concernId}/decisions`, await as(manager), { decision: 'resolve', requestId: randomUUID() })).status).toBe(400);
    const requestId = randomUUID();
    const escalated = await call('POST', `/api/concerns/${concernId}/decisions`, await as(manager), { decision: 'escalate', text: 'The chair needs to see this', requestId });
    expect(escalated.body).toMatchObject({ outcome: 'recorded', concern: { step: 2, stepTo: ['conference-chair'], decisions: [] } });
    expect((await call('POST', `/api/concerns/${concernId}/decisions`, await as(manager), { decision: 'escalate', text: 'The chair needs to see this', requestId })).body.outcome).toBe('unchanged');
    expect((await call('GET', `/api/concerns/${concernId}`, await as(demoObjectId('iro')))).body.concern.decisions).toEqual(['acknowledge', 'resolve']);
    expect((await call('GET', `/api/concerns/${concernId}`, await as(otherLead))).status).toBe(404);
    const resolved = await call('POST', `/api/concerns/${concernId}/decisions`, await as(demoObjectId('iro')), { decision: 'resolve', text: 'Early review conference booked', requestId: randomUUID() });
    expect(resolved.body.concern).toMatchObject({ status: 'resolved', history: [expect.objectContaining({ kind: 'escalated', who: 'Tom Okafor', text: 'The chair needs to see this' }), expect.objectContaining({ kind: 'resolved', text: 'Early review conference booked' })] });
  });

  test('the team view lists the groups the caller is team manager or conference chair on, by lead social worker, with counts; a practitioner sees none; the CSV names no child', async () => {
    const coreGroupId = (await store.meetings.findById(meetingId))!.coreGroupId;
    const raisedBy = (await store.coreGroups.findMember(coreGroupId, health))!.id;
    await store.concerns.raise({ id: randomUUID(), coreGroupId, kind: 'professional-disagreement', raisedByMemberId: raisedBy, step: 0, status: 'open', raisedAt: clock.nowIso(), stepStartedAt: clock.nowIso(), note: 'Disagree' }, `team-view:${coreGroupId}`);
    for (const caller of [manager, demoObjectId('iro')]) {
      const team = await call('GET', '/api/team', await as(caller));
      expect(team.status).toBe(200);
      expect(team.body.cases).toEqual([expect.objectContaining({ coreGroupId, caseReference: 'DEMO-0001', leadSocialWorker: 'Priya Shah', openConcerns: 1 })]);
    }
    expect((await call('GET', '/api/team', await as(health))).body).toEqual({ cases: [] });
    expect((await call('GET', '/api/team', await as(otherLead))).body).toEqual({ cases: [] });
    const path = '/api/team/export.csv';
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${await as(manager)}` } });
    const file = Buffer.from(await response.arrayBuffer());
    contract.check({ method: 'GET', url: path, status: response.status, body: undefined });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="core-groups-team-2026-06-08.csv"');
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Lead social worker,Case reference,Overdue,At risk,Due this week,Open concerns,Blocked actions');
    expect(lines[1]).toMatch(/^Priya Shah,DEMO-0001,\d+,\d+,\d+,1,\d+$/);
    expect(file.toString('utf8')).not.toContain('Riley');
    const entries = await store.auditLog.listByCoreGroup(coreGroupId, { limit: 500 });
    expect(entries.some((entry) => entry.action === 'view-compliance' && entry.actor === manager && entry.outcome === 'allowed')).toBe(true);
  });

  test('the dashboard says who may export the plan, so the tab shows Plan DOCX/PDF only to them: the lead social worker yes, a health visitor no', async () => {
    expect((await call('GET', '/api/dashboard', await as(lead))).body.coreGroups[0].canExportPlan).toBe(true);
    expect((await call('GET', '/api/dashboard', await as(health))).body.coreGroups[0].canExportPlan).toBe(false);
  });

  test('every read and write is audited with who, what and which case, never the content', async () => {
    const entries = await store.auditLog.listByCoreGroup((await store.meetings.findById(meetingId))!.coreGroupId, { limit: 500 });
    expect(entries.some((entry) => entry.action === 'edit-minutes' && entry.actor === lead && entry.outcome === 'allowed')).toBe(true);
    expect(entries.some((entry) => entry.action === 'view-minutes-draft' && entry.actor === otherLead && entry.outcome === 'denied')).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('school is better');
  });

  test('the lead social worker moves and cancels booked meetings from the dashboard: in Outlook and on the record, once however often pressed; only on a working day still to come; a professional may not', async () => {
    const organiser = 'priya.shah@demo.example';
    const seriesId = randomUUID();
    const { eventId } = await mailer.createMeeting({ organiser, transactionId: seriesId, subject: 'Core group meeting', bodyText: '', startMs: Date.parse('2026-06-15T09:00:00Z'), endMs: Date.parse('2026-06-15T10:30:00Z'), timeZone: 'Europe/London', attendees: [], recurrence: { every: 4, unit: 'weeks', until: Temporal.PlainDate.from('2026-09-01') } });
    await store.meetings.create({ id: seriesId, coreGroupId: demoCoreGroupId, date: Temporal.PlainDate.from('2026-06-15'), status: 'scheduled', startsAt: '2026-06-15T09:00:00.000Z', endsAt: '2026-06-15T10:30:00.000Z', booking: { organiser, eventId } });
    const move = (token: string, body: unknown) => call('POST', `/api/meetings/${seriesId}/series/move`, token, body);

    expect((await move(await as(health), { date: '2026-06-16', time: '14:30' })).status).toBe(403);
    const saturday = await move(await as(lead), { date: '2026-06-20', time: '14:30' });
    expect([saturday.status, saturday.body.error.message]).toEqual([422, expect.stringContaining('Sat 20 Jun 2026 is not a working day')]);
    expect((await move(await as(lead), { date: '2026-06-01', time: '14:30' })).status).toBe(422);
    expect((await move(await as(lead), { date: '2026-06-16', time: '2:30pm' })).status).toBe(400);

    const moved = await move(await as(lead), { date: '2026-06-16', time: '14:30' });
    // Facts on the wire, for the dashboard to word in its reader's language: where the meeting now starts.
    expect(moved).toEqual({ status: 200, body: { outcome: 'changed', startsAt: '2026-06-16T13:30:00.000Z' } });
    expect(await store.meetings.findById(seriesId)).toMatchObject({ startsAt: '2026-06-16T13:30:00.000Z', date: Temporal.PlainDate.from('2026-06-16') });
    expect((await mailer.occurrences(organiser, eventId, Date.parse('2026-06-01T00:00:00Z'), Date.parse('2026-07-01T00:00:00Z')))[0]!.startMs).toBe(Date.parse('2026-06-16T13:30:00Z'));
    expect((await move(await as(lead), { date: '2026-06-16', time: '14:30' })).body.outcome).toBe('unchanged');

    expect((await call('POST', `/api/meetings/${seriesId}/series/cancel`, await as(manager), { reason: '  ' })).status).toBe(400);
    const cancelled = await call('POST', `/api/meetings/${seriesId}/series/cancel`, await as(manager), { reason: 'The family moved to another area' });
    expect(cancelled.body).toEqual({ outcome: 'changed' });
    expect(await store.meetings.findById(seriesId)).toMatchObject({ status: 'cancelled', cancellationReason: 'The family moved to another area' });
    expect((await call('POST', `/api/meetings/${seriesId}/series/cancel`, await as(manager), { reason: 'Pressed twice' })).body.outcome).toBe('unchanged');
  });

  test('from the dashboard, one meeting moved and then cancelled at its new time is cancelled in Outlook, once; asked for at a time it has left, it is refused (in Welsh too), never said to be cancelled or moved already', async () => {
    const organiser = 'priya.shah@demo.example';
    const seriesId = randomUUID();
    const { eventId } = await mailer.createMeeting({ organiser, transactionId: seriesId, subject: 'Core group meeting', bodyText: '', startMs: Date.parse('2026-06-22T09:00:00Z'), endMs: Date.parse('2026-06-22T10:30:00Z'), timeZone: 'Europe/London', attendees: [], recurrence: { every: 4, unit: 'weeks', until: Temporal.PlainDate.from('2026-09-30') } });
    await store.meetings.create({ id: seriesId, coreGroupId: demoCoreGroupId, date: Temporal.PlainDate.from('2026-06-22'), status: 'scheduled', startsAt: '2026-06-22T09:00:00.000Z', endsAt: '2026-06-22T10:30:00.000Z', booking: { organiser, eventId } });
    const change = async (what: 'move' | 'cancel', body: object) => call('POST', `/api/meetings/${seriesId}/series/${what}`, await as(lead), body);
    const standingAt = async (startMs: number) => (await mailer.occurrences(organiser, eventId, startMs - 60_000, startMs + 60_000)).map((occurrence) => occurrence.startMs);

    expect((await change('move', { date: '2026-06-23', time: '14:30', occurrenceStartsAt: '2026-06-22T09:00:00.000Z' })).body).toEqual({ outcome: 'changed', startsAt: '2026-06-23T13:30:00.000Z' });
    const stale = await change('cancel', { reason: 'Clash', occurrenceStartsAt: '2026-06-22T09:00:00.000Z' });
    expect([stale.status, stale.body.error.message]).toEqual([422, 'That meeting is no longer at Mon 22 Jun 2026, 10:00: it has been moved or cancelled since. Nothing was changed.']);
    const welsh = await fetch(`${base}/api/meetings/${seriesId}/series/cancel`, { method: 'POST', headers: { authorization: `Bearer ${await as(lead)}`, 'content-type': 'application/json', 'accept-language': 'cy-GB' }, body: JSON.stringify({ reason: 'Clash', occurrenceStartsAt: '2026-06-22T09:00:00.000Z' }) });
    expect(((await welsh.json()) as { error: { message: string } }).error.message).toMatch(/^Nid yw'r cyfarfod hwnnw ar .*22 Meh 2026, 10:00 mwyach: mae wedi'i symud neu wedi'i ganslo ers hynny\. Ni newidiwyd dim\.$/);

    expect(await standingAt(Date.parse('2026-06-23T13:30:00Z'))).toEqual([Date.parse('2026-06-23T13:30:00Z')]);
    expect((await change('cancel', { reason: 'Clash', occurrenceStartsAt: '2026-06-23T13:30:00.000Z' })).body).toEqual({ outcome: 'changed' });
    expect((await change('cancel', { reason: 'Clash', occurrenceStartsAt: '2026-06-23T13:30:00.000Z' })).body).toEqual({ outcome: 'unchanged' });
    expect(await standingAt(Date.parse('2026-06-23T13:30:00Z'))).toEqual([]);
    expect(await store.meetings.findById(seriesId)).toMatchObject({ status: 'cancelled', cancellationReason: 'Clash' });
    const cancelledMove = await change('move', { date: '2026-06-24', time: '10:00', occurrenceStartsAt: '2026-06-23T13:30:00.000Z' });
    expect([cancelledMove.status, cancelledMove.body.error.message]).toEqual([422, 'That meeting has been cancelled, so it cannot be moved. Nothing was changed.']);

    // The next one, named by the calendar's id as the dashboard gives it: moved twice, then cancelled once.
    const [next] = await mailer.occurrences(organiser, eventId, Date.parse('2026-07-01T00:00:00Z'), Date.parse('2026-08-01T00:00:00Z'));
    const named = { occurrenceStartsAt: new Date(next!.startMs).toISOString(), occurrenceId: next!.id };
    expect((await change('move', { date: '2026-07-21', time: '11:00', ...named })).body.outcome).toBe('changed');
    expect((await change('move', { date: '2026-07-21', time: '11:00', ...named })).body.outcome).toBe('unchanged');
    const renamed = { occurrenceStartsAt: '2026-07-21T10:00:00.000Z', occurrenceId: next!.id };
    expect((await change('move', { date: '2026-07-22', time: '11:00', ...renamed })).body.outcome).toBe('changed');
    expect((await change('cancel', { reason: 'Clash', ...renamed })).status).toBe(422);
    const now = { occurrenceStartsAt: '2026-07-22T10:00:00.000Z', occurrenceId: next!.id };
    expect((await change('cancel', { reason: 'Clash', ...now })).body).toEqual({ outcome: 'changed' });
    expect((await change('cancel', { reason: 'Clash', ...now })).body).toEqual({ outcome: 'unchanged' });
    expect(await standingAt(Date.parse('2026-07-22T10:00:00Z'))).toEqual([]);
  });

  test('minutes belong to a meeting that happened: nothing signed before its start; held only when confirmed with attendance; one that did not happen is recorded, with why, and meets no deadline', async () => {
    const coreGroupId = demoCoreGroupId;
    const nextWeek = randomUUID();
    await store.meetings.create({ id: nextWeek, coreGroupId, date: Temporal.PlainDate.from('2026-06-15'), status: 'scheduled', startsAt: '2026-06-15T09:00:00.000Z', endsAt: '2026-06-15T10:30:00.000Z' });
    const view = await call('GET', `/api/meetings/${nextWeek}/minutes`, await as(lead));
    expect(view.body.meeting).toMatchObject({ status: 'scheduled', started: false });
    const early = await call('POST', `/api/meetings/${nextWeek}/minutes/sign-off`, await as(lead), { as: 'chair' });
    expect([early.status, early.body.error.message]).toEqual([422, 'The meeting starts on Mon 15 Jun 2026, 10:00; its minutes can be signed once it has taken place.']);
    expect((await call('POST', `/api/meetings/${nextWeek}/outcome`, await as(lead), { happened: true })).status).toBe(422);
    expect((await store.meetings.findById(nextWeek))!.status).toBe('scheduled');

    const thisMorning = randomUUID();
    await store.meetings.create({ id: thisMorning, coreGroupId, date: clock.today(), status: 'scheduled', startsAt: '2026-06-08T08:00:00.000Z', endsAt: '2026-06-08T09:00:00.000Z' });
    const opened = await call('GET', `/api/meetings/${thisMorning}/minutes`, await as(lead));
    expect(opened.body.meeting).toMatchObject({ status: 'scheduled', started: true });
    expect(opened.body.you.canRecordOutcome).toBe(true);
    expect((await call('POST', `/api/meetings/${thisMorning}/outcome`, await as(health), { happened: false, reason: 'x' })).status).toBe(403);
    expect((await call('POST', `/api/meetings/${thisMorning}/outcome`, await as(lead), { happened: true })).body.error.message).toMatch(/nobody is marked present/);
    expect((await call('POST', `/api/meetings/${thisMorning}/outcome`, await as(lead), { happened: false, reason: '' })).status).toBe(400);
    const notHeld = await call('POST', `/api/meetings/${thisMorning}/outcome`, await as(manager), { happened: false, reason: 'The family did not come and the school could not attend' });
    expect(notHeld.status).toBe(200);
    expect(notHeld.body.meeting).toMatchObject({ status: 'not-held', notHeldReason: 'The family did not come and the school could not attend' });
    expect((await call('POST', `/api/meetings/${thisMorning}/outcome`, await as(manager), { happened: false, reason: 'The family did not come and the school could not attend' })).status).toBe(200);
    expect((await call('POST', `/api/meetings/${thisMorning}/outcome`, await as(lead), { happened: true })).body.error.message).toMatch(/did not take place/);
    expect((await call('POST', `/api/meetings/${thisMorning}/minutes/sign-off`, await as(lead), { as: 'chair' })).body.error.message).toBe('This meeting did not take place, so its minutes cannot be signed.');
    const timeline = await store.meetings.loadCaseTimeline(coreGroupId);
    expect(timeline.meetings.find((meeting) => meeting.id === thisMorning)?.status).toBe('not-held');

    const confirmed = randomUUID();
    await store.meetings.create({ id: confirmed, coreGroupId, date: clock.today(), status: 'scheduled', startsAt: '2026-06-08T07:00:00.000Z', endsAt: '2026-06-08T07:45:00.000Z' });
    const draft = (await call('GET', `/api/meetings/${confirmed}/minutes`, await as(lead))).body.minutes;
    const attendance = draft.content.attendance.map((entry: { memberId: string }, index: number) => (index === 0 ? { ...entry, attendance: 'present' } : entry));
    expect((await call('PATCH', `/api/meetings/${confirmed}/minutes`, await as(lead), { baseVersion: draft.version, section: 'attendance', value: attendance })).status).toBe(200);
    const held = await call('POST', `/api/meetings/${confirmed}/outcome`, await as(lead), { happened: true });
    expect(held.body.meeting.status).toBe('held');
    expect((await store.meetings.findById(confirmed))!.status).toBe('held');
  });

  test('a relative in prison: the lead social worker records it, the co-ordinator sees the letter to write and marks it done with the day it went; a professional may not record it', async () => {
    const coordinator = demoObjectId('coordinator');
    await store.coreGroups.addMember(demoCoreGroupId, { id: randomUUID(), displayName: 'Cara Lowe', role: 'coordinator', agency: "children's services", email: 'cara.lowe@demo.example', aadObjectId: coordinator, reach: 'tenant', active: true });
    const path = `/api/core-groups/${demoCoreGroupId}/institution-tasks`;
    const father = { person: 'father', kind: 'prison', institution: 'HMP Leeds' };
    expect((await call('POST', path, await as(health), father)).status).toBe(403);
    expect((await call('POST', path, await as(lead), { ...father, institution: ' ' })).status).toBe(400);
    const recorded = await call('POST', path, await as(lead), father);
    expect(recorded).toMatchObject({ status: 200, body: { outcome: 'changed', task: { caseReference: 'DEMO-0001', person: 'father', kind: 'prison', institution: 'HMP Leeds', recordedOn: '2026-06-08', coordinators: ['Cara Lowe'], canMarkDone: false } } });
    expect((await call('POST', path, await as(lead), father)).body.outcome).toBe('unchanged');
    expect((await call('GET', '/api/dashboard', await as(lead))).body.coreGroups[0].canRecordPersonInInstitution).toBe(true);

    const mine = await call('GET', '/api/institution-tasks', await as(coordinator));
    // Who and where, for the page to word the letter to write in its reader's language.
    expect(mine.body.tasks).toEqual([expect.objectContaining({ id: recorded.body.task.id, canMarkDone: true, person: 'father', kind: 'prison', institution: 'HMP Leeds' })]);
    expect(mine.body.tasks[0]).not.toHaveProperty('task');
    expect((await call('GET', '/api/institution-tasks', await as(health))).body).toEqual({ tasks: [] });
    const sent = `/api/institution-tasks/${recorded.body.task.id}/letter-sent`;
    expect((await call('POST', sent, await as(lead), { on: '2026-06-08' })).status).toBe(403);
    expect((await call('POST', sent, await as(coordinator), { on: '2026-06-09' })).body.error.message).toMatch(/still to come/);
    expect((await call('POST', sent, await as(coordinator), { on: '2026-06-08' })).body).toMatchObject({ outcome: 'changed', task: { letterSentOn: '2026-06-08', canMarkDone: false } });
    expect((await call('GET', '/api/institution-tasks', await as(coordinator))).body).toEqual({ tasks: [] });
    expect((await call('GET', '/api/institution-tasks', await as(lead))).body.tasks).toEqual([expect.objectContaining({ letterSentOn: '2026-06-08' })]);
  });

  test('review conferences: booked, moved and recorded held by the lead social worker, team manager or conference chair; a conference that ends the plan ends its deadlines; a professional reads them only', async () => {
    const path = `/api/core-groups/${demoCoreGroupId}/review-conferences`;
    const first = await call('GET', path, await as(health));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ caseReference: 'DEMO-0001', canRecord: false, reviews: [] });
    expect(first.body.nextDue.wording).toEqual({ rule: 'first-review-conference', start: 'icpc', period: { count: 3, unit: 'months' } });
    expect((await call('POST', path, await as(health), { date: '2026-08-25' })).status).toBe(403);
    expect((await call('GET', path, await as(otherLead))).status).toBe(404);

    expect((await call('POST', path, await as(lead), { date: '2026-08-31' })).body.error.message).toBe('Mon 31 Aug 2026 is not a working day; choose another day.');
    expect((await call('POST', path, await as(lead), { date: '2026-06-01' })).body.error.message).toMatch(/has passed: record a review conference that took place as held instead/);
    const booked = await call('POST', path, await as(lead), { date: '2026-08-25' });
    expect(booked.body).toMatchObject({ outcome: 'changed', canRecord: true, reviews: [{ date: '2026-08-25', status: 'scheduled' }] });
    expect((await call('POST', path, await as(lead), { date: '2026-08-25' })).body.outcome).toBe('unchanged');
    const moved = await call('POST', path, await as(iro), { date: '2026-08-26' });
    expect(moved.body.reviews).toEqual([expect.objectContaining({ id: booked.body.reviews[0].id, date: '2026-08-26', status: 'scheduled' })]);

    const held = { heldOn: '2026-06-05', outcome: 'continue', chairName: 'Helen Moss', nextReviewOn: '2026-11-20' };
    expect((await call('POST', `${path}/held`, await as(manager), { ...held, nextReviewOn: '2027-01-20' })).body.error.message).toMatch(/within 6 months of this one: by /);
    const recorded = await call('POST', `${path}/held`, await as(manager), held);
    expect(recorded.body.outcome).toBe('changed');
    expect(recorded.body.reviews.find((review: { status: string }) => review.status === 'held')).toMatchObject({ date: '2026-06-05', outcome: 'continue', chairName: 'Helen Moss', nextReviewOn: '2026-11-20' });
    expect(recorded.body.nextDue).toMatchObject({ due: '2026-11-20', wording: { rule: 'next-review-conference-set' } });
    expect((await call('POST', `${path}/held`, await as(manager), held)).body.outcome).toBe('unchanged');
    const obligations = (await call('GET', '/api/dashboard', await as(lead))).body.coreGroups[0].obligations.map((o: { id: string }) => o.id);
    expect(obligations).not.toContain('first-review-conference');

    // A four-weekly series booked in Outlook from 22 June, recorded as the meeting on that day.
    const organiser = 'priya.shah@demo.example';
    const seriesStart = Date.parse('2026-06-22T09:00:00.000Z');
    const { eventId } = await mailer.createMeeting({ organiser, transactionId: randomUUID(), subject: 'Core group meeting', bodyText: '', startMs: seriesStart, endMs: seriesStart + 5_400_000, timeZone: 'Europe/London', attendees: [], recurrence: { every: 4, unit: 'weeks', until: Temporal.PlainDate.from('2026-12-31') } });
    const booked22 = randomUUID();
    await store.meetings.create({ id: booked22, coreGroupId: demoCoreGroupId, date: Temporal.PlainDate.from('2026-06-22'), status: 'scheduled', startsAt: '2026-06-22T09:00:00.000Z', endsAt: '2026-06-22T10:30:00.000Z', booking: { organiser, eventId } });
    expect((await mailer.occurrences(organiser, eventId, seriesStart, Date.parse('2027-01-01'))).length).toBeGreaterThan(5);
    const ended = await call('POST', `${path}/held`, await as(iro), { heldOn: '2026-06-08', outcome: 'end', chairName: 'Helen Moss' });
    // The plan's end cancels every occurrence after it in Outlook and the meeting booked on the record; nobody is prompted any more.
    expect(await mailer.occurrences(organiser, eventId, seriesStart, Date.parse('2027-01-01'))).toEqual([]);
    expect(await store.meetings.findById(booked22)).toMatchObject({ status: 'cancelled', cancellationReason: 'The child protection plan ended at the review conference on Mon 8 Jun 2026.' });
    expect((await call('GET', '/api/dashboard', await as(health))).body.myActions).toEqual([]);
    expect(ended.body).toMatchObject({ outcome: 'changed', planEndedOn: '2026-06-08', canRecord: false });
    expect(ended.body.nextDue).toBeUndefined();
    expect((await store.coreGroups.findById(demoCoreGroupId))!.planEndedOn?.toString()).toBe('2026-06-08');
    const after = (await call('GET', '/api/dashboard', await as(lead))).body.coreGroups[0];
    expect(after.canRecordReview).toBe(false);
    expect(after.obligations.filter((o: { due: string }) => o.due > '2026-06-08')).toEqual([]);
    expect((await call('POST', `${path}/held`, await as(iro), { heldOn: '2026-06-08', outcome: 'continue', chairName: 'Helen Moss' })).status).toBe(422);
  });

  test('a case transferred out to another area: its plan ends here that day, the area is kept, the same transfer again changes nothing; only its lead social worker or team manager records it', async () => {
    const path = `/api/core-groups/${otherCoreGroupId}/transfer-out`;
    expect((await call('POST', path, await as(lead), { on: '2026-06-05', to: 'Leeds City Council' })).status).toBe(404);
    expect((await call('POST', path, await as(otherLead), { on: '2026-06-09', to: 'Leeds City Council' })).body.error.message).toMatch(/still to come/);
    expect((await call('POST', path, await as(otherLead), { on: '2026-06-05', to: '' })).status).toBe(400);
    const before = (await call('GET', '/api/dashboard', await as(otherLead))).body.coreGroups[0];
    expect(before).toMatchObject({ canTransfer: true, canRecordReview: true });
    const done = await call('POST', path, await as(otherLead), { on: '2026-06-05', to: 'Leeds City Council' });
    expect(done.body).toEqual({ outcome: 'changed', planEndedOn: '2026-06-05', transferredTo: 'Leeds City Council' });
    expect((await call('POST', path, await as(otherLead), { on: '2026-06-05', to: 'Leeds City Council' })).body.outcome).toBe('unchanged');
    expect((await call('POST', path, await as(otherLead), { on: '2026-06-05', to: 'Bradford' })).body.error.message).toBe('The plan here already ended on Fri 5 Jun 2026, when the case transferred to Leeds City Council.');
    expect(await store.coreGroups.transferredTo(otherCoreGroupId)).toBe('Leeds City Council');
    const after = (await call('GET', '/api/dashboard', await as(otherLead))).body.coreGroups[0];
    expect(after).toMatchObject({ canTransfer: false, canRecordReview: false });
    expect(after.obligations.filter((o: { due: string }) => o.due > '2026-06-05')).toEqual([]);
  });

  test('after its plan ended, a case’s record pack (DOCX and PDF) holds the case, the plan and its versions, the signed minutes, the review that ended it, every deadline and whether it was met on time; its members still read the group; only those who may export get it, audited', async () => {
    const path = (coreGroupId: string, format: string) => `/api/core-groups/${coreGroupId}/record-pack?format=${format}`;
    const docx = await download(path(demoCoreGroupId, 'docx'), await as(lead));
    expect(docx.status).toBe(200);
    expect(docx.disposition).toBe('attachment; filename="core-group-record-pack-DEMO-0001-2026-06-08.docx"');
    const word = await docxText(docx.file);
    for (const expected of [
      'Core group record pack',
      'Case reference: DEMO-0001',
      'The child protection plan (version',
      'Versions of the plan',
      'Health visitor to review sleep routine',
      'Minutes of the core group meeting of Mon 8 Jun 2026',
      'Jordan says school is better',
      'the plan ends',
      'Helen Moss',
      'First core group within 10 working days of the ICPC',
      'met on time',
      'The child protection plan ended at the review conference on Mon 8 Jun 2026.',
    ]) {
      expect(word).toContain(expected);
    }
    // The first meeting's minutes have the chair's signature only: listed, not included.
    expect(word).toMatch(/Wed 3 Jun 2026\s+held\s+not signed/);
    expect(word).not.toContain('Minutes of the core group meeting of Wed 3 Jun 2026');
    // The child's name as the case record holds it never appears (the plan's outcomes say what the group wrote, as the plan export does).
    expect(word).not.toContain('Riley Ellis');
    const pdf = await download(path(demoCoreGroupId, 'pdf'), await as(lead));
    expect(pdf.type).toBe('application/pdf');
    const { text } = await pdfText(pdf.file);
    expect(text).toContain('Jordan says school is better');
    expect(text).toMatch(/Audit reference CG-[0-9A-F]{8}-V\d+-\d{8}T\d{4}Z/);
    expect(text).not.toContain('Riley Ellis');

    const transferred = await docxText((await download(path(otherCoreGroupId, 'docx'), await as(otherLead))).file);
    expect(transferred).toContain('The case transferred to Leeds City Council on Fri 5 Jun 2026; the plan here ended that day.');
    expect(transferred).toContain('No plan was written in Core Group.');

    expect((await download(path(demoCoreGroupId, 'pdf'), await as(health))).status).toBe(403);
    expect((await download(path(demoCoreGroupId, 'pdf'), await as(otherLead))).status).toBe(404);
    expect((await download(path(demoCoreGroupId, 'odt'), await as(lead))).status).toBe(400);
    const audited = await store.auditLog.listByCoreGroup(demoCoreGroupId, { limit: 500 });
    expect(audited.filter((entry) => entry.action === 'export-record' && entry.targetId === demoCoreGroupId).map((entry) => [entry.actor, entry.outcome])).toEqual(expect.arrayContaining([[lead, 'allowed'], [health, 'denied']]));

    // The group stays readable for its members after the plan ended.
    expect((await call('GET', '/api/dashboard', await as(health))).body.coreGroups.map((group: { caseReference: string }) => group.caseReference)).toEqual(['DEMO-0001']);
    expect((await call('GET', `/api/meetings/${meetingId}/minutes`, await as(health))).status).toBe(200);
  });

  test('the plan is circulated after the held meeting by the lead social worker; a member says it did not arrive; CP9 only where the profile sends one', async () => {
    const path = `/api/meetings/${meetingId}/plan-circulation`;
    expect((await call('POST', path, await as(health))).status).toBe(403);
    expect((await call('GET', path, await as(otherLead))).status).toBe(404);
    const before = await call('GET', path, await as(lead));
    expect(before.body).toMatchObject({ meetingId, planVersion: expect.any(Number), canCirculate: true, deliveries: [] });
    expect(before.body.cp9).toBeUndefined();
    const queued = await call('POST', path, await as(lead));
    expect(queued).toMatchObject({ status: 202, body: { queued: before.body.recipients.length, recipients: before.body.recipients.length } });
    while ((await jobs.runOnce()) > 0);
    const after = await call('GET', path, await as(health));
    expect(after.body.deliveries.length).toBeGreaterThanOrEqual(before.body.recipients.length);
    expect(after.body.canCirculate).toBe(false);
    expect((await call('POST', path, await as(manager))).body).toEqual({ queued: 0, recipients: before.body.recipients.length });

    const told = await call('POST', `/api/core-groups/${demoCoreGroupId}/plan/not-received`, await as(health));
    expect(told).toEqual({ status: 200, body: { outcome: 'told', resending: true } });
    expect((await call('POST', `/api/core-groups/${demoCoreGroupId}/plan/not-received`, await as(health))).body).toEqual({ outcome: 'unchanged', resending: true });
    expect((await call('GET', '/api/dashboard', await as(health))).body.coreGroups[0].canSayPlanNotReceived).toBe(true);
    // The lead social worker circulates the plan and is the one told: not offered it.
    expect((await call('GET', '/api/dashboard', await as(lead))).body.coreGroups.find((group: { id: string }) => group.id === demoCoreGroupId).canSayPlanNotReceived).toBe(false);

    const cp9 = `/api/meetings/${meetingId}/cp9`;
    expect((await call('POST', cp9, await as(lead))).body.error.message).toMatch(/^CP9 is not part of this area's procedures/);
    await database.db.updateTable('core_groups').set({ policy_id: 'plan-in-five-working-days-cp9-in-seven-days' }).where('id', '=', demoCoreGroupId).execute();
    try {
      expect((await call('GET', path, await as(lead))).body.cp9).toMatchObject({ state: 'not-sent', canSend: true });
      expect(await call('POST', cp9, await as(lead))).toEqual({ status: 202, body: { outcome: 'queued' } });
      expect((await call('POST', cp9, await as(manager))).body).toEqual({ outcome: 'already-queued' });
      expect((await call('POST', cp9, await as(health))).status).toBe(403);
    } finally {
      await database.db.updateTable('core_groups').set({ policy_id: 'ten-working-days-four-weekly' }).where('id', '=', demoCoreGroupId).execute();
    }
  });

  test('written reports for the review conference: the health visitor drafts, saves and submits; the lead social worker sees who has submitted and reads it; the conference chair too; a draft stays its author’s', async () => {
    const groupId = randomUUID();
    const person = (aad: string, role: 'lead-social-worker' | 'team-manager' | 'professional' | 'conference-chair', agency: string) => ({ id: randomUUID(), displayName: `${role} ${agency}`, role, agency, aadObjectId: aad, reach: 'tenant' as const, active: true });
    const people = [person(lead, 'lead-social-worker', "children's social care"), person(manager, 'team-manager', "children's social care"), person(health, 'professional', 'health visiting'), person(iro, 'conference-chair', 'safeguarding unit')];
    await store.coreGroups.create({ id: groupId, caseReference: 'REPORTS-1', childName: 'Report Child', tenantId: DEMO_TENANT_ID, policyId: 'ten-working-days-four-weekly', icpcDate: Temporal.PlainDate.from('2026-05-27'), createdAt: clock.nowIso() }, people);
    const reviewConferenceId = randomUUID();
    await store.meetings.recordReviewConference({ id: reviewConferenceId, coreGroupId: groupId, date: Temporal.PlainDate.from('2026-08-20'), status: 'scheduled' });
    const path = `/api/core-groups/${groupId}/review-conferences/${reviewConferenceId}/agency-reports`;

    const opened = await call('GET', path, await as(health));
    expect(opened.body).toMatchObject({ caseReference: 'REPORTS-1', due: '2026-08-13', review: { date: '2026-08-20', status: 'scheduled' }, mine: { report: { version: 0, agency: 'health visiting' } }, canExportPack: false });
    expect(opened.body.standings).toBeUndefined();
    const content = { worries: 'Arguments at home', workingWell: 'Calmer mornings', needsToHappen: 'Keep the routine', scaling: null, scalingReasons: '', childsViews: 'Says home is calmer', actionProgress: [] };
    const draft = await call('PUT', `${path}/mine`, await as(health), { baseVersion: 0, content });
    expect(draft.body).toMatchObject({ outcome: 'changed', report: { version: 1, content: { scaling: null } } });
    expect((await call('PUT', `${path}/mine`, await as(health), { baseVersion: 0, content })).status).toBe(409);
    expect((await call('PUT', `${path}/mine`, await as(health), { baseVersion: 1, content: { ...content, scaling: 11 } })).status).toBe(400);
    const refused = await call('POST', `${path}/mine/submit`, await as(health), { version: 1 });
    expect(refused).toMatchObject({ status: 422, body: { error: { message: 'Before you submit, add your scaling (0–10), the reasons for your scaling.' } } });
    const lsw = await call('GET', path, await as(lead));
    expect(lsw.body.standings.map((entry: { agency: string; standing: string }) => [entry.agency, entry.standing])).toEqual([
      ["children's social care", 'not-started'],
      ['health visiting', 'draft'],
    ]);
    expect(lsw.body.canExportPack).toBe(true);
    expect((await call('GET', `${path}/${draft.body.report.id}`, await as(lead))).status).toBe(403);

    const filled = await call('PUT', `${path}/mine`, await as(health), { baseVersion: 1, content: { ...content, scaling: 6, scalingReasons: 'Recent progress' } });
    const submitted = await call('POST', `${path}/mine/submit`, await as(health), { version: filled.body.report.version });
    expect(submitted.body).toMatchObject({ outcome: 'changed', report: { submittedAt: clock.nowIso() } });
    expect((await call('POST', `${path}/mine/submit`, await as(health), { version: filled.body.report.version })).body.outcome).toBe('unchanged');
    const read = await call('GET', `${path}/${draft.body.report.id}`, await as(iro));
    expect(read.body).toMatchObject({ caseReference: 'REPORTS-1', author: { name: 'professional health visiting', agency: 'health visiting' }, report: { content: { worries: 'Arguments at home', scaling: 6 } } });
    const toDo = await call('GET', '/api/agency-reports', await as(lead));
    expect(toDo.body.reviews).toEqual([{ coreGroupId: groupId, caseReference: 'REPORTS-1', reviewConferenceId, reviewOn: '2026-08-20', due: '2026-08-13', mine: 'not-started', submitted: 1, expected: 2 }]);
    expect((await call('GET', path, await as(otherLead))).status).toBe(404);
    expect((await call('PUT', `${path}/mine`, await as(manager), { baseVersion: 0, content })).status).toBe(403);

    const packPath = `/api/core-groups/${groupId}/review-conferences/${reviewConferenceId}/conference-pack`;
    const pack = await download(`${packPath}.docx`, await as(iro));
    expect(pack.disposition).toMatch(/attachment; filename="conference-pack-REPORTS-1-2026-08-20\.docx"/);
    const packText = await docxText(pack.file);
    for (const expected of ['Conference pack: review child protection conference', 'Case REPORTS-1', 'No recommendation has been agreed in signed core group minutes', 'health visiting — professional health visiting', 'What are we worried about? Arguments at home', 'Scaling (0–10): 6. Why: Recent progress', 'not started', 'Chronology of concerns']) expect(packText).toContain(expected);
    expect(packText).not.toContain('Report Child');
    const packPdf = await download(`${packPath}.pdf`, await as(lead));
    expect(packPdf.type).toBe('application/pdf');
    expect((await pdfText(packPdf.file)).text).toContain('Written reports from each agency');
    expect((await download(`${packPath}.pdf`, await as(health))).status).toBe(403);
  });

  test('filing from Outlook: the lead social worker lists their cases, files an e-mailed report with its PDF (again: unchanged), reads it back and downloads the PDF; a calendar event shows the case’s deadlines and the minutes link', async () => {
    const groupId = randomUUID();
    const person = (aad: string, role: 'lead-social-worker' | 'professional', agency: string) => ({ id: randomUUID(), displayName: `${role} ${agency}`, role, agency, aadObjectId: aad, reach: 'tenant' as const, active: true });
    await store.coreGroups.create({ id: groupId, caseReference: 'FILING-1', childName: 'Filing Child', tenantId: DEMO_TENANT_ID, policyId: 'ten-working-days-four-weekly', icpcDate: Temporal.PlainDate.from('2026-05-27'), createdAt: clock.nowIso() }, [person(lead, 'lead-social-worker', "children's social care"), person(health, 'professional', 'health visiting')]);
    const reviewConferenceId = randomUUID();
    await store.meetings.recordReviewConference({ id: reviewConferenceId, coreGroupId: groupId, date: Temporal.PlainDate.from('2026-08-20'), status: 'scheduled' });
    const nextMeetingId = randomUUID();
    const chatId = `19:meeting_${nextMeetingId}@thread.v2`;
    await store.meetings.create({ id: nextMeetingId, coreGroupId: groupId, date: Temporal.PlainDate.from('2026-06-24'), status: 'scheduled', booking: { organiser: 'priya.shah@demo.example', eventId: `event-${nextMeetingId}`, chatId } });

    const cases = await call('GET', '/api/outlook/cases', await as(lead));
    expect(cases.body.cases.find((entry: { coreGroupId: string }) => entry.coreGroupId === groupId)).toEqual({ coreGroupId: groupId, caseReference: 'FILING-1', review: { id: reviewConferenceId, date: '2026-08-20', reportsDue: '2026-08-13', agencies: ["children's social care", 'health visiting'] }, nextMeeting: { id: nextMeetingId, date: '2026-06-24' } });
    const pdf = Buffer.from('%PDF-1.7\n% health visiting report\n%%EOF\n');
    const email = { messageId: '<hv-report-1@nhs.example>', subject: 'HV report', sender: 'Health Visiting <hv@nhs.example>', receivedAt: '2026-06-09T08:00:00Z', body: 'Report attached.', to: { kind: 'agency-report', reviewConferenceId, agency: 'health visiting' }, attachments: [{ name: 'hv-report.pdf', content: pdf.toString('base64') }] };
    const filed = await call('POST', `/api/core-groups/${groupId}/filed-documents`, await as(lead), email);
    expect(filed.body).toMatchObject({ outcome: 'changed', document: { kind: 'agency-report', agency: 'health visiting', filedBy: "lead-social-worker children's social care", attachments: [{ name: 'hv-report.pdf', type: 'pdf', size: pdf.length }] } });
    expect((await call('POST', `/api/core-groups/${groupId}/filed-documents`, await as(lead), email)).body).toMatchObject({ outcome: 'unchanged', document: { id: filed.body.document.id } });
    const refused = await call('POST', `/api/core-groups/${groupId}/filed-documents`, await as(lead), { ...email, messageId: '<other@nhs.example>', attachments: [{ name: 'hv-report.pdf', content: Buffer.from('MZ not a pdf').toString('base64') }] });
    expect(refused).toMatchObject({ status: 422, body: { error: { message: expect.stringContaining('“hv-report.pdf” is not a PDF or a Word document') } } });
    expect((await call('POST', `/api/core-groups/${groupId}/filed-documents`, await as(lead), { ...email, attachments: [{ name: 'x.pdf', content: 'not base64!' }] })).status).toBe(400);
    expect((await call('GET', `/api/core-groups/${groupId}/filed-documents/${filed.body.document.id}`, await as(lead))).body).toMatchObject({ subject: 'HV report', body: 'Report attached.' });
    const attachment = await download(`/api/core-groups/${groupId}/filed-documents/${filed.body.document.id}/attachments/${filed.body.document.attachments[0].id}`, await as(lead));
    expect({ status: attachment.status, type: attachment.type, disposition: attachment.disposition, same: attachment.file.equals(pdf) }).toEqual({ status: 200, type: 'application/pdf', disposition: 'attachment; filename="hv-report.pdf"', same: true });
    const reports = await call('GET', `/api/core-groups/${groupId}/review-conferences/${reviewConferenceId}/agency-reports`, await as(lead));
    expect(reports.body.standings.map((entry: { agency: string; standing: string; filedDocumentId?: string }) => [entry.agency, entry.standing, entry.filedDocumentId])).toEqual([["children's social care", 'not-started', undefined], ['health visiting', 'filed', filed.body.document.id]]);
    expect(reports.body.filed).toEqual([{ id: filed.body.document.id, agency: 'health visiting', subject: 'HV report', sender: 'Health Visiting <hv@nhs.example>', receivedAt: '2026-06-09T08:00:00Z', filedAt: clock.nowIso(), filedBy: "lead-social-worker children's social care", attachments: 1 }]);

    const paper = await call('POST', `/api/core-groups/${groupId}/filed-documents`, await as(health), { ...email, messageId: '<hv-update@nhs.example>', subject: 'HV update for the meeting', to: { kind: 'meeting-paper', meetingId: nextMeetingId }, attachments: [] });
    expect(paper.body).toMatchObject({ outcome: 'changed', document: { kind: 'meeting-paper', meetingId: nextMeetingId, attachments: [] } });
    const papers = await call('GET', `/api/meetings/${nextMeetingId}/papers`, await as(lead));
    expect(papers.body).toEqual({ coreGroupId: groupId, papers: [{ id: paper.body.document.id, subject: 'HV update for the meeting', sender: 'Health Visiting <hv@nhs.example>', receivedAt: '2026-06-09T08:00:00Z', filedAt: clock.nowIso(), filedBy: 'professional health visiting', attachments: 0 }] });
    expect((await call('GET', `/api/meetings/${nextMeetingId}/papers`, await as(otherLead))).status).toBe(404);

    const event = await call('GET', `/api/outlook/event?chatId=${encodeURIComponent(chatId)}`, await as(health));
    expect(event.body).toMatchObject({ coreGroupId: groupId, caseReference: 'FILING-1', meeting: { id: nextMeetingId, date: '2026-06-24', status: 'scheduled' } });
    expect(event.body.minutesUrl).toBe(`https://teams.microsoft.com/l/entity/teams-app/minutes?context=${encodeURIComponent(JSON.stringify({ chatId, contextType: 'chat' }))}`);
    // Each rule as data, no English, for the add-in to word in the reader's language; the agency whose report is still to come named.
    expect(outlookEventResponseSchema.safeParse(event.body).success).toBe(true);
    expect(event.body.deadlines).toEqual([
      { id: 'first-core-group', kind: 'first-core-group', wording: { rule: 'first-core-group', period: { count: 10, unit: 'working-days' }, start: 'icpc' }, due: '2026-06-10', status: 'at-risk', daysLate: 0 },
      { id: expect.stringMatching(/^agency-report-.+-children-s-social-care$/), kind: 'agency-report', wording: { rule: 'agency-report-before-review', agency: "children's social care", workingDays: 5 }, due: '2026-08-13', status: 'due', daysLate: 0 },
      { id: 'first-review-conference', kind: 'review-conference', wording: { rule: 'first-review-conference', period: { count: 3, unit: 'months' }, start: 'icpc' }, due: '2026-08-27', status: 'due', daysLate: 0 },
    ]);
    expect((await call('GET', `/api/outlook/event?chatId=${encodeURIComponent(chatId)}`, await as(otherLead))).status).toBe(404);
    expect((await call('GET', '/api/outlook/event?chatId=not-a-chat', await as(health))).status).toBe(400);
  });

  test('the plan on the meeting stage: any member of the meeting’s group reads it as themselves, the family version here (a parent is in the group), no check-in notes; others get 404', async () => {
    const path = `/api/meetings/${meetingId}/stage`;
    expect((await call('GET', path, await as(otherLead))).status).toBe(404);
    expect((await call('GET', `/api/meetings/${randomUUID()}/stage`, await as(lead))).status).toBe(404);
    const onStage = await call('GET', path, await as(health));
    expect(onStage.status).toBe(200);
    expect(onStage.body).toMatchObject({ caseReference: 'DEMO-0001', familyVersion: true });
    const plan = (await call('GET', `/api/core-groups/${demoCoreGroupId}/plan`, await as(lead))).body;
    expect(onStage.body.version).toBe(plan.version);
    expect(JSON.stringify(onStage.body)).not.toMatch(/"note"|childName/);
    expect((await store.auditLog.listByCoreGroup(demoCoreGroupId)).filter((entry) => entry.action === 'view-plan-on-stage' && entry.targetId === meetingId && entry.actor === health)).toHaveLength(1);
  });

  test('languages from the tab: a person chooses their own (the dashboard follows); the lead social worker or team manager chooses the group’s documents’, and the exports follow — Welsh, or both with the Welsh first', async () => {
    expect((await call('PUT', '/api/me/language', await as(health), { language: 'cy' })).body).toEqual({ language: 'cy' });
    expect((await call('GET', '/api/dashboard', await as(health))).body.language).toBe('cy');
    expect((await call('GET', '/api/me', await as(health))).body).toMatchObject({ aadObjectId: health, language: 'cy' });
    expect((await call('GET', '/api/me', await as(lead))).body.language).toBeUndefined();
    expect((await call('PUT', '/api/me/language', await as(health), { language: 'fr' })).status).toBe(400);
    expect((await call('PUT', '/api/me/language', undefined, { language: 'cy' })).status).toBe(401);
    expect((await call('PUT', '/api/me/language', await as(health), { language: 'en' })).body).toEqual({ language: 'en' });
    expect((await call('GET', '/api/dashboard', await as(health))).body.language).toBe('en');

    const path = `/api/core-groups/${demoCoreGroupId}/document-language`;
    expect((await call('GET', path, await as(health))).body).toEqual({ language: 'en', canChoose: false });
    expect((await call('PUT', path, await as(health), { language: 'cy' })).status).toBe(403);
    expect((await call('PUT', path, await as(otherLead), { language: 'cy' })).status).toBe(404);
    expect((await call('GET', path, await as(otherLead))).status).toBe(404);
    expect((await call('PUT', path, await as(lead), { language: 'cymraeg' })).status).toBe(400);
    expect((await call('PUT', path, await as(lead), { language: 'cy' })).body).toEqual({ language: 'cy', canChoose: true });
    const choices = (await store.auditLog.listByCoreGroup(demoCoreGroupId)).filter((entry) => entry.action === 'choose-document-language');
    expect(choices).toHaveLength(3);
    expect(choices).toEqual(expect.arrayContaining([expect.objectContaining({ actor: lead, outcome: 'allowed' }), expect.objectContaining({ actor: health, outcome: 'denied' }), expect.objectContaining({ actor: otherLead, outcome: 'denied' })]));

    const welsh = await download(`/api/meetings/${meetingId}/minutes/export.pdf`, await as(lead));
    const read = await pdfText(welsh.file);
    expect(read.text).toContain('Cofnodion cyfarfod y grŵp craidd');
    expect(read.text).toContain('Presenoldeb');
    expect(read.text).toMatch(/Tudalen 1 o \d/);
    expect(read.text).not.toContain('Progress on the plan');
    expect(welsh.file.toString('latin1')).toContain('/Lang (cy-GB)');
    const familyNotes = await pdfText((await download(`/api/meetings/${meetingId}/family-version/export.pdf`, await as(lead))).file);
    expect(familyNotes.text).toContain("Nodiadau cyfarfod y grŵp craidd — i'r teulu");
    expect(familyNotes.text).toContain('Yn fyr');
    expect(familyNotes.text.replace(/\s+/g, ' ')).toMatch(/ — .+, erbyn (Sul|Llun|Maw|Mer|Iau|Gwen|Sad)\W+\d{1,2} \S+ \d{4} \((heb ddechrau eto|ar y gweill|mewn perygl o beidio â digwydd mewn pryd|wedi'i ddal yn ôl|wedi'i wneud)\)\./);
    expect(familyNotes.text.replace(/\s+/g, ' ')).not.toMatch(/, by (Mon|Tue|Wed|Thu|Fri|Sat|Sun) /);

    expect((await call('PUT', path, await as(manager), { language: 'both' })).body).toEqual({ language: 'both', canChoose: true });
    const both = await pdfText((await download(`/api/core-groups/${demoCoreGroupId}/plan/export.pdf`, await as(lead))).file);
    expect(both.text.indexOf('Yn Gymraeg')).toBeGreaterThan(-1);
    expect(both.text.indexOf('Yn Gymraeg')).toBeLessThan(both.text.indexOf('In English'));
    expect(both.text).toContain('Cynllun amddiffyn plant / Child protection plan');
    expect(both.pageTexts[0]).toMatch(/Tudalen 1 o \d+/);
    expect(both.pageTexts[0]).toMatch(/Page 1 of \d+/);
    const bothDocx = await docxText((await download(`/api/core-groups/${demoCoreGroupId}/plan/export.docx`, await as(lead))).file);
    expect(bothDocx.indexOf('Canlyniadau a chamau gweithredu')).toBeLessThan(bothDocx.indexOf('Outcomes and actions'));
    expect((await call('PUT', path, await as(lead), { language: 'en' })).body.language).toBe('en');
  });

  test('every route of the tab API answered with a body its contract describes, for each status the contract lists', () => {
    expect(contract.unchecked((route) => !route.localOnly)).toEqual([]);
  });
});
