import { rmSync } from 'node:fs';
import type { Router } from 'express';
import type { Config } from '../config/config';
import type { CalendarConnection } from '../graph/graph-wiring';
import type { Logger } from '../server/logger';
import type { TabTokenVerifier } from '../server/tab-auth';
import type { Clock } from '../services/ports/clock.port';
import { connectSimulatedCalendar } from './calendar.simulator';
import { type DemoCaseloadDeps, seedDemoCaseload } from './demo/demo-caseload.seed';
import { createDevSignIn } from './dev-sign-in.issuer';
import { devSignInRouter } from './dev-sign-in.route';
import { startPlayground } from './playground.launcher';

export { seedDemoCaseload } from './demo/demo-caseload.seed';

/**
 * What local mode adds to the service's object graph. The composition root (`src/main.ts`) builds
 * it only when `config.mode` is `'local'`; production builds the same slots from production
 * factories (Microsoft Graph, Entra's signing keys, no demo, no extra routes).
 */
export interface LocalObjectGraph {
  /** The Graph simulator with the demo organisation, and the real Graph client pointed at it. */
  connectCalendar(): Promise<CalendarConnection>;
  /** Seeds the demo caseload (DEMO-0001 just after its ICPC, DEMO-0002 mid-plan, DEMO-0003 near its review) unless it is there already. */
  seedDemo(deps: Omit<DemoCaseloadDeps, 'clock'>): Promise<void>;
  /** Verifies the dev sign-in's tokens, in place of Teams SSO. */
  readonly tabVerifier: TabTokenVerifier;
  /** The dev sign-in's routes (`GET /api/dev/users`, `POST /api/dev/sign-in`). */
  readonly routers: readonly Router[];
}

/**
 * Builds local mode's part of the object graph. Its dev sign-in key pair is made here, in memory,
 * and lives as long as the process; nothing starts listening until `connectCalendar` is called.
 */
export async function createLocalObjectGraph(options: { config: Config; logger: Logger; clock: Clock }): Promise<LocalObjectGraph> {
  const devSignIn = await createDevSignIn(options.config.allowedTenantIds);
  return {
    connectCalendar: () => connectSimulatedCalendar(options.config),
    async seedDemo(deps) {
      const demo = await seedDemoCaseload({ ...deps, clock: options.clock });
      if (demo.created.length > 0) options.logger.info({ caseReferences: demo.created }, 'demo caseload seeded');
    },
    tabVerifier: devSignIn.verifier,
    routers: [devSignInRouter(devSignIn)],
  };
}

/** `npm start -- --reset`: deletes the local SQLite demo database (and its WAL files) before start. */
export function resetLocalDemo(sqliteFile: string, logger: Logger): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqliteFile}${suffix}`, { force: true });
  logger.info({ file: sqliteFile }, 'local demo data removed: starting from a fresh demo');
}

/**
 * Once the service listens: starts the Agents Playground as the Teams client (unless
 * `PLAYGROUND=off`) and prints where to go. Returns how to stop the Playground.
 */
export function startLocalClients(options: {
  config: Config;
  service: { readonly url: string; readonly graphSimulatorUrl?: string | undefined };
  /** The repository root (the Playground reads its mock users from `.m365agentsplayground.yml` there). */
  rootDir: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  write: (text: string) => void;
}): { stop(): void } {
  const { config, service } = options;
  const playground = config.playground.enabled ? startPlayground({ botEndpoint: `${service.url}/api/messages`, port: config.playground.port, cwd: options.rootDir, env: options.env, logger: options.logger }) : undefined;
  options.write(
    [
      '',
      'Core Group is running locally (SQLite, Graph simulator, authentication off on loopback).',
      playground ? `  Teams client (Agents Playground): ${playground.url}  — you are Priya Shah, lead social worker of the demo caseload DEMO-0001, DEMO-0002 and DEMO-0003` : '  Agents Playground: off (PLAYGROUND=off)',
      `  Minutes tab: ${service.url}/tab/minutes   Dashboard: ${service.url}/tab/dashboard  — choose a demo person to sign in`,
      `  Bot endpoint: ${service.url}/api/messages   Health: ${service.url}/healthz   Graph simulator: ${service.graphSimulatorUrl ?? '-'}`,
      '  Try: /coregroup status · /coregroup schedule · /coregroup tasks · /coregroup plan · /coregroup escalate · /coregroup new',
      '  Data is kept in ' + config.database.sqliteFile + ' between runs; npm start -- --reset starts from a fresh demo. Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  return { stop: () => playground?.stop() };
}
