import { rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { join } from 'node:path';
import { loadAppCertificate } from './adapters/app-certificate';
import { systemClock } from './adapters/system-clock';
import { type Config, loadConfig } from './config/config';
import { errorLogFields } from './errors/error-codes';
import { loadWorkingDayCalendars } from './holidays/working-day-calendars';
import { loadPolicyCatalogue } from './policies/policy-catalogue';
import { createBotAdapter } from '../bot/bot-adapter';
import { CoreGroupBot } from '../bot/core-group.bot';
import { createTeamsNotifier } from '../bot/teams-notifier';
import { MESSAGE_JOB_CONCURRENCY, createJobRunner } from './jobs/job-runner';
import { createRateLimiter } from './jobs/rate-limiter';
import { createCheckInPromptPlanner } from './services/check-in-prompts.service';
import { connectCalendar } from './graph/graph-wiring';
import { createCaseStatusService } from './services/case-status.service';
import { createCheckInService } from './services/check-in.service';
import { createConcernService } from './services/concern.service';
import { createMeetingChatService } from './services/meeting-chat.service';
import { createMeetingEventsService } from './services/meeting-events.service';
import { messageJobHandlers } from './jobs/job-handlers';
import { recipientOfJob } from './jobs/job-recipient';
import { createConversations } from './services/conversations.service';
import { createMessageServices } from './services/notifications/message-services';
import { createAgendaViews } from './services/notifications/meeting-notices.service';
import { createMinutesDistribution } from './services/minutes-distribution.service';
import { createDashboard } from './services/dashboard.service';
import { createSignalWatch } from './services/signal-watch.service';
import { createCoreGroupSetupService } from './services/core-group-setup.service';
import { botRouter } from './server/bot-mount';
import { createCalendarNotificationService } from './services/calendar-notifications.service';
import { seedDemoCoreGroup } from './services/demo-core-group';
import { createSchedulingService } from './services/scheduling.service';
import { graphNotificationsRouter } from './server/graph-notifications.route';
import { startPlayground } from './server/playground';
import { devSignInRouter } from './server/dev-sign-in.route';
import { minutesRouter } from './server/minutes.route';
import { createDevSignIn, createTabTokenVerifier, entraSigningKeys } from './server/tab-auth';
import { tabRouter } from './server/tab-static';
import { exportRouter } from './server/export.route';
import { renderDocx } from './export/docx-renderer';
import { renderPdf } from './export/pdf-renderer';
import { createRecordExport } from './services/record-export.service';
import { createMinutesService } from './services/minutes.service';
import { createHttpApp } from './server/http-app';
import { type Logger, createLogger } from './server/logger';
import { openDatabase } from './store/database';
import { migrateToLatest } from './store/migrate';
import { createStore } from './store/store';

const VERSION = '0.1.0';

/** A running service and how to stop it. */
export interface RunningService {
  readonly url: string;
  readonly graphSimulatorUrl?: string | undefined;
  stop(): Promise<void>;
}

const REPLY_POLL_MS = 10 * 60_000;
/** How often every core group's check-in prompts are planned and its drift and attendance signals watched. */
const HOURLY_REVIEW_MS = 60 * 60_000;

/**
 * The composition root: the only place that builds real adapters and wires them together.
 * It migrates the database (Kysely's migration lock makes that safe with several instances), in
 * local mode seeds the demo core group, and starts the HTTP host.
 */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const calendars = loadWorkingDayCalendars({ govUkFile: config.bankHolidaysFile });
  const policies = loadPolicyCatalogue({ extraDir: config.extraPoliciesDir });
  const database = openDatabase({ ...config.database, onPoolError: (error) => logger.warn({ err: error }, 'a pooled PostgreSQL connection failed while idle; the pool replaces it') });
  const ran = await migrateToLatest(database);
  if (ran.length > 0) logger.info({ migrations: ran }, 'database migrated');
  const store = createStore(database);
  if (config.mode === 'local') {
    const demo = await seedDemoCoreGroup({ coreGroups: store.coreGroups, plans: store.plans, clock: systemClock, calendar: calendars['england-and-wales'] });
    if (demo.created) logger.info({ coreGroupId: demo.coreGroupId }, 'demo core group seeded');
  }
  const certificate = config.bot.certificatePath ? loadAppCertificate(config.bot.certificatePath) : undefined;
  const connection = await connectCalendar(config, certificate);
  const serviceDeps = { ...store, clock: systemClock, calendars, policy: (id: string) => policies.get(id) };
  const meetingEvents = createMeetingEventsService(serviceDeps);
  const scheduling = createSchedulingService({
    coreGroups: store.coreGroups,
    meetings: store.meetings,
    auditLog: store.auditLog,
    calendar: connection.calendar,
    agenda: meetingEvents,
    clock: systemClock,
    calendars,
    policy: (id) => policies.get(id),
    teamsAppId: config.graph.teamsAppId,
    organiserMailbox: config.graph.organiserMailbox,
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
  const status = createCaseStatusService(serviceDeps);
  const conversations = createConversations({ references: store.conversationReferences, clock: systemClock });
  const bot = new CoreGroupBot({
    status,
    scheduling,
    checkIns: createCheckInService(serviceDeps),
    concerns: createConcernService(serviceDeps),
    meetingChat: createMeetingChatService(serviceDeps),
    meetingEvents,
    teamsAppId: config.graph.teamsAppId,
    setup: createCoreGroupSetupService({ ...serviceDeps, directory: connection.calendar, policyIds: () => policies.all.map((profile) => profile.id) }),
    policies: () => policies.all.map((profile) => ({ id: profile.id, name: profile.name })),
    agenda: createAgendaViews({ meetingEvents, conversations }),
    conversations,
    allowedTenantIds: config.allowedTenantIds,
  });
  const adapter = createBotAdapter({
    appId: config.bot.appId,
    password: config.bot.password,
    certificate: certificate && { thumbprintSha1: certificate.thumbprintSha1, privateKeyPem: certificate.privateKeyPem },
    tenantId: config.bot.tenantId,
    log: (level, details, message) => logger[level](details, message),
  });
  const recordExport = createRecordExport({ ...serviceDeps, renderer: { docx: renderDocx, pdf: renderPdf } });
  const distribution = createMinutesDistribution(serviceDeps);
  const notifier = createTeamsNotifier({ adapter, appId: config.bot.appId ?? '', teamsAppId: config.graph.teamsAppId, conversations, limiter: createRateLimiter() });
  const runner = createJobRunner({
    queue: store.jobs,
    handlers: messageJobHandlers(createMessageServices({ ...store, status, meetingEvents, distribution, exports: recordExport, conversations, notifier, mailer: connection.calendar, organiserMailbox: config.graph.organiserMailbox })),
    workerId: `${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    clock: systemClock,
    leaseMs: config.jobLeaseMs,
    concurrency: MESSAGE_JOB_CONCURRENCY,
    groupOf: recipientOfJob,
    onError: (details) => logger.warn(details, 'job attempt failed'),
  });
  const planner = createCheckInPromptPlanner(serviceDeps);
  const signalWatch = createSignalWatch(serviceDeps);
  const planAll = async () => {
    for (let after: string | undefined, page = await store.coreGroups.listIds({ limit: 200 }); page.length > 0; after = page.at(-1), page = await store.coreGroups.listIds({ after, limit: 200 })) {
      for (const id of page) {
        await planner.planFor(id);
        await signalWatch.watch(id);
      }
    }
  };
  const devSignIn = config.mode === 'local' ? await createDevSignIn(config.allowedTenantIds) : undefined;
  const tabVerifier = devSignIn?.verifier ?? createTabTokenVerifier({ keys: entraSigningKeys(), audiences: config.tabSsoAudiences, allowedTenantIds: config.allowedTenantIds });
  const app = createHttpApp({
    logger,
    health: { checkDatabase: database.ping },
    version: VERSION,
    routers: [
      botRouter({ adapter, bot, logger }),
      graphNotificationsRouter({ service: notifications, logger }),
      ...(devSignIn ? [devSignInRouter(devSignIn)] : []),
      minutesRouter({ service: createMinutesService(serviceDeps), distribution, dashboard: createDashboard({ status, clock: systemClock }), verifier: tabVerifier, logger }),
      exportRouter({ exports: recordExport, verifier: tabVerifier, logger }),
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
    notifications.poll().catch((error: unknown) => logger.warn(errorLogFields(error), 'polling for meeting replies failed'));
  }, REPLY_POLL_MS);
  poller.unref();
  const planning = setInterval(() => {
    planAll().catch((error: unknown) => logger.warn(errorLogFields(error), 'the hourly review (check-in prompts, signals) failed'));
  }, HOURLY_REVIEW_MS);
  planning.unref();
  await planAll();
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
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${config.database.sqliteFile}${suffix}`, { force: true });
    logger.info({ file: config.database.sqliteFile }, 'local demo data removed: starting from a fresh demo');
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
  const playground = config.playground.enabled ? startPlayground({ botEndpoint: `${service.url}/api/messages`, port: config.playground.port, cwd: join(__dirname, '..'), env: process.env, logger }) : undefined;
  if (config.mode === 'local') {
    process.stdout.write(
      [
        '',
        'Core Group is running locally (SQLite, Graph simulator, authentication off on loopback).',
        playground ? `  Teams client (Agents Playground): ${playground.url}  — you are Priya Shah, lead social worker of the demo core group DEMO-0001` : '  Agents Playground: off (PLAYGROUND=off)',
        `  Minutes tab: ${service.url}/tab/minutes   Dashboard: ${service.url}/tab/dashboard  — choose a demo person to sign in`,
        `  Bot endpoint: ${service.url}/api/messages   Health: ${service.url}/healthz   Graph simulator: ${service.graphSimulatorUrl ?? '-'}`,
        '  Try: /coregroup status · /coregroup schedule · /coregroup tasks · /coregroup plan · /coregroup escalate · /coregroup new',
        '  Data is kept in ' + config.database.sqliteFile + ' between runs; npm start -- --reset starts from a fresh demo. Ctrl-C stops everything.',
        '',
      ].join('\n'),
    );
  }
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    playground?.stop();
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
