import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { Temporal } from 'temporal-polyfill';
import { systemClock } from '../src/adapters/system-clock';
import { loadWorkingDayCalendars } from '../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../src/policies/policy-catalogue';
import { createCaseStatusService } from '../src/services/case-status.service';
import { createDashboard } from '../src/services/dashboard.service';
import { createMinutesDistribution } from '../src/services/minutes-distribution.service';
import { createMinutesService } from '../src/services/minutes.service';
import { createHttpApp } from '../src/server/http-app';
import { createLogger } from '../src/server/logger';
import { minutesRouter } from '../src/server/minutes.route';
import { createTabTokenVerifier } from '../src/server/tab-auth';
import { openDatabase } from '../src/store/database';
import { migrateToLatest } from '../src/store/migrate';
import { createStore } from '../src/store/store';

const TENANT = '00000000-0000-4000-8000-0000000be7c5';
const AUDIENCE = 'api://bench.example/core-group';
const MEETINGS = 10;

/**
 * The minutes API as the app serves it (SQLite file, WAL, real services, tokens verified by the
 * same verifier as Teams SSO tokens, with a local key) in its own process, with ten meetings each
 * with a chair and a minute-taker: twenty editors. Writes each editor's meeting, section and token
 * as JSON to the file named by its argument, then prints `READY <url>`.
 */
async function main(): Promise<void> {
  const database = openDatabase({ sqliteFile: join(mkdtempSync(join(tmpdir(), 'coregroup-autosave-')), 'bench.db') });
  await migrateToLatest(database);
  const store = createStore(database);
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256' };
  const token = (oid: string) => new SignJWT({ tid: TENANT, oid, scp: 'access_as_user' }).setProtectedHeader({ alg: 'RS256', kid: 'bench' }).setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('1h').sign(privateKey);
  const editors: { meetingId: string; section: string; token: string }[] = [];
  for (let index = 0; index < MEETINGS; index++) {
    const coreGroupId = randomUUID();
    const chair = { id: randomUUID(), aad: randomUUID() };
    const taker = { id: randomUUID(), aad: randomUUID() };
    await store.coreGroups.create(
      { id: coreGroupId, caseReference: `BENCH-${index}`, childName: 'Invented', tenantId: TENANT, policyId: 'england', icpcDate: Temporal.PlainDate.from('2026-05-27'), createdAt: systemClock.nowIso() },
      [
        { id: chair.id, displayName: `Chair ${index}`, role: 'lead-social-worker', agency: "children's social care", aadObjectId: chair.aad, reach: 'tenant', active: true },
        { id: taker.id, displayName: `Minute-taker ${index}`, role: 'professional', agency: 'health visiting', aadObjectId: taker.aad, reach: 'tenant', active: true },
      ],
    );
    const meetingId = randomUUID();
    await store.meetings.create({ id: meetingId, coreGroupId, date: Temporal.PlainDate.from('2026-06-08'), status: 'scheduled', chairMemberId: chair.id, minuteTakerMemberId: taker.id });
    editors.push({ meetingId, section: 'childsVoice', token: await token(chair.aad) }, { meetingId, section: 'contingencyReview', token: await token(taker.aad) });
  }
  const calendars = loadWorkingDayCalendars();
  const policies = loadPolicyCatalogue();
  const deps = { ...store, clock: systemClock, calendars, policy: (id: string) => policies.get(id) };
  const logger = createLogger({ level: 'silent' });
  const verifier = createTabTokenVerifier({ keys: createLocalJWKSet({ keys: [jwk] }), audiences: [AUDIENCE], allowedTenantIds: [TENANT] });
  const app = createHttpApp({
    logger,
    version: 'bench',
    health: { checkDatabase: database.ping },
    routers: [minutesRouter({ service: createMinutesService(deps), distribution: createMinutesDistribution(deps), dashboard: createDashboard({ calendars: deps.calendars, policy: deps.policy, concerns: deps.concerns, noticeDeliveries: deps.noticeDeliveries, coreGroups: deps.coreGroups, status: createCaseStatusService({ ...deps, calendar: { occurrences: async () => [] } }), clock: systemClock }), verifier, logger })],
  });
  const server = app.listen(0, '127.0.0.1', () => {
    writeFileSync(process.argv[2]!, JSON.stringify(editors));
    process.stdout.write(`READY http://127.0.0.1:${(server.address() as { port: number }).port}\n`);
  });
}

void main();
