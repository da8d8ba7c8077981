import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { DEMO_TENANT_ID, demoObjectId } from '../src/local/demo/demo-core-group.seed';
import { type BenchResult, startBenchProcess } from './harness';

const CONCURRENCY = 50;
const REQUESTS = 3000;
const ROUNDS = 3;

/** Starts a benchmark server process and waits for its URL. */
/** Both servers run with the heap budget production runs with (`npm run serve`), so the figures are production's. */
export const PRODUCTION_HEAP = ['--max-old-space-size=160'];
export const startServer = (kind: 'core-group' | 'echo') => startBenchProcess('bot-servers.ts', [kind], PRODUCTION_HEAP);

/** The most memory the process has held (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** A connector stand-in that accepts every reply at once. */
export async function startConnector(): Promise<{ url: string; close: () => void }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end('{"id":"1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, close: () => server.close() };
}

/** Who sends the messages and how hard: by default the demo lead social worker, `REQUESTS` at `CONCURRENCY`. */
export interface LoadShape {
  readonly concurrency: number;
  readonly requests: number;
  readonly aadObjectId: string;
}

/** Sends `shape.requests` messages at `shape.concurrency`; returns latencies (ms, sorted) and requests per second. */
export async function load(url: string, serviceUrl: string, text: string, shape: LoadShape = { concurrency: CONCURRENCY, requests: REQUESTS, aadObjectId: demoObjectId('lead') }): Promise<{ latencies: number[]; rps: number }> {
  const { concurrency, requests, aadObjectId } = shape;
  const latencies: number[] = [];
  let next = 0;
  const body = (index: number) =>
    JSON.stringify({
      type: 'message',
      id: `m${index}`,
      serviceUrl,
      channelId: 'msteams',
      from: { id: '29:lead', aadObjectId, name: 'Lead' },
      conversation: { id: 'a:lead', conversationType: 'personal', tenantId: DEMO_TENANT_ID },
      recipient: { id: '28:bot', name: 'Core Group' },
      channelData: { tenant: { id: DEMO_TENANT_ID } },
      text,
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const index = next++;
        const at = performance.now();
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(index) });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`status ${response.status}`);
        latencies.push(performance.now() - at);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), rps: (requests / (performance.now() - started)) * 1000 };
}

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** `/coregroup status` at concurrency 50 against a bare botbuilder echo bot measured in the same run. */
export async function botBenchmark(): Promise<BenchResult> {
  const connector = await startConnector();
  const echoServer = await startServer('echo');
  const statusServer = await startServer('core-group');
  // Rounds alternate between the two servers and each figure is the median round, so a moment of
  // load from elsewhere on a shared machine does not land on one side only.
  const rounds: { echo: Awaited<ReturnType<typeof load>>; status: Awaited<ReturnType<typeof load>> }[] = [];
  try {
    await load(echoServer.url, connector.url, 'hello');
    await load(statusServer.url, connector.url, '/coregroup status');
    for (let round = 0; round < ROUNDS; round++) rounds.push({ echo: await load(echoServer.url, connector.url, 'hello'), status: await load(statusServer.url, connector.url, '/coregroup status') });
  } finally {
    connector.close();
  }
  const median = (pick: (round: (typeof rounds)[number]) => Awaited<ReturnType<typeof load>>) => [...rounds].map(pick).sort((a, b) => a.rps - b.rps)[Math.floor(rounds.length / 2)]!;
  const echo = { ...median((round) => round.echo), rssMb: peakRssMb(echoServer.child.pid!) };
  const status = { ...median((round) => round.status), rssMb: peakRssMb(statusServer.child.pid!) };
  echoServer.child.kill();
  statusServer.child.kill();
  const p50 = percentile(status.latencies, 50);
  const p99 = percentile(status.latencies, 99);
  const echoP99 = percentile(echo.latencies, 99);
  return {
    title: `Bot turns: /coregroup status at concurrency ${CONCURRENCY} (${REQUESTS} requests a round, median of ${ROUNDS} rounds alternating with the echo bot), against a bare echo bot`,
    figures: [
      { name: 'status: throughput', value: status.rps, unit: 'req/s' },
      { name: 'status: latency p50', value: p50, unit: 'ms' },
      { name: 'status: latency p99', value: p99, unit: 'ms' },
      { name: 'status: server peak RSS', value: status.rssMb, unit: 'MB' },
      { name: 'echo bot: throughput', value: echo.rps, unit: 'req/s' },
      { name: 'echo bot: latency p50', value: percentile(echo.latencies, 50), unit: 'ms' },
      { name: 'echo bot: latency p99', value: echoP99, unit: 'ms' },
      { name: 'throughput ratio (status / echo)', value: status.rps / echo.rps, unit: '×' },
      { name: 'p99 ratio (status / echo)', value: p99 / echoP99, unit: '×' },
    ],
    targets: [
      { description: 'throughput ≥ 0.7× the echo bot', met: status.rps >= 0.7 * echo.rps },
      { description: 'p99 ≤ 2× the echo bot', met: p99 <= 2 * echoP99 },
      { description: 'server peak RSS ≤ 250 MB', met: status.rssMb <= 250 },
    ],
  };
}
