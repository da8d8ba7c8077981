import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, type Page, chromium } from 'playwright-core';

/** Debian's Chromium, installed by .ci/run (never downloaded by a test tool). */
export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);

/** Headless Chromium with the flags that keep it off this machine's closed network (PLATFORM-NOTES.md); `locale`: the browser's language. */
export function launchChromium(options: { locale?: string } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'coregroup-chromium-')), {
    executablePath: CHROMIUM,
    ...(options.locale ? { locale: options.locale } : {}),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A free loopback port, for a child process that needs one up front. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What axe finds serious or critical on the page as it stands, as `rule: nodes` (empty when nothing); `skip` leaves out rules known to fail for other reasons. */
export async function seriousViolations(page: Page, skip: readonly string[] = []): Promise<string[]> {
  const results = await new AxeBuilder({ page: page as never }).disableRules([...skip]).analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.length}`);
}
