import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActivityHandler } from 'botbuilder';
import { NotFoundError } from '../../../src/domain/errors';
import { DEMO_TENANT_ID, demoObjectId } from '../../../src/local/demo/demo-core-group.seed';
import { createDevSignIn } from '../../../src/local/dev-sign-in.issuer';
import { devSignInRouter } from '../../../src/local/dev-sign-in.route';
import { botRouter } from '../../../src/server/bot-mount';
import { exportRouter } from '../../../src/server/export.route';
import { familyVersionRouter } from '../../../src/server/family-version.route';
import { seriesRouter } from '../../../src/server/series.route';
import { teamRouter } from '../../../src/server/team.route';
import { graphNotificationsRouter } from '../../../src/server/graph-notifications.route';
import { familyCheckInRouter } from '../../../src/server/family-check-in.route';
import { type Exposure, createHttpApp } from '../../../src/server/http-app';
import { createLogger } from '../../../src/server/logger';
import { minutesRouter } from '../../../src/server/minutes.route';
import { TokenRejectedError } from '../../../src/server/tab-auth';
import { tabRouter } from '../../../src/server/tab-static';

/** The token the edge app's tab API takes, for a member of the demo core group. */
export const MEMBER_TOKEN = 'member-token';
/** A channel token as far as the bot endpoint's shape check goes; the stand-in adapter takes it. */
export const CHANNEL_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2lnbmF0dXJl';

/** Services that hold nothing: a request that gets past the edge is told not found. */
const nothingStored = new Proxy({}, { get: () => () => Promise.reject(new NotFoundError('nothing is stored in the edge app')) });

export interface EdgeApp {
  readonly url: string;
  /** Every line the product's logger wrote (at trace, the most it can write), as written. */
  readonly logLines: string[];
  /** The Authorization header of each request the bot adapter was handed. */
  readonly adapterCalls: string[];
  /** The change notification batches handed to the service. */
  readonly notificationBatches: unknown[];
  stop(): Promise<void>;
}

/**
 * Every router of the HTTP edge as the composition root mounts them, over services that hold
 * nothing (the edge's answers do not depend on them): the bot endpoint with tokens required and a
 * recording adapter, Graph's notifications, the dev sign-in, the tab API (one token accepted),
 * exports, the parents' check-in links (every link unknown) and the built tab. The logger is the product's, writing into `logLines`.
 */
export async function startEdgeApp(options: { exposure: Exposure }): Promise<EdgeApp> {
  const logLines: string[] = [];
  const adapterCalls: string[] = [];
  const notificationBatches: unknown[] = [];
  const logger = createLogger({ level: 'trace', destination: { write: (line: string) => void logLines.push(line) } });
  const verifier = {
    async verify(token: string) {
      if (token !== MEMBER_TOKEN) throw new TokenRejectedError('not the edge app token');
      return { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('lead'), name: 'Priya Shah' };
    },
  };
  const adapter = {
    async handle(authHeader: string) {
      adapterCalls.push(authHeader);
      return undefined;
    },
  };
  const notifications = {
    async handle(batch: unknown) {
      notificationBatches.push(batch);
      return { synced: 0, rejected: 0 };
    },
  };
  const dist = mkdtempSync(join(tmpdir(), 'coregroup-edge-tab-'));
  writeFileSync(join(dist, 'minutes.html'), '<!doctype html><title>Minutes</title>');
  writeFileSync(join(dist, 'outlook.html'), '<!doctype html><title>Core Group in Outlook</title>');
  const app = createHttpApp({
    logger,
    version: 'test',
    health: { checkDatabase: async () => undefined },
    exposure: options.exposure,
    routers: [
      botRouter({ adapter, bot: {} as ActivityHandler, logger, tokensRequired: true }),
      graphNotificationsRouter({ service: notifications, logger }),
      devSignInRouter(await createDevSignIn([DEMO_TENANT_ID])),
      minutesRouter({ service: nothingStored as never, distribution: nothingStored as never, dashboard: nothingStored as never, verifier, logger }),
      exportRouter({ exports: nothingStored as never, recordPack: nothingStored as never, verifier, logger }),
      familyVersionRouter({ familyVersions: nothingStored as never, verifier, logger }),
      teamRouter({ team: nothingStored as never, verifier, logger }),
      seriesRouter({ scheduling: nothingStored as never, verifier, logger }),
      familyCheckInRouter({ links: { open: async () => ({ refused: 'not-found' }), answer: async () => ({ refused: 'not-found' }) } }),
      tabRouter(dist),
    ],
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    logLines,
    adapterCalls,
    notificationBatches,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
