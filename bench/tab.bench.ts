import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadConfig } from '../src/config/config';
import { startService } from '../src/main';
import { createLogger } from '../src/server/logger';
import { chromiumAvailable, launchChromium } from '../test/support/browser';
import type { BenchResult } from './harness';

const DIST = join(__dirname, '..', 'tab', 'dist');
const RENDERS = 10;

/** The JavaScript a page loads before it can render: its entry script and the chunks it preloads, gzip. */
function initialJsKb(page: string): { totalKb: number; reactKb: number } {
  const html = readFileSync(join(DIST, page), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const gzipKb = (file: string) => gzipSync(readFileSync(join(DIST, file))).length / 1024;
  return { totalKb: files.reduce((sum, file) => sum + gzipKb(file), 0), reactKb: files.filter((file) => /\/react-/.test(file)).reduce((sum, file) => sum + gzipKb(file), 0) };
}

/**
 * The tab's weight and speed: initial JavaScript per entry point (gzip) against the React runtime
 * alone (the floor any React page pays), and the minutes panel's first render in headless
 * Chromium — from navigation to the first screen drawn by the app (the sign-in list in local mode)
 * — against a static page served by the same server.
 */
export async function tabBenchmark(): Promise<BenchResult> {
  const minutes = initialJsKb('minutes.html');
  const dashboard = initialJsKb('dashboard.html');
  const figures = [
    { name: 'minutes panel initial JS (gzip)', value: minutes.totalKb, unit: 'KB' },
    { name: 'dashboard initial JS (gzip)', value: dashboard.totalKb, unit: 'KB' },
    { name: 'baseline: React runtime alone (gzip)', value: minutes.reactKb, unit: 'KB' },
    { name: 'minutes panel / React runtime', value: minutes.totalKb / minutes.reactKb, unit: '×' },
  ];
  const targets = [{ description: 'minutes panel initial JS ≤ 200 KB gzip', met: minutes.totalKb <= 200 }];
  if (!chromiumAvailable) return { title: 'Tab bundle (Chromium not installed: no render timing)', figures, targets };

  const service = await startService(loadConfig({ PORT: '0', GRAPH_SIMULATOR_PORT: '0', LOG_LEVEL: 'silent', SQLITE_FILE: join(mkdtempSync(join(tmpdir(), 'coregroup-tab-bench-')), 'bench.db') }), createLogger({ level: 'silent' }));
  const browser = await launchChromium();
  try {
    const time = async (path: string, ready: string) => {
      const samples: number[] = [];
      for (let run = 0; run < RENDERS + 1; run++) {
        const page = await browser.newPage();
        const started = performance.now();
        await page.goto(`${service.url}${path}`);
        await page.getByText(ready).first().waitFor({ timeout: 10_000 });
        if (run > 0) samples.push(performance.now() - started);
        await page.close();
      }
      return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
    };
    const render = await time('/tab/minutes', 'Choose who you are for this session');
    const staticPage = await time('/healthz', 'ok');
    figures.push({ name: 'minutes panel first render (median)', value: render, unit: 'ms' }, { name: 'baseline: a static response from the same server', value: staticPage, unit: 'ms' }, { name: 'first render / static', value: render / staticPage, unit: '×' });
    targets.push({ description: 'first render ≤ 1 s', met: render <= 1000 });
    return { title: `Tab bundle and first render (headless Chromium, median of ${RENDERS}, cold page each time)`, figures, targets };
  } finally {
    await browser.close();
    await service.stop();
  }
}
