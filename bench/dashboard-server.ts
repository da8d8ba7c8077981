import { writeFileSync } from 'node:fs';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { systemClock } from '../src/adapters/system-clock';
import { loadWorkingDayCalendars } from '../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../src/policies/policy-catalogue';
import { createCaseStatusService } from '../src/services/case-status.service';
import { createJudgedStatusCache } from '../src/services/case-status/judged-status-cache';
import { createDashboard } from '../src/services/dashboard.service';
import { createMinutesDistribution } from '../src/services/minutes-distribution.service';
import { createMinutesService } from '../src/services/minutes.service';
import { createHttpApp } from '../src/server/http-app';
import { createLogger } from '../src/server/logger';
import { minutesRouter } from '../src/server/minutes.route';
import { createTabTokenVerifier } from '../src/server/tab-auth';
import { openDatabase } from '../src/store/database';
import { createStore } from '../src/store/store';

const AUDIENCE = 'api://bench.example/core-group';

/**
 * The dashboard API (`GET /api/dashboard`) as the app serves it — the minutes router, the real
 * services and store on the PostgreSQL database of argument 1, judged statuses kept as production
 * keeps them, tokens checked by the same verifier as Teams SSO tokens, with a local key — in its own
 * process. Argument 2: the tenant; argument 4: the people (Entra object ids, comma-separated) to
 * sign a token for, written as JSON to the file named by argument 3. Prints `READY <url>`.
 */
async function main(url: string, tenantId: string, tokensFile: string, people: readonly string[]): Promise<void> {
  const database = openDatabase({ url });
  const store = createStore(database);
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256' };
  const token = (oid: string) => new SignJWT({ tid: tenantId, oid, scp: 'access_as_user' }).setProtectedHeader({ alg: 'RS256', kid: 'bench' }).setIssuer(`https://login.microsoftonline.com/${tenantId}/v2.0`).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('1h').sign(privateKey);
  const calendars = loadWorkingDayCalendars();
  const policies = loadPolicyCatalogue();
  const deps = { ...store, clock: systemClock, calendars, policy: (id: string) => policies.get(id) };
  const status = createCaseStatusService({ ...deps, calendar: { occurrences: async () => [] }, judgedStatuses: createJudgedStatusCache({ maxCases: 2000 }) });
  const logger = createLogger({ level: 'silent' });
  const verifier = createTabTokenVerifier({ keys: createLocalJWKSet({ keys: [jwk] }), audiences: [AUDIENCE], allowedTenantIds: [tenantId] });
  const dashboard = createDashboard({ calendars, policy: deps.policy, concerns: store.concerns, noticeDeliveries: store.noticeDeliveries, coreGroups: store.coreGroups, status, clock: systemClock });
  const app = createHttpApp({ logger, version: 'bench', health: { checkDatabase: database.ping }, routers: [minutesRouter({ service: createMinutesService(deps), distribution: createMinutesDistribution(deps), dashboard, verifier, logger })] });
  const tokens = Object.fromEntries(await Promise.all(people.map(async (oid) => [oid, await token(oid)] as const)));
  const server = app.listen(0, '127.0.0.1', () => {
    writeFileSync(tokensFile, JSON.stringify(tokens));
    process.stdout.write(`READY http://127.0.0.1:${(server.address() as { port: number }).port}\n`);
  });
}

void main(process.argv[2]!, process.argv[3]!, process.argv[4]!, (process.argv[5] ?? '').split(',').filter(Boolean));
