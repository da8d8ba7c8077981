import { type Server, createServer } from 'node:http';
import { join } from 'node:path';
import { type AppCertificate, loadAppCertificate } from './adapters/app-certificate';
import { systemClock } from './adapters/system-clock';
import { type Config, ConfigError, checkCp9Coordinator, loadConfig } from './config/config';
import { errorLogFields } from './errors/error-codes';
import { loadWorkingDayCalendars } from './holidays/working-day-calendars';
import { loadPolicyCatalogue } from './policies/policy-catalogue';
import { createBotAdapter } from '../bot/bot-adapter';
import { CoreGroupBot } from '../bot/core-group.bot';
import { createTeamsNotifier } from '../bot/teams-notifier';
import { MESSAGE_JOB_CONCURRENCY, createJobRunner } from './jobs/job-runner';
import { createRateLimiter } from './jobs/rate-limiter';
import { createSharedRateLimiter } from './store/shared-rate-limiter';
import { claimSqliteFile, instanceLeases, shardOf } from './jobs/instance-leases';
import { createCheckInPromptPlanner } from './services/check-in-prompts.service';
import { type CalendarConnection, connectMicrosoftGraph } from './graph/graph-wiring';
import { createCaseStatusService } from './services/case-status.service';
import { createJudgedStatusCache } from './services/case-status/judged-status-cache';
import { createCheckInService } from './services/check-in.service';
import { createFamilyCheckInLinks } from './services/family-check-in/family-check-in-links.service';
import { createFamilyCheckInMail } from './services/notifications/family-check-in-mail';
import { familyCheckInRouter } from './server/family-check-in.route';
import { createConcernService } from './services/concern.service';
import { createMeetingChatService } from './services/meeting-chat.service';
import { createMeetingEventsService } from './services/meeting-events.service';
import { messageDeadLetterHandlers, messageJobHandlers } from './jobs/job-handlers';
import { recipientOfJob } from './jobs/job-recipient';
import { createConversations } from './services/conversations.service';
import { createMessageServices } from './services/notifications/message-services';
import { createAgendaViews } from './services/notifications/meeting-notices.service';
import { createMinutesDistribution } from './services/minutes-distribution.service';
import { createFamilyVersions } from './services/family-version.service';
import { createPlanCirculation } from './services/plan-circulation.service';
import { createCp9Record } from './services/cp9-record';
import { planCirculationRouter } from './server/plan-circulation.route';
import { createDashboard } from './services/dashboard.service';
import { createTeamView } from './services/team-view.service';
import { createSignalWatch } from './services/signal-watch.service';
import { createConcernClimb } from './services/concerns/concern-climb.service';
import { createCoreGroupMembersService } from './services/core-group-members.service';
import { createCoreGroupSetupService } from './services/core-group-setup.service';
import { createLanguageChoices } from './services/language-choice.service';
import { createMeetingStage } from './services/meeting-stage.service';
import { stageRouter } from './server/stage.route';
import { languageRouter } from './server/language.route';
import { createDocumentLanguages } from './services/document-language.service';
import { botRouter } from './server/bot-mount';
import { createCalendarNotificationService } from './services/calendar-notifications.service';
import { createSchedulingService } from './services/scheduling.service';
import { graphNotificationsRouter } from './server/graph-notifications.route';
import { minutesRouter } from './server/minutes.route';
import { createTabTokenVerifier, entraSigningKeys } from './server/tab-auth';
import { tabRouter } from './server/tab-static';
import { familyVersionRouter } from './server/family-version.route';
import { exportRouter } from './server/export.route';
import { seriesRouter } from './server/series.route';
import { reviewConferencesRouter } from './server/review-conferences.route';
import { planRouter } from './server/plan.route';
import { createPlanEditor } from './services/plan-editor.service';
import { createReviewConferenceService } from './services/review-conferences.service';
import { createTransferService } from './services/transfer.service';
import { createInstitutionTasks } from './services/institution-tasks.service';
import { institutionTasksRouter } from './server/institution-tasks.route';
import { agencyReportsRouter } from './server/agency-reports.route';
import { createAgencyReports } from './services/agency-reports/agency-reports.service';
import { createReportRequestPlanner } from './services/agency-reports/report-requests.service';
import { createConferencePack } from './services/conference-pack/conference-pack.service';
import { calendarEventDetails } from './services/filing/calendar-event';
import { createFiling } from './services/filing/filing.service';
import { filingRouter } from './server/filing.route';
import { concernsRouter } from './server/concerns.route';
import { createConcernDecisions } from './services/concerns/concern-decisions.service';
import { teamRouter } from './server/team.route';
import { createRecordRenderer } from './export/record-renderer';
import { createRecordExport } from './services/record-export.service';
import { createRecordPack } from './services/record-pack.service';
import { createMinutesService } from './services/minutes.service';
import { createHttpApp } from './server/http-app';
import { type Logger, createLogger } from './server/logger';
import { openDatabase } from './store/database';
import { migrateToLatest } from './store/migrate';
import { createStore } from './store/store';
import type { LocalObjectGraph } from './local/local-mode';

const VERSION = '0.1.0';

/** A running service and how to stop it. */
export interface RunningService {
  readonly url: string;
  readonly graphSimulatorUrl?: string | undefined;
  stop(): Promise<void>;
}

const REPLY_POLL_MS = 10 * 60_000;
/** How often every core group's check-in prompts are planned, its drift and attendance signals watched and its overdue concerns climbed. */
const HOURLY_REVIEW_MS = 60 * 60_000;
/**
 * The hourly review is split into this many parts by case, each under its own lease, so instances
 * share it: at national scale (60,000 cases) it is about 34 minutes of one instance's hour
 * (`npm run bench -- scale`).
 */
const REVIEW_SHARDS = 16;

/** Cases whose judged status one process keeps (a few KB each): a large team's caseload and then some. */
const JUDGED_CASES_KEPT = 2000;

/**
 * Loads `src/local` (Graph simulator, demo data, dev sign-in, Playground launcher) on demand, so
 * production never even loads those modules (test/server/production-object-graph.test.ts proves it).
 * A lazy `require`, not `import()`: under `node --require tsx/cjs` a TypeScript `import()` has no
 * loader, and `nodenext` would want a `.js` extension that jest does not resolve.
 */
function loadLocalMode(): typeof import('./local/local-mode') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: see above
  return require('./local/local-mode') as typeof import('./local/local-mode');
}

/** Microsoft Graph, or in local mode with GRAPH_MODE=simulator (Config refuses that in production) the Graph simulator. */
function connectCalendar({ config, certificate, local }: { config: Config; certificate: AppCertificate | undefined; local: LocalObjectGraph | undefined }): Promise<CalendarConnection> {
  if (config.graph.mode === 'microsoft') return connectMicrosoftGraph(config, certificate);
  if (!local) throw new ConfigError('GRAPH_MODE: the Graph simulator is for local mode only');
  return local.connectCalendar();
}

/**
 * The composition root: the only place that builds real adapters and wires them together (the
 * admin CLI, `src/cli/main.ts`, is the CLI's own). It builds the production object graph, and in
 * local mode asks `src/local` for what local mode puts in its place: the Graph simulator, the demo
 * core group, the dev sign-in. It migrates the database (Kysely's migration lock makes that safe
 * with several instances) and starts the HTTP host.
 */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const local = config.mode === 'local' ? await loadLocalMode().createLocalObjectGraph({ config, logger, clock: systemClock }) : undefined;
  const calendars = loadWorkingDayCalendars({ govUkFile: config.bankHolidaysFile });
  const policies = loadPolicyCatalogue({ extraDir: config.extraPoliciesDir });
  const database = openDatabase({ ...config.database, onPoolError: (error) => logger.warn({ err: error }, 'a pooled PostgreSQL connection failed while idle; the pool replaces it') });
  const ran = await migrateToLatest(database);
  if (ran.length > 0) logger.info({ migrations: ran }, 'database migrated');
  const store = createStore(database);
  // SQLite is one instance: a second process on the same file is refused, saying so.
  const releaseSqliteFile = database.engine === 'sqlite' && config.database.sqliteFile !== ':memory:' ? await claimSqliteFile({ leases: store.leases, file: config.database.sqliteFile, onRenewFailed: (error) => logger.warn(errorLogFields(error), 'renewing this instance’s claim on the SQLite file failed') }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  }) : undefined;
  await local?.seedDemo({ ...store, calendar: calendars['england-and-wales'] });
  const policiesInUse = new Set(await store.coreGroups.policiesInUse());
  checkCp9Coordinator(config, policies.all.filter((profile) => policiesInUse.has(profile.id)));
  // A new core group can follow a profile that sends CP9 only where the co-ordinator's mailbox is set: otherwise the next start would refuse.
  const offeredProfiles = policies.all.filter((profile) => !profile.rules.cp9ToCoordinator || config.cp9CoordinatorMailbox);
  const certificate = config.bot.certificatePath ? loadAppCertificate(config.bot.certificatePath) : undefined;
  const connection = await connectCalendar({ config, certificate, local });
  const serviceDeps = { ...store, clock: systemClock, calendars, policy: (id: string) => policies.get(id) };
  const languageChoices = createLanguageChoices({ languages: store.languages, clock: systemClock });
  const meetingEvents = createMeetingEventsService(serviceDeps);
  const scheduling = createSchedulingService({
    coreGroups: store.coreGroups,
    meetings: store.meetings,
    concerns: store.concerns,
    concernHistory: store.concernHistory,
    auditLog: store.auditLog,
    calendar: connection.calendar,
    agenda: meetingEvents,
    clock: systemClock,
    calendars,
    policy: (id) => policies.get(id),
    teamsAppId: config.graph.teamsAppId,
    organiserMailbox: config.graph.organiserMailbox,
    documentLanguages: store.documentLanguages,
  });
  let url = '';
  const notifications = createCalendarNotificationService({
    calendar: connection.calendar,
    subscriptions: store.calendarSubscriptions,
    meetings: store.meetings,
    scheduling,
    clock: systemClock,
    notificationUrl: () => `${config.publicBaseUrl ?? url}/api/graph/notifications`,
  });
  const statusDeps = { ...serviceDeps, calendar: connection.calendar, judgedStatuses: createJudgedStatusCache({ maxCases: JUDGED_CASES_KEPT }) };
  const status = createCaseStatusService(statusDeps);
  const conversations = createConversations({ references: store.conversationReferences, clock: systemClock });
  const reviews = createReviewConferenceService({ ...serviceDeps, scheduling });
  const checkIns = createCheckInService(serviceDeps);
  const familyLinks = createFamilyCheckInLinks({ ...serviceDeps, links: store.familyCheckInLinks, checkInService: checkIns, lifetimeDays: config.familyLinkDays });
  const bot = new CoreGroupBot({
    status,
    reviews,
    scheduling,
    checkIns,
    concerns: createConcernService(serviceDeps),
    meetingChat: createMeetingChatService(serviceDeps),
    meetingEvents,
    teamsAppId: config.graph.teamsAppId,
    setup: createCoreGroupSetupService({ ...serviceDeps, directory: connection.calendar, jobs: store.jobs, policyIds: () => offeredProfiles.map((profile) => profile.id) }),
    members: createCoreGroupMembersService({ ...serviceDeps, directory: connection.calendar }),
    policies: () => offeredProfiles.map((profile) => ({ id: profile.id, name: profile.name, welshName: profile.welshName })),
    agenda: createAgendaViews({ meetingEvents, conversations }),
    conversations,
    languages: languageChoices,
    allowedTenantIds: config.allowedTenantIds,
  });
  const adapter = createBotAdapter({
    appId: config.bot.appId,
    password: config.bot.password,
    certificate: certificate && { thumbprintSha1: certificate.thumbprintSha1, privateKeyPem: certificate.privateKeyPem },
    tenantId: config.bot.tenantId,
    log: (level, details, message) => logger[level](details, message),
    languages: languageChoices,
  });
  const renderer = createRecordRenderer({ protectiveMarking: config.protectiveMarking });
  const recordExport = createRecordExport({ ...serviceDeps, renderer });
  const distribution = createMinutesDistribution(serviceDeps);
  const familyVersions = createFamilyVersions({ ...serviceDeps, renderer });
  const circulation = createPlanCirculation({ ...serviceDeps, cp9CoordinatorMailbox: config.cp9CoordinatorMailbox });
  const cp9 = createCp9Record({ ...serviceDeps, renderer: { pdf: renderer.pdf } });
  const conferencePacks = createConferencePack({ ...serviceDeps, renderer });
  // Instances sharing PostgreSQL share Teams' limits through it; SQLite is one instance.
  const limiter = database.engine === 'postgres' ? createSharedRateLimiter(database.db, { onAnswerNotRecorded: (error) => logger.warn(errorLogFields(error), 'recording that Teams answered a send failed; it stays counted until its in-flight time runs out') }) : createRateLimiter();
  const notifier = createTeamsNotifier({ adapter, appId: config.bot.appId ?? '', teamsAppId: config.graph.teamsAppId, conversations, limiter });
  const familyMail = createFamilyCheckInMail({
    ...serviceDeps,
    links: familyLinks,
    publicBaseUrl: () => config.publicBaseUrl ?? url,
    lifetimeDays: config.familyLinkDays,
  });
  const messages = createMessageServices({ ...store, status, meetingEvents, distribution, circulation, exports: recordExport, familyNotes: familyVersions, cp9, conversations, notifier, mailer: connection.calendar, clock: systemClock, organiserMailbox: config.graph.organiserMailbox, familyMail, conferencePacks, teams: { teamwork: connection.calendar, appInstalls: store.appInstalls, teamsAppId: config.graph.teamsAppId } });
  /** This process among the instances sharing the database: it claims jobs and holds leases by this name. */
  const instanceId = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const periodic = instanceLeases({ leases: store.leases, engine: database.engine, instanceId });
  const runner = createJobRunner({
    queue: store.jobs,
    handlers: messageJobHandlers(messages),
    onDeadLetter: messageDeadLetterHandlers(messages),
    workerId: instanceId,
    clock: systemClock,
    leaseMs: config.jobLeaseMs,
    concurrency: MESSAGE_JOB_CONCURRENCY,
    groupOf: recipientOfJob,
    onError: (details) => logger.warn(details, 'job attempt failed'),
  });
  const planner = createCheckInPromptPlanner(serviceDeps);
  const reportRequests = createReportRequestPlanner(serviceDeps);
  const signalWatch = createSignalWatch(serviceDeps);
  const concernClimb = createConcernClimb(serviceDeps);
  /** The hourly review of the cases in one shard (see REVIEW_SHARDS). */
  const reviewShard = async (shard: number) => {
    for (let after: string | undefined, page = await store.coreGroups.listIds({ limit: 200 }); page.length > 0; after = page.at(-1), page = await store.coreGroups.listIds({ after, limit: 200 })) {
      for (const id of page) {
        if (shardOf(id, REVIEW_SHARDS) !== shard) continue;
        await planner.planFor(id);
        await reportRequests.planFor(id);
        await signalWatch.watch(id);
        await concernClimb.climb(id);
      }
    }
  };

  const tabVerifier = local?.tabVerifier ?? createTabTokenVerifier({ keys: entraSigningKeys(), audiences: config.tabSsoAudiences, allowedTenantIds: config.allowedTenantIds });
  const app = createHttpApp({
    logger,
    health: { checkDatabase: database.ping },
    version: VERSION,
    exposure: config.mode === 'local' ? 'loopback' : 'public',
    routers: [
      botRouter({ adapter, bot, logger, tokensRequired: !config.authDisabled }),
      graphNotificationsRouter({ service: notifications, logger }),
      ...(local?.routers ?? []),
      minutesRouter({ service: createMinutesService(serviceDeps), distribution, dashboard: createDashboard({ calendars, policy: serviceDeps.policy, status, concerns: store.concerns, noticeDeliveries: store.noticeDeliveries, coreGroups: store.coreGroups, appInstalls: store.appInstalls, languages: store.languages, clock: systemClock }), languages: store.languages, verifier: tabVerifier, logger }),
      familyVersionRouter({ familyVersions, verifier: tabVerifier, logger }),
      exportRouter({ exports: recordExport, recordPack: createRecordPack({ ...serviceDeps, renderer }), verifier: tabVerifier, logger }),
      planCirculationRouter({ circulation, verifier: tabVerifier, logger }),
      teamRouter({ team: createTeamView(statusDeps), verifier: tabVerifier, logger }),
      seriesRouter({ scheduling, verifier: tabVerifier, logger }),
      reviewConferencesRouter({ reviews, transfers: createTransferService({ ...serviceDeps, scheduling }), verifier: tabVerifier, logger }),
      institutionTasksRouter({ tasks: createInstitutionTasks(serviceDeps), verifier: tabVerifier, logger }),
      agencyReportsRouter({ reports: createAgencyReports(serviceDeps), packs: conferencePacks, verifier: tabVerifier, logger }),
      filingRouter({ filing: createFiling(serviceDeps), eventDetails: (caller, chatId) => calendarEventDetails(statusDeps, caller, chatId), teamsAppId: config.graph.teamsAppId, verifier: tabVerifier, logger }),
      concernsRouter({ decisions: createConcernDecisions(serviceDeps), verifier: tabVerifier, logger }),
      planRouter({ plans: createPlanEditor(serviceDeps), verifier: tabVerifier, logger }),
      stageRouter({ stage: createMeetingStage(serviceDeps), verifier: tabVerifier, logger }),
      languageRouter({ choices: languageChoices, documents: createDocumentLanguages(serviceDeps), verifier: tabVerifier, logger }),
      familyCheckInRouter({ links: familyLinks }),
      tabRouter(join(__dirname, '..', 'tab', 'dist')),
    ],
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', reject);
  }).catch(async (error: unknown) => {
    await connection.stop();
    await database.close();
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const poller = setInterval(() => {
    periodic.once('reply-poll', REPLY_POLL_MS, async () => void (await notifications.poll())).catch((error: unknown) => logger.warn(errorLogFields(error), 'polling for meeting replies failed'));
  }, REPLY_POLL_MS);
  poller.unref();
  const hourlyReview = async () => (await periodic.spread('hourly-review', REVIEW_SHARDS, HOURLY_REVIEW_MS, reviewShard)) > 0;
  const planning = setInterval(() => {
    hourlyReview().catch((error: unknown) => logger.warn(errorLogFields(error), 'the hourly review (check-in prompts, signals, concern climbs) failed'));
  }, HOURLY_REVIEW_MS);
  planning.unref();
  if (!(await hourlyReview())) logger.info({ instance: instanceId }, 'other instances hold this hour’s review');
  runner.start();
  logger.info({ url, mode: config.mode, database: database.engine, graph: connection.simulatorUrl ?? 'microsoft' }, 'core group service listening');
  return {
    url,
    graphSimulatorUrl: connection.simulatorUrl,
    async stop() {
      clearInterval(poller);
      clearInterval(planning);
      await runner.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.stop();
      await periodic.releaseAll();
      await releaseSqliteFile?.();
      await database.close();
    },
  };
}

/** Whether something already listens on the port (a second `npm start`, or another program). */
function portTaken(host: string, port: number): Promise<boolean> {
  if (port === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.listen(port, host, () => probe.close(() => resolve(false)));
  });
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    process.stderr.write(`core group: refusing to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  const logger = createLogger({ level: config.logLevel });
  if (await portTaken(config.host, config.port)) {
    logger.fatal(`port ${config.port} is already in use: is Core Group already running? Stop it first, or set PORT to use another port`);
    process.exitCode = 1;
    return;
  }
  if (process.argv.includes('--reset')) {
    if (config.mode !== 'local' || config.database.url) {
      logger.fatal('--reset starts the local demo afresh; it never touches a production or PostgreSQL database');
      process.exitCode = 1;
      return;
    }
    loadLocalMode().resetLocalDemo(config.database.sqliteFile, logger);
  }
  let service: RunningService;
  try {
    service = await startService(config, logger);
  } catch (error) {
    const inUse = (error as { code?: string }).code === 'EADDRINUSE';
    logger.fatal({ err: error }, inUse ? `port ${config.port} is already in use: is Core Group already running? (set PORT to use another)` : 'could not start');
    process.exitCode = 1;
    return;
  }
  const localClients = config.mode === 'local' ? loadLocalMode().startLocalClients({ config, service, rootDir: join(__dirname, '..'), env: process.env, logger, write: (text) => process.stdout.write(text) }) : undefined;
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    localClients?.stop();
    service.stop().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) void main();
