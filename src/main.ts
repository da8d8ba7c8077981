import type { Server } from 'node:http';
import { systemClock } from './adapters/system-clock';
import { type Config, loadConfig } from './config/config';
import { loadWorkingDayCalendars } from './holidays/working-day-calendars';
import { loadPolicyCatalogue } from './policies/policy-catalogue';
import { seedDemoCoreGroup } from './services/demo-core-group';
import { createHttpApp } from './server/http-app';
import { type Logger, createLogger } from './server/logger';
import { openDatabase } from './store/database';
import { migrateToLatest } from './store/migrate';
import { createStore } from './store/store';

const VERSION = '0.1.0';

/** A running service and how to stop it. */
export interface RunningService {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The composition root: the only place that builds real adapters and wires them together.
 * It migrates the database (Kysely's migration lock makes that safe with several instances), in
 * local mode seeds the demo core group, and starts the HTTP host.
 */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const calendars = loadWorkingDayCalendars({ govUkFile: config.bankHolidaysFile });
  loadPolicyCatalogue({ extraDir: config.extraPoliciesDir });
  const database = openDatabase(config.database);
  const ran = await migrateToLatest(database);
  if (ran.length > 0) logger.info({ migrations: ran }, 'database migrated');
  const store = createStore(database);
  if (config.mode === 'local') {
    const demo = await seedDemoCoreGroup({ coreGroups: store.coreGroups, plans: store.plans, clock: systemClock, calendar: calendars['england-and-wales'] });
    if (demo.created) logger.info({ coreGroupId: demo.coreGroupId }, 'demo core group seeded');
  }
  const app = createHttpApp({ logger, health: { checkDatabase: database.ping }, version: VERSION });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, mode: config.mode, database: database.engine }, 'core group service listening');
  return {
    url,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
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
  let service: RunningService;
  try {
    service = await startService(config, logger);
  } catch (error) {
    const inUse = (error as { code?: string }).code === 'EADDRINUSE';
    logger.fatal({ err: error }, inUse ? `port ${config.port} is already in use: is Core Group already running? (set PORT to use another)` : 'could not start');
    process.exitCode = 1;
    return;
  }
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
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
