import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { type RunningService, startService } from '../../src/main';
import { createLogger } from '../../src/server/logger';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable } from './browser';

/** `describe` where Chromium is installed (or must be: REQUIRE_BROWSER=1), `describe.skip` elsewhere. */
export const browserSuite = chromiumAvailable || process.env.REQUIRE_BROWSER === '1' ? describe : describe.skip;

/**
 * The real server in local mode on a fresh SQLite file (the demo core group seeded), serving the
 * built tab; the file too, so a test can add what it needs before the browser opens the tab.
 */
export async function startTabStack(name: string): Promise<{ service: RunningService; sqliteFile: string }> {
  if (!existsSync(join(__dirname, '..', '..', 'tab', 'dist', 'minutes.html'))) throw new Error('the tab is not built: npm test builds it (npm run build:tab)');
  const sqliteFile = join(mkdtempSync(join(tmpdir(), `coregroup-${name}-`)), 'tab.db');
  const service = await startService(loadConfig({ PORT: '0', GRAPH_SIMULATOR_PORT: '0', SQLITE_FILE: sqliteFile }), createLogger({ level: 'silent' }));
  return { service, sqliteFile };
}

/** A new 1280×900 page on the dashboard (light theme), signed in locally as the demo person whose button matches `who`. */
export async function openDashboardAs(browser: BrowserContext, service: RunningService, who: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${service.url}/tab/dashboard?theme=light`);
  await page.getByRole('button', { name: new RegExp(who) }).click();
  return page;
}
