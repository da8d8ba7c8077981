import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchResult, startBenchProcess } from './harness';

const EDITORS = 20;
const SAVES_PER_EDITOR = 30;
/** The tab saves a section this long after the typing stops (tab/src/minutes/autosave). */
const DEBOUNCE_MS = 600;

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * Autosave round trip under 20 concurrent editors (the chair and the minute-taker of ten meetings,
 * each saving their own section at the tab's autosave pace), against a baseline measured in the
 * same run: an authenticated read of the same minutes (token check, authorisation, audit, one
 * query), the least any request to the API costs.
 */
export async function autosaveBenchmark(): Promise<BenchResult> {
  const editorsFile = join(mkdtempSync(join(tmpdir(), 'coregroup-editors-')), 'editors.json');
  const server = await startBenchProcess('autosave-server.ts', [editorsFile]);
  try {
    const editors = (JSON.parse(readFileSync(editorsFile, 'utf8')) as { meetingId: string; section: string; token: string }[]).slice(0, EDITORS);
    const run = async (pace: boolean, work: (editor: (typeof editors)[number], index: number, version: number) => Promise<number>) => {
      const latencies: number[] = [];
      await Promise.all(
        editors.map(async (editor) => {
          let version = 1;
          for (let index = 0; index < SAVES_PER_EDITOR; index++) {
            const at = performance.now();
            version = await work(editor, index, version);
            latencies.push(performance.now() - at);
            if (pace) await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * (0.5 + Math.random())));
          }
        }),
      );
      return latencies.sort((a, b) => a - b);
    };
    const read = (editor: (typeof editors)[number]) => fetch(`${server.url}/api/meetings/${editor.meetingId}/minutes`, { headers: { authorization: `Bearer ${editor.token}` } });
    const reads = await run(true, async (editor, _index, version) => {
      const response = await read(editor);
      if (response.status !== 200) throw new Error(`read: ${response.status}`);
      return ((await response.json()) as { minutes: { version: number } }).minutes.version ?? version;
    });
    let conflicts = 0;
    const saves = await run(true, async (editor, index, version) => {
      const response = await fetch(`${server.url}/api/meetings/${editor.meetingId}/minutes`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ baseVersion: version, section: editor.section, value: `Typed so far, keystroke batch ${index}` }),
      });
      const body = (await response.json()) as { version?: number; current?: { version: number } };
      if (response.status === 409) conflicts += 1;
      else if (response.status !== 200) throw new Error(`save: ${response.status}`);
      return body.version ?? body.current?.version ?? version;
    });
    const p50 = percentile(saves, 50);
    const p95 = percentile(saves, 95);
    return {
      title: `Minutes autosave: ${EDITORS} concurrent editors (chair and minute-taker of 10 meetings) typing, a save every ${DEBOUNCE_MS} ms ± 50 % each, ${SAVES_PER_EDITOR} saves each, against an authenticated read at the same pace`,
      figures: [
        { name: 'autosave round trip p50', value: p50, unit: 'ms' },
        { name: 'autosave round trip p95', value: p95, unit: 'ms' },
        { name: 'baseline: authenticated read p50', value: percentile(reads, 50), unit: 'ms' },
        { name: 'baseline: authenticated read p95', value: percentile(reads, 95), unit: 'ms' },
        { name: 'autosave p95 / read p95', value: p95 / percentile(reads, 95), unit: '×' },
        { name: 'conflicts (another editor of the same section)', value: conflicts, unit: '' },
      ],
      targets: [{ description: 'autosave p95 ≤ 50 ms', met: p95 <= 50 }],
    };
  } finally {
    server.child.kill();
  }
}
