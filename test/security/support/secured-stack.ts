import { createMeetingStage } from '../../../src/services/meeting-stage.service';
import { stageRouter } from '../../../src/server/stage.route';
import { languageRouter } from '../../../src/server/language.route';
import { createDocumentLanguages } from '../../../src/services/document-language.service';
import { createLanguageChoices } from '../../../src/services/language-choice.service';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, createLocalJWKSet, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { createBotAdapter } from '../../../bot/bot-adapter';
import { CoreGroupBot } from '../../../bot/core-group.bot';
import { createTeamsNotifier } from '../../../bot/teams-notifier';
import type { CoreGroupMember, MemberRole } from '../../../src/domain/core-group';
import { prepareFamilyVersion, reviewFamilyVersion, signOffFamilyVersion } from '../../../src/domain/family-version';
import { type Minutes, openingDraft, signMinutes } from '../../../src/domain/minutes';
import { recipientList } from '../../../src/services/minutes-distribution/recipient-list';
import { renderDocx } from '../../../src/export/docx-renderer';
import { renderPdf } from '../../../src/export/pdf-renderer';
import { messageJobHandlers } from '../../../src/jobs/job-handlers';
import { type JobRunner, createJobRunner } from '../../../src/jobs/job-runner';
import { recipientOfJob } from '../../../src/jobs/job-recipient';
import { createRateLimiter } from '../../../src/jobs/rate-limiter';
import { DEMO_TENANT_ID, demoObjectId } from '../../../src/local/demo/demo-core-group.seed';
import { demoOrganisation } from '../../../src/local/demo/demo-organisation.seed';
import { loadPolicyCatalogue } from '../../../src/policies/policy-catalogue';
import { botRouter } from '../../../src/server/bot-mount';
import { exportRouter } from '../../../src/server/export.route';
import { familyVersionRouter } from '../../../src/server/family-version.route';
import { createFamilyVersions } from '../../../src/services/family-version.service';
import { seriesRouter } from '../../../src/server/series.route';
import { reviewConferencesRouter } from '../../../src/server/review-conferences.route';
import { planRouter } from '../../../src/server/plan.route';
import { createPlanEditor } from '../../../src/services/plan-editor.service';
import { createReviewConferenceService } from '../../../src/services/review-conferences.service';
import { createTransferService } from '../../../src/services/transfer.service';
import { createInstitutionTasks } from '../../../src/services/institution-tasks.service';
import { institutionTasksRouter } from '../../../src/server/institution-tasks.route';
import { agencyReportsRouter } from '../../../src/server/agency-reports.route';
import { filingRouter } from '../../../src/server/filing.route';
import { createFiling } from '../../../src/services/filing/filing.service';
import { calendarEventDetails } from '../../../src/services/filing/calendar-event';
import { createAgencyReports } from '../../../src/services/agency-reports/agency-reports.service';
import { createConferencePack } from '../../../src/services/conference-pack/conference-pack.service';
import { reportingMembers } from '../../../src/domain/agency-report';
import { COMPLETE_REPORT } from './tab-routes';
import { concernsRouter } from '../../../src/server/concerns.route';
import { createConcernDecisions } from '../../../src/services/concerns/concern-decisions.service';
import { teamRouter } from '../../../src/server/team.route';
import { createTeamView } from '../../../src/services/team-view.service';
import { graphNotificationsRouter } from '../../../src/server/graph-notifications.route';
import { createHttpApp } from '../../../src/server/http-app';
import { minutesRouter } from '../../../src/server/minutes.route';
import { createTabTokenVerifier } from '../../../src/server/tab-auth';
import { createCalendarNotificationService } from '../../../src/services/calendar-notifications.service';
import { createCaseStatusService } from '../../../src/services/case-status.service';
import { createCheckInService } from '../../../src/services/check-in.service';
import { createConcernService } from '../../../src/services/concern.service';
import { createConversations } from '../../../src/services/conversations.service';
import { createCoreGroupMembersService } from '../../../src/services/core-group-members.service';
import { createCoreGroupSetupService } from '../../../src/services/core-group-setup.service';
import { createDashboard } from '../../../src/services/dashboard.service';
import { createMeetingChatService } from '../../../src/services/meeting-chat.service';
import { createMeetingEventsService } from '../../../src/services/meeting-events.service';
import { createMinutesDistribution } from '../../../src/services/minutes-distribution.service';
import { createPlanCirculation } from '../../../src/services/plan-circulation.service';
import { createCp9Record } from '../../../src/services/cp9-record';
import { planCirculationRouter } from '../../../src/server/plan-circulation.route';
import { createMinutesService } from '../../../src/services/minutes.service';
import { createMessageServices } from '../../../src/services/notifications/message-services';
import { createAgendaViews } from '../../../src/services/notifications/meeting-notices.service';
import type { Clock } from '../../../src/services/ports/clock.port';
import { createRecordExport } from '../../../src/services/record-export.service';
import { createRecordPack } from '../../../src/services/record-pack.service';
import { createSchedulingService } from '../../../src/services/scheduling.service';
import type { Store } from '../../../src/store/store';
import { BOT_APP_ID, localChannelCredentials, startChannelStandIn, teamsActivity } from '../../support/bot-channel';
import { demoDatabase } from '../../support/databases';
import { aPlan } from '../../support/fixtures';
import { simulatedGraph } from '../../support/graph';
import { capturedLog } from './log-capture';

/** The tab's API as its app registration exposes it (the audience of a Teams SSO token). */
export const TAB_AUDIENCE = 'api://coregroup.example.org/33333333-4444-4555-8666-777777777777';
/** A second tenant on the allow-list, with a core group of its own. */
export const PARTNER_TENANT_ID = '22222222-3333-4444-8555-666666666666';
/** A tenant not on the allow-list. */
export const OUTSIDE_TENANT_ID = '99999999-9999-4999-8999-999999999999';
export const TEAMS_APP_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
/** Where CP9 records go: the co-ordinator's mailbox, outside the simulated tenant. */
export const CP9_COORDINATOR_MAILBOX = 'cp9.coordinator@council.example';
/** The booked demo meeting's Teams meeting chat. */
export const DEMO_CHAT_ID = '19:meeting_secured-stack@thread.v2';

/**
 * Who can call the stack: the demo core group's people (its guest family member added), a
 * same-tenant stranger, the lead of another core group in the demo tenant, and the lead of a core
 * group in the partner tenant. Each has a tenant and an Entra object id.
 */
export const PEOPLE = {
  lead: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('lead') },
  manager: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('manager') },
  health: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('health') },
  school: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('school') },
  police: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('police') },
  iro: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('iro') },
  family: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('family') },
  coordinator: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('coordinator') },
  stranger: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('stranger') },
  otherLead: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('otherlsw') },
  partnerLead: { tenantId: PARTNER_TENANT_ID, aadObjectId: demoObjectId('partner') },
  /** The demo lead's object id, claimed in the partner tenant: same `oid`, another tenant. */
  partnerWithLeadOid: { tenantId: PARTNER_TENANT_ID, aadObjectId: demoObjectId('lead') },
} as const;
export type Person = keyof typeof PEOPLE;

/**
 * Text that must never reach someone refused: the demo child's name and case reference, the other
 * groups' case references and children, the demo members' names, the plan's wording and the
 * draft's own text (seeded below).
 */
export const SECRETS = [
  'Riley',
  'DEMO-0001',
  'OTHER-1',
  'Someone Else',
  'PARTNER-1',
  'Partner Child',
  'Priya Shah',
  'Tom Okafor',
  'Grace Lindqvist',
  'Owen Price',
  'Amira Haddad',
  'Helen Moss',
  'Cara Lowe',
  'HMP Secret Institution',
  'Visit weekly',
  'strategy discussion',
  'DRAFT-CHILDS-VOICE',
  'OTHER-GROUP-DRAFT',
  'PARTNER-GROUP-DRAFT',
] as const;

/** The secrets found in a text (an answer body, a card, a log). */
export function disclosed(text: string): string[] {
  return SECRETS.filter((secret) => text.includes(secret));
}

/** How a tab token is made: a valid Teams SSO token unless an option breaks it. `null` leaves a claim out. */
export interface TabTokenOptions {
  readonly tid?: string | null;
  readonly oid?: string | null;
  readonly scp?: string | null;
  readonly audience?: string;
  readonly issuer?: string;
  /** Seconds since the epoch. */
  readonly expiresAt?: number;
  readonly notBefore?: number;
  /** `stranger`: a key that is not among the published ones. */
  readonly key?: 'entra' | 'stranger';
  /** More claims, as Entra adds them (a guest's `acct`, `idp`, `upn`). */
  readonly extraClaims?: Record<string, unknown>;
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
}

/**
 * The state a fresh meeting's minutes start in, for a write that needs it; `signed-cp9`: signed,
 * in a core group whose profile sends CP9 to the co-ordinator (seed 001); `family-version-signed-off`:
 * signed, with the family version signed off too (issue 14).
 */
export type MinutesState = 'draft' | 'chair-signed' | 'signed' | 'signed-cp9' | 'family-version-signed-off';

/** Seed 001's profile: the plan within 5 working days, CP9 to the co-ordinator within 7 days. */
const CP9_PROFILE = 'plan-in-five-working-days-cp9-in-seven-days';

/** A meeting made for one probe: where it is, and the chat contribution waiting in its draft. */
export interface FreshMeeting {
  readonly meetingId: string;
  readonly contributionId: string;
  readonly chatId: string;
  readonly coreGroupId: string;
  readonly rolesChange: GroupSeed['rolesChange'];
  /** A co-ordinator's letter still to write in the group (a relative in an institution, seed 001). */
  readonly institutionTaskId: string;
  readonly planEdit: unknown;
  /** Signed minutes only: Distribute's confirmation of the recipient list as it stands. */
  readonly distributeConfirmation?: { listHash: string } | undefined;
  /** An open concern in the group at its first step (the plan not working: the lead social worker and team manager), raised by the minute-taker. */
  readonly concernId: string;
  /** A review conference booked, each reporting member's written report a complete draft at version 1. */
  readonly reviewConferenceId: string;
  /** The lead social worker's draft report for it. */
  readonly agencyReportId: string;
  /** An e-mail the lead social worker filed as a paper for the meeting, with one PDF attachment. */
  readonly filedDocumentId: string;
  readonly filedAttachmentId: string;
}

/** An answer read as text, and as JSON where it is JSON (a file download is not). */
export async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON (a DOCX, a PDF, an empty 202): `json` stays undefined and the probe reads `text`.
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Every stored row (audit log aside), as `table {json}`. */
export type Snapshot = ReadonlySet<string>;

/** The rows that appeared (`+`) or went (`-`) between two snapshots, each cut short for a readable failure. */
export function changesBetween(before: Snapshot, after: Snapshot): string[] {
  const cut = (row: string) => (row.length > 240 ? `${row.slice(0, 240)}…` : row);
  return [...[...after].filter((row) => !before.has(row)).map((row) => `+ ${cut(row)}`), ...[...before].filter((row) => !after.has(row)).map((row) => `- ${cut(row)}`)];
}

const seconds = () => Math.floor(Date.now() / 1000);
const FIXED_NOW = '2026-06-08T11:00:00.000Z';

/**
 * The whole service as `src/main.ts` wires it — bot endpoint, Graph notifications, tab API,
 * exports, job runner — with authentication on and local stand-ins for what lies outside: a JWKS
 * for Teams SSO tokens, the Bot Framework channel (signed channel tokens, recording connector),
 * the Graph simulator and a SQLite demo database. `startService` cannot be used: it takes Entra's
 * keys and botbuilder's metadata endpoint from the network. Started once per test file.
 */
export async function startSecuredStack() {
  const clock: Clock = { nowIso: () => FIXED_NOW, today: () => Temporal.PlainDate.from(FIXED_NOW.slice(0, 10)) };
  const { database, store, calendars, coreGroupId } = await demoDatabase(clock);
  const log = capturedLog();
  const { logger } = log;
  const policies = loadPolicyCatalogue();
  const deps = { ...store, clock, calendars, policy: (id: string) => policies.get(id) };
  const channel = await startChannelStandIn();
  const { simulator, calendar } = await simulatedGraph(demoOrganisation(clock.today()));

  const seeded = await seedAroundTheDemo(store, { coreGroupId, at: clock.nowIso() });

  const meetingEvents = createMeetingEventsService(deps);
  const scheduling = createSchedulingService({ ...deps, calendar, agenda: meetingEvents, teamsAppId: TEAMS_APP_ID, organiserMailbox: 'priya.shah@demo.example' });
  let base = '';
  const notifications = createCalendarNotificationService({ calendar, subscriptions: store.calendarSubscriptions, meetings: store.meetings, scheduling, clock, notificationUrl: () => `${base}/api/graph/notifications` });
  const status = createCaseStatusService({ ...deps, calendar });
  const conversations = createConversations({ references: store.conversationReferences, clock });
  const allowedTenantIds = [DEMO_TENANT_ID, PARTNER_TENANT_ID];
  const reviews = createReviewConferenceService({ ...deps, scheduling });
  const bot = new CoreGroupBot({
    status,
    reviews,
    scheduling,
    checkIns: createCheckInService(deps),
    concerns: createConcernService(deps),
    meetingChat: createMeetingChatService(deps),
    meetingEvents,
    teamsAppId: TEAMS_APP_ID,
    setup: createCoreGroupSetupService({ ...deps, directory: calendar, policyIds: () => policies.all.map((profile) => profile.id) }),
    members: createCoreGroupMembersService({ ...deps, directory: calendar }),
    policies: () => policies.all.map((profile) => ({ id: profile.id, name: profile.name })),
    agenda: createAgendaViews({ meetingEvents, conversations }),
    conversations,
    languages: createLanguageChoices({ languages: store.languages, clock }),
    allowedTenantIds,
  });
  const adapter = createBotAdapter({ appId: BOT_APP_ID, password: 'unused', tenantId: DEMO_TENANT_ID, openIdMetadataUrl: channel.metadataUrl, credentialsFactory: localChannelCredentials(), log: (level, details, message) => logger[level](details, message) });
  const recordExport = createRecordExport({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } });
  const distribution = createMinutesDistribution(deps);
  const familyVersions = createFamilyVersions({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } });
  const circulation = createPlanCirculation({ ...deps, cp9CoordinatorMailbox: CP9_COORDINATOR_MAILBOX });
  const cp9 = createCp9Record({ ...deps, renderer: { pdf: renderPdf } });
  const conferencePacks = createConferencePack({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } });
  const notifier = createTeamsNotifier({ adapter, appId: BOT_APP_ID, teamsAppId: TEAMS_APP_ID, conversations, limiter: createRateLimiter() });
  const jobs: JobRunner = createJobRunner({
    queue: store.jobs,
    handlers: messageJobHandlers(createMessageServices({ ...store, status, meetingEvents, distribution, circulation, exports: recordExport, familyNotes: familyVersions, cp9, conversations, notifier, mailer: calendar, clock, organiserMailbox: 'priya.shah@demo.example', conferencePacks })),
    workerId: 'secured-stack',
    clock,
    groupOf: recipientOfJob,
    onError: (details) => logger.warn(details, 'job attempt failed'),
  });

  const entra = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(entra.publicKey)), kid: 'entra', alg: 'RS256' };
  const verifier = createTabTokenVerifier({ keys: createLocalJWKSet({ keys: [jwk] }), audiences: [TAB_AUDIENCE], allowedTenantIds });

  const app = createHttpApp({
    logger,
    health: { checkDatabase: database.ping },
    version: 'secured-stack',
    routers: [
      botRouter({ adapter, bot, logger, tokensRequired: true }),
      graphNotificationsRouter({ service: notifications, logger }),
      minutesRouter({ service: createMinutesService(deps), distribution, dashboard: createDashboard({ calendars: deps.calendars, policy: deps.policy, status, concerns: store.concerns, noticeDeliveries: store.noticeDeliveries, coreGroups: store.coreGroups, clock }), verifier, logger }),
      familyVersionRouter({ familyVersions, verifier, logger }),
      exportRouter({ exports: recordExport, recordPack: createRecordPack({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } }), verifier, logger }),
      planCirculationRouter({ circulation, verifier, logger }),
      teamRouter({ team: createTeamView({ ...deps, calendar }), verifier, logger }),
      seriesRouter({ scheduling, verifier, logger }),
      reviewConferencesRouter({ reviews, transfers: createTransferService({ ...deps, scheduling }), verifier, logger }),
      institutionTasksRouter({ tasks: createInstitutionTasks(deps), verifier, logger }),
      agencyReportsRouter({ reports: createAgencyReports(deps), packs: conferencePacks, verifier, logger }),
      filingRouter({ filing: createFiling(deps), eventDetails: (caller, chatId) => calendarEventDetails({ ...deps, calendar }, caller, chatId), teamsAppId: TEAMS_APP_ID, verifier, logger }),
      concernsRouter({ decisions: createConcernDecisions(deps), verifier, logger }),
      planRouter({ plans: createPlanEditor(deps), verifier, logger }),
      stageRouter({ stage: createMeetingStage(deps), verifier, logger }),
      languageRouter({ choices: createLanguageChoices(deps), documents: createDocumentLanguages(deps), verifier, logger }),
    ],
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** A Teams SSO token for the tab; valid unless an option breaks it. */
  const tabToken = (options: TabTokenOptions = {}): Promise<string> => {
    const tid = options.tid === undefined ? DEMO_TENANT_ID : options.tid;
    const claims: Record<string, unknown> = { name: 'Someone', ...options.extraClaims };
    if (tid !== null) claims.tid = tid;
    if (options.oid !== null) claims.oid = options.oid ?? PEOPLE.lead.aadObjectId;
    if (options.scp !== null) claims.scp = options.scp ?? 'access_as_user';
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'entra' })
      .setIssuer(options.issuer ?? `https://login.microsoftonline.com/${tid ?? DEMO_TENANT_ID}/v2.0`)
      .setAudience(options.audience ?? TAB_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresAt ?? seconds() + 3600);
    if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
    return jwt.sign(options.key === 'stranger' ? stranger.privateKey : entra.privateKey);
  };
  const entraPublicKeyPem = await exportSPKI(entra.publicKey);

  return {
    base,
    database,
    channel,
    simulator,
    jobs,
    log,
    ...seeded,
    tabToken,
    /** The published RS256 key's PEM: what an HS256 "key confusion" token is signed with. */
    entraPublicKeyPem,
    /** A valid tab token for one of PEOPLE. */
    as: (person: Person) => tabToken({ tid: PEOPLE[person].tenantId, oid: PEOPLE[person].aadObjectId }),

    /** One HTTP request; the answer read as text and, where it is, JSON. */
    async call(method: string, path: string, options: { token?: string | undefined; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
      const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      const headers = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers };
      return answerOf(await fetch(`${base}${path}`, { method, headers, body }));
    },

    /** A Teams activity from one of PEOPLE (personal chat unless `extra` says otherwise). */
    activity: (person: Person, extra: Partial<Parameters<typeof teamsActivity>[0]> = {}) => teamsActivity({ serviceUrl: channel.serviceUrl, tenantId: PEOPLE[person].tenantId, aadObjectId: PEOPLE[person].aadObjectId, ...extra }),
    /** The same activity, in the booked demo meeting's chat. */
    inMeetingChat: <T extends object>(activity: T) => ({ ...activity, conversation: { id: DEMO_CHAT_ID, conversationType: 'groupChat', tenantId: (activity as { conversation?: { tenantId?: string } }).conversation?.tenantId ?? DEMO_TENANT_ID } }),
    /** Teams' meeting-start or meeting-end event in a meeting chat, as Teams sends it. */
    meetingEvent(chatId: string, which: 'start' | 'end') {
      const event = teamsActivity({ serviceUrl: channel.serviceUrl, tenantId: DEMO_TENANT_ID, aadObjectId: PEOPLE.lead.aadObjectId, type: 'event', name: `application/vnd.microsoft.meeting${which === 'start' ? 'Start' : 'End'}`, conversationType: 'groupChat' });
      const time = which === 'start' ? { StartTime: '2026-06-08T09:00:00Z' } : { EndTime: '2026-06-08T10:30:00Z' };
      return { ...event, conversation: { ...event.conversation, id: chatId }, value: { Id: 'meeting-id', JoinUrl: 'https://teams.microsoft.com/l/meetup-join/secured', MeetingType: 'Scheduled', Title: 'Core group', ...time } };
    },
    /** POSTs an activity to the bot endpoint with a channel token (a valid one unless given). */
    async postActivity(activity: object, token?: string | null): Promise<Answer> {
      const authorization = token === null ? undefined : (token ?? (await channel.token()));
      return answerOf(await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization: `Bearer ${authorization}` } : {}) }, body: JSON.stringify(activity) }));
    },

    /** Runs every job that is due, until none is left. */
    async drainJobs(): Promise<void> {
      while ((await jobs.runOnce()) > 0);
    },

    /**
     * Everything the app keeps, row by row, but the audit log (which records refusals too):
     * `changesBetween` two snapshots empty means nothing changed in between.
     */
    async snapshot(): Promise<Snapshot> {
      const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' and name not like 'audit_%' order by name`.execute(database.db);
      const rows = new Set<string>();
      for (const { name } of tables.rows) {
        const read = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(database.db);
        // A core group's revision is the status cache's counter, moved on by any write to the case,
        // even one that leaves every value as it was: what the case holds is what is compared.
        for (const { revision: _revision, ...row } of read.rows) rows.add(`${name} ${JSON.stringify(row)}`);
      }
      return rows;
    },

    /** The member record of one of PEOPLE in the demo core group. */
    member: (person: Person) => seeded.demoMembers.find((member) => member.aadObjectId === PEOPLE[person].aadObjectId && PEOPLE[person].tenantId === DEMO_TENANT_ID),

    /**
     * A new meeting for one probe, booked with a Teams chat of its own: the group's chair and
     * minute-taker named (in the demo group the lead social worker and the health visitor), a
     * draft with one chat decision waiting, or minutes signed by the chair and the team manager.
     */
    async freshMeeting(state: MinutesState, group: GroupName = 'demo'): Promise<FreshMeeting> {
      const seed = seeded.groups[group];
      // The group's review conferences start afresh too, so each probe books and records its own.
      await database.db.deleteFrom('review_conferences').where('core_group_id', '=', seed.coreGroupId).execute();
      await database.db.updateTable('core_groups').set({ plan_ended_on: null, transferred_to: null }).where('id', '=', seed.coreGroupId).execute();
      // And its letters to institutions: one still to write, whose record a probe can then make again or mark done.
      await database.db.deleteFrom('institution_tasks').where('core_group_id', '=', seed.coreGroupId).execute();
      // And the languages chosen: each probe chooses from the defaults (English, the Teams locale).
      await database.db.deleteFrom('document_languages').execute();
      await database.db.deleteFrom('language_preferences').execute();
      const institutionTaskId = randomUUID();
      await store.institutionTasks.record({ id: institutionTaskId, coreGroupId: seed.coreGroupId, person: 'grandfather', kind: 'prison', institution: 'HMP Secret Institution', recordedByMemberId: seed.chairMemberId, recordedAt: clock.nowIso() });
      // And a review conference booked, each reporting member's report a complete draft, for a probe to save or submit.
      const reviewConferenceId = randomUUID();
      await store.meetings.recordReviewConference({ id: reviewConferenceId, coreGroupId: seed.coreGroupId, date: Temporal.PlainDate.from('2026-07-20'), status: 'scheduled' });
      const reports = reportingMembers(seed.members).map((member) => ({ id: randomUUID(), coreGroupId: seed.coreGroupId, reviewConferenceId, memberId: member.id, agency: member.agency, version: 1, updatedAt: clock.nowIso(), content: { ...COMPLETE_REPORT, scaling: COMPLETE_REPORT.scaling } }));
      for (const report of reports) await store.agencyReports.start(report);
      const agencyReportId = reports.find((report) => report.memberId === seed.chairMemberId)?.id ?? reports[0]!.id;
      // And one open concern at its first step, for a probe to decide on.
      const concernId = randomUUID();
      await store.concerns.raise({ id: concernId, coreGroupId: seed.coreGroupId, kind: 'increased-risk', raisedByMemberId: seed.minuteTakerMemberId, step: 0, status: 'open', raisedAt: clock.nowIso(), stepStartedAt: clock.nowIso(), note: 'A new bruise seen at nursery' }, `probe:${concernId}`);
      await database.db.updateTable('core_groups').set({ plan_ended_on: null, transferred_to: null, policy_id: state === 'signed-cp9' ? CP9_PROFILE : seed.policyId }).where('id', '=', seed.coreGroupId).execute();
      // And its plan is back at the version the ICPC agreed, which the probe's plan change is made over.
      await database.db.deleteFrom('plan_versions').where('core_group_id', '=', seed.coreGroupId).where('version', '>', 1).execute();
      const plan = (await store.plans.current(seed.coreGroupId))!;
      const planEdit = {
        baseVersion: plan.version,
        reason: 'The core group agreed more support',
        outcomes: plan.outcomes,
        actions: plan.actions.map((action) => ({ id: action.id, outcomeId: action.outcomeId, what: action.what, ownerMemberId: action.ownerMemberId, due: action.due.toString(), childSeenFrequency: action.childSeenFrequency, progressMeasure: action.progressMeasure, dropped: action.state === 'dropped' })),
        contingencyPlan: plan.contingencyPlan,
        resources: 'Respite care twice a month',
        monitoring: plan.monitoring,
      };
      const meetingId = randomUUID();
      const chatId = `19:meeting_${meetingId}@thread.v2`;
      const { chairMemberId, minuteTakerMemberId, managerMemberId } = seed;
      // Booked in the simulated Outlook too, so moving and cancelling it reach a real event.
      const organiser = 'priya.shah@demo.example';
      const startsAt = '2026-06-08T09:00:00Z';
      const endsAt = '2026-06-08T10:30:00Z';
      const { eventId } = await calendar.createMeeting({ organiser, transactionId: meetingId, subject: 'Core group meeting', bodyText: '', startMs: Date.parse(startsAt), endMs: Date.parse(endsAt), timeZone: 'Europe/London', attendees: [] });
      await store.meetings.create({ id: meetingId, coreGroupId: seed.coreGroupId, date: clock.today(), status: 'scheduled', startsAt, endsAt, chairMemberId, minuteTakerMemberId, booking: { organiser, eventId, chatId } });
      const filedDocumentId = randomUUID();
      const filedAttachmentId = randomUUID();
      const paper = new TextEncoder().encode('%PDF-1.4\n% the school’s attendance report\n%%EOF\n');
      await store.filedDocuments.file(
        { id: filedDocumentId, coreGroupId: seed.coreGroupId, kind: 'meeting-paper', meetingId, filedByMemberId: chairMemberId, subject: 'Attendance report', sender: 'School office <office@school.example>', receivedAt: clock.nowIso(), body: 'Attendance is attached.', filedAt: clock.nowIso(), attachments: [{ id: filedAttachmentId, name: 'attendance.pdf', type: 'pdf', size: paper.length }] },
        [paper],
      );
      const filed = { filedDocumentId, filedAttachmentId };
      const contributionId = `activity-${randomUUID()}`;
      const draft = openingDraft({ id: randomUUID(), meeting: { id: meetingId, coreGroupId: seed.coreGroupId }, members: seed.members });
      const contribution = { id: contributionId, kind: 'decision' as const, text: 'School to share attendance weekly', memberId: minuteTakerMemberId, at: clock.nowIso() };
      // The chair is marked present: the chair's sign-off confirms the meeting took place, with who attended.
      const attendance = draft.content.attendance.map((entry) => (entry.memberId === chairMemberId ? { ...entry, attendance: 'present' as const } : entry));
      const withContribution: Minutes = { ...draft, content: { ...draft.content, attendance, childsVoice: seed.draftText, contributions: [contribution] } };
      await store.minutes.createDraft(withContribution, chairMemberId, clock.nowIso());
      if (state !== 'draft') {
        const byChair = { ...signMinutes(withContribution, { as: 'chair', memberId: chairMemberId, at: clock.nowIso() }), version: 2 };
        await store.minutes.save(byChair, { expectedVersion: 1, savedBy: chairMemberId, at: clock.nowIso() });
        if (state === 'chair-signed') return { meetingId, contributionId, chatId, coreGroupId: seed.coreGroupId, rolesChange: seed.rolesChange, institutionTaskId, planEdit, concernId, reviewConferenceId, agencyReportId, ...filed };
        const byManager = { ...signMinutes(byChair, { as: 'team-manager', memberId: managerMemberId, at: clock.nowIso() }), version: 3 };
        await store.minutes.save(byManager, { expectedVersion: 2, savedBy: managerMemberId, at: clock.nowIso() });
        await store.meetings.update({ ...(await store.meetings.findById(meetingId))!, status: 'held' });
        // The family version prepared and reviewed once (version 1), waiting for its sign-off.
        const members = await store.coreGroups.members(seed.coreGroupId);
        const prepared = prepareFamilyVersion({ minutes: byManager, plan, members });
        const reviewed = reviewFamilyVersion(prepared, { basedOnVersion: 0, summary: 'The meeting agreed the plan goes on.', items: [] });
        await store.familyVersions.save(reviewed, { savedBy: chairMemberId, at: clock.nowIso() });
        if (state === 'family-version-signed-off') await store.familyVersions.save(signOffFamilyVersion(reviewed, { memberId: chairMemberId, at: clock.nowIso(), version: reviewed.version }), { savedBy: chairMemberId, at: clock.nowIso() });
        const distributeConfirmation = { listHash: recipientList({ members, minutes: byManager, deliveries: [], familyVersion: undefined }).listHash };
        return { meetingId, contributionId, chatId, coreGroupId: seed.coreGroupId, rolesChange: seed.rolesChange, institutionTaskId, planEdit, concernId, distributeConfirmation, reviewConferenceId, agencyReportId, ...filed };
      }
      return { meetingId, contributionId, chatId, coreGroupId: seed.coreGroupId, rolesChange: seed.rolesChange, institutionTaskId, planEdit, concernId, reviewConferenceId, agencyReportId, ...filed };
    },

    async stop(): Promise<void> {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await channel.stop();
      await simulator.stop();
      await database.drop();
    },
  };
}

export type SecuredStack = Awaited<ReturnType<typeof startSecuredStack>>;

const member = (options: { name: string; role: MemberRole; agency: string; aadObjectId: string; reach?: CoreGroupMember['reach'] }): CoreGroupMember => ({
  id: randomUUID(),
  displayName: options.name,
  role: options.role,
  agency: options.agency,
  aadObjectId: options.aadObjectId,
  reach: options.reach ?? 'tenant',
  active: true,
});

/** A core group the probes aim at: its people and who holds which meeting role in its fresh meetings. */
export interface GroupSeed {
  readonly coreGroupId: string;
  readonly members: readonly CoreGroupMember[];
  readonly chairMemberId: string;
  readonly minuteTakerMemberId: string;
  readonly managerMemberId: string;
  /** A roles change (`PUT …/roles`) that would move both roles to other members. */
  readonly rolesChange: { readonly chairMemberId: string; readonly minuteTakerMemberId: string };
  /** The draft's text, one of SECRETS. */
  readonly draftText: string;
  /** The policy profile it follows (a probe that needs CP9 moves it to seed 001's for a while). */
  readonly policyId: string;
}

export type GroupName = 'demo' | 'other' | 'partner';

/**
 * Around the demo core group: its family member as a Teams guest (the demo's parent is e-mail
 * only), its meeting booked with a Teams chat and a draft; another core group in the demo tenant
 * and one in the partner tenant, each led by someone else, with a team manager (e-mail only).
 */
async function seedAroundTheDemo(store: Store, options: { coreGroupId: string; at: string }) {
  const { coreGroupId, at } = options;
  // With an e-mail address: a guest who never opened a chat with the app is reached by e-mail.
  await store.coreGroups.addMember(coreGroupId, { ...member({ name: 'Sam Ellis', role: 'family-member', agency: 'family', aadObjectId: PEOPLE.family.aadObjectId, reach: 'guest' }), email: 'sam.ellis@family.example' });
  await store.coreGroups.addMember(coreGroupId, { ...member({ name: 'Cara Lowe', role: 'coordinator', agency: "children's services", aadObjectId: PEOPLE.coordinator.aadObjectId }), email: 'cara.lowe@demo.example' });
  const demoMembers = await store.coreGroups.members(coreGroupId);
  const demoId = (person: Person) => demoMembers.find((candidate) => candidate.aadObjectId === PEOPLE[person].aadObjectId)!.id;
  const meetingId = randomUUID();
  await store.meetings.create({ id: meetingId, coreGroupId, date: Temporal.PlainDate.from(at.slice(0, 10)), status: 'scheduled', startsAt: '2026-06-08T09:00:00Z', endsAt: '2026-06-08T10:30:00Z', booking: { organiser: 'priya.shah@demo.example', eventId: 'event-secured-stack', joinUrl: 'https://teams.microsoft.com/l/meetup-join/secured', chatId: DEMO_CHAT_ID } });
  const draft = openingDraft({ id: randomUUID(), meeting: { id: meetingId, coreGroupId }, members: demoMembers });
  await store.minutes.createDraft({ ...draft, content: { ...draft.content, childsVoice: 'DRAFT-CHILDS-VOICE' } }, demoId('lead'), at);
  const demo: GroupSeed = {
    coreGroupId,
    members: demoMembers,
    chairMemberId: demoId('lead'),
    minuteTakerMemberId: demoId('health'),
    managerMemberId: demoId('manager'),
    rolesChange: { chairMemberId: demoId('manager'), minuteTakerMemberId: demoId('school') },
    draftText: 'DRAFT-CHILDS-VOICE',
    policyId: (await store.coreGroups.findById(coreGroupId))!.policyId,
  };

  const otherGroup = async (group: { caseReference: string; childName: string; tenantId: string; lead: { aadObjectId: string }; draftText: string }): Promise<GroupSeed & { meetingId: string }> => {
    const id = randomUUID();
    const lead = member({ name: 'Other Lead', role: 'lead-social-worker', agency: "children's social care", aadObjectId: group.lead.aadObjectId });
    const manager: CoreGroupMember = { id: randomUUID(), displayName: 'Other Manager', role: 'team-manager', agency: "children's social care", email: 'other.manager@elsewhere.example', reach: 'email-only', active: true };
    await store.coreGroups.create({ id, caseReference: group.caseReference, childName: group.childName, tenantId: group.tenantId, policyId: 'england', icpcDate: Temporal.PlainDate.from('2026-05-27'), createdAt: at }, [lead, manager]);
    await store.plans.saveRevision({ plan: aPlan(id, lead.id), authorMemberId: lead.id, reason: 'Outline plan from the ICPC', changes: [] }, at);
    const otherMeetingId = randomUUID();
    await store.meetings.create({ id: otherMeetingId, coreGroupId: id, date: Temporal.PlainDate.from('2026-06-09'), status: 'scheduled' });
    const otherDraft = openingDraft({ id: randomUUID(), meeting: { id: otherMeetingId, coreGroupId: id }, members: [lead, manager] });
    await store.minutes.createDraft({ ...otherDraft, content: { ...otherDraft.content, childsVoice: group.draftText } }, lead.id, at);
    return { coreGroupId: id, meetingId: otherMeetingId, members: [lead, manager], chairMemberId: lead.id, minuteTakerMemberId: manager.id, managerMemberId: manager.id, rolesChange: { chairMemberId: manager.id, minuteTakerMemberId: lead.id }, draftText: group.draftText, policyId: 'england' };
  };
  const other = await otherGroup({ caseReference: 'OTHER-1', childName: 'Someone Else', tenantId: DEMO_TENANT_ID, lead: PEOPLE.otherLead, draftText: 'OTHER-GROUP-DRAFT' });
  const partner = await otherGroup({ caseReference: 'PARTNER-1', childName: 'Partner Child', tenantId: PARTNER_TENANT_ID, lead: PEOPLE.partnerLead, draftText: 'PARTNER-GROUP-DRAFT' });
  return { coreGroupId, meetingId, demoMembers, groups: { demo, other, partner } };
}
