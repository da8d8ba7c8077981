import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startConnector, percentile } from './bot.bench';
import { startBenchProcess } from './harness';
import { CASES_PER_LEAD, NATIONAL_TENANT_ID, leadObjectId } from './national-dataset';
import { createLeases } from '../src/store/lease.repository';
import type { Kysely } from 'kysely';
import type { Database } from '../src/store/schema';

/** People using the app at once. */
export const USERS = 50;
/** Requests each person makes after warming up. */
const REQUESTS_EACH = 20;
const WARM_UP_EACH = 3;
/** How long each person reads an answer before asking again: 50 people then ask about 45 times a second. */
const THINK_MS = 1_000;
/** The hourly review's parts (`REVIEW_SHARDS` in src/main.ts), held here by another instance while measured. */
const REVIEW_SHARDS = 16;

/** 50 lead social workers of the dataset's first part, each leading 20 cases: the same people at every size. */
export const measuredLeads = () => Array.from({ length: USERS }, (_, index) => leadObjectId(index * 2));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `USERS` people using the app at once: each asks, reads the answer for {@link THINK_MS}, and asks
 * again, starting at moments spread over the first second (not all in the same millisecond). The
 * latencies (ms, sorted) and the requests a second the server answered.
 */
async function atOnce(people: readonly string[], request: (person: string) => Promise<void>): Promise<{ latencies: number[]; perSecond: number }> {
  const latencies: number[] = [];
  const session = async (person: string, index: number, requests: number, measured: boolean) => {
    await pause((index * THINK_MS) / people.length);
    for (let made = 0; made < requests; made++) {
      const at = performance.now();
      await request(person);
      if (measured) latencies.push(performance.now() - at);
      await pause(THINK_MS);
    }
  };
  await Promise.all(people.map((person, index) => session(person, index, WARM_UP_EACH, false)));
  const started = performance.now();
  await Promise.all(people.map((person, index) => session(person, index, REQUESTS_EACH, true)));
  return { latencies: latencies.sort((a, b) => a - b), perSecond: (latencies.length * 1000) / (performance.now() - started) };
}

/**
 * `/coregroup status` from 50 lead social workers at once against one instance of the whole app
 * (`app-instance.ts`: `startService`, local mode, on the dataset's database), their replies going to
 * a connector stand-in that takes everything. Another instance is taken to hold this hour's
 * review (its leases are taken first), as it would with several instances: measured is the
 * serving, not a 60,000-case review running beside it.
 */
export async function statusP95(db: Kysely<Database>, url: string): Promise<{ p95: number; perSecond: number }> {
  const leases = createLeases(db);
  for (let shard = 0; shard < REVIEW_SHARDS; shard++) await leases.take(`hourly-review:${shard}`, 'another-instance', { now: Date.now(), forMs: 2 * 3_600_000 });
  const connector = await startConnector();
  const instance = await startBenchProcess('app-instance.ts', [url, '60000', NATIONAL_TENANT_ID]);
  try {
    const { latencies, perSecond } = await atOnce(measuredLeads(), async (aadObjectId) => {
      const activity = {
        type: 'message',
        id: randomUUID(),
        serviceUrl: connector.url,
        channelId: 'msteams',
        from: { id: `29:${aadObjectId}`, aadObjectId, name: 'Lead' },
        conversation: { id: `a:${aadObjectId}`, conversationType: 'personal', tenantId: NATIONAL_TENANT_ID },
        recipient: { id: '28:bot', name: 'Core Group' },
        channelData: { tenant: { id: NATIONAL_TENANT_ID } },
        text: '/coregroup status',
      };
      const response = await fetch(`${instance.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`/coregroup status answered ${response.status}`);
    });
    return { p95: percentile(latencies, 95), perSecond };
  } finally {
    instance.child.kill();
    connector.close();
    for (let shard = 0; shard < REVIEW_SHARDS; shard++) await leases.release(`hourly-review:${shard}`, 'another-instance');
  }
}

/** `GET /api/dashboard` for 50 lead social workers at once (`dashboard-server.ts`: the minutes router, signed-in as each). */
export async function dashboardP95(url: string): Promise<{ p95: number; perSecond: number }> {
  const tokensFile = join(mkdtempSync(join(tmpdir(), 'coregroup-national-')), 'tokens.json');
  const server = await startBenchProcess('dashboard-server.ts', [url, NATIONAL_TENANT_ID, tokensFile, measuredLeads().join(',')]);
  try {
    const tokens = JSON.parse(readFileSync(tokensFile, 'utf8')) as Record<string, string>;
    const { latencies, perSecond } = await atOnce(measuredLeads(), async (person) => {
      const response = await fetch(`${server.url}/api/dashboard`, { headers: { authorization: `Bearer ${tokens[person]}` } });
      const body = (await response.json()) as { coreGroups?: unknown[] };
      if (response.status !== 200) throw new Error(`the dashboard answered ${response.status}`);
      if (body.coreGroups?.length !== CASES_PER_LEAD) throw new Error(`the dashboard listed ${body.coreGroups?.length ?? 'no'} core groups, not the lead's ${CASES_PER_LEAD}`);
    });
    return { p95: percentile(latencies, 95), perSecond };
  } finally {
    server.child.kill();
  }
}
