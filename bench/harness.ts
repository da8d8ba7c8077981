import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { join } from 'node:path';

/** A measured figure: what, how much, in which unit. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

/** A benchmark's outcome: its figures, its ratio to the baseline measured in the same run, and its targets. */
export interface BenchResult {
  readonly title: string;
  readonly figures: readonly Figure[];
  readonly targets: readonly { readonly description: string; readonly met: boolean }[];
}

/** Runs `work` until at least `minMs` have passed (after a warm-up) and returns the time per call in microseconds. */
export function timePerCall(work: () => void, options: { minMs?: number; warmUpCalls?: number } = {}): number {
  for (let i = 0; i < (options.warmUpCalls ?? 3); i++) work();
  const minMs = options.minMs ?? 1000;
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < minMs) {
    work();
    calls++;
    elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (elapsedMs * 1000) / calls;
}

/** Prints a result as aligned text. */
export function report(result: BenchResult): void {
  console.log(`\n## ${result.title}`);
  for (const figure of result.figures) console.log(`  ${figure.name.padEnd(52)} ${figure.value.toFixed(2).padStart(12)} ${figure.unit}`);
  for (const target of result.targets) console.log(`  target: ${target.description.padEnd(44)} ${target.met ? 'met' : 'MISSED'}`);
}

/**
 * The CPU time a process has used so far (user and system, from /proc), in ms: read before and
 * after a load, the server's own cost per request, which the machine's other load moves far less
 * than it moves latency.
 */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** The kernel's clock tick (`getconf CLK_TCK`): 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Starts `bench/<script>` as its own process (tsx as a loader, so /proc/<pid> is the process itself) and waits for its `READY <url>` line. */
export async function startBenchProcess(script: string, args: readonly string[] = [], nodeFlags: readonly string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', join(__dirname, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, url };
}

/** The PostgreSQL the benchmarks create their databases beside: the test one unless DATABASE_URL names another. */
export const BENCH_POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A new, empty PostgreSQL database for one benchmark (`prefix_<random>`), and how to drop it (its connections closed first). */
export async function freshPostgresDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: BENCH_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropping = new Client({ connectionString: BENCH_POSTGRES_URL });
      await dropping.connect();
      try {
        await dropping.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropping.end();
      }
    },
  };
}
