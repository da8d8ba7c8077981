import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningService } from '../../src/main';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium } from '../support/browser';
import { browserSuite, openDashboardAs, startTabStack } from '../support/tab-stack';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

browserSuite('the dashboard in Welsh, in headless Chromium whose language is Welsh (cy-GB), against the built tab and the real server', () => {
  let service: RunningService;
  let browser: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const stack = await startTabStack('welsh-e2e');
    service = stack.service;
    // Priya Shah chose English (/coregroup language english): her choice outranks her browser's Welsh.
    const database = openDatabase({ sqliteFile: stack.sqliteFile });
    await createStore(database).languages.choose({ tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('lead'), language: 'en', at: new Date().toISOString() });
    await database.close();
    browser = await launchChromium({ locale: 'cy-GB' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const open = (who: string): Promise<Page> => openDashboardAs(browser, service, who);

  test('follows the browser’s Welsh: the page is lang="cy", its headings and date in Welsh, what is not yet Welsh marked English; axe finds nothing serious', async () => {
    const page = await open('Grace Lindqvist');
    await page.getByRole('heading', { name: 'Dangosfwrdd grwpiau craidd' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    for (const heading of ['Angen sylw', 'Arwyddion', 'Fy ngrwpiau craidd', 'Fy nghamau gweithredu', 'Terfynau amser a fodlonwyd mewn pryd', 'Llinell amser y cynllun']) {
      expect(await page.getByRole('heading', { name: heading }).count()).toBe(1);
    }
    // Today's date, in Welsh through Intl ("Mer, 9 Rhag 2026").
    expect(await page.locator('header p').innerText()).toMatch(/^(Sul|Llun|Maw|Mer|Iau|Gwen|Sad), \d{1,2} \S+ \d{4}$/);
    // A list still built in English says so, for screen readers.
    expect(await page.locator('#groups-heading ~ ul').getAttribute('lang')).toBe('en');
    const results = await new AxeBuilder({ page: page as never }).analyze();
    expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-cy-1280.png') });
  });

  test('someone who chose English with /coregroup language english gets English in the same Welsh browser', async () => {
    const page = await open('Priya Shah');
    await page.getByRole('heading', { name: 'Core group dashboard' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { name: 'Needs attention' }).count()).toBe(1);
  });

  test('she switches to Cymraeg in the tab: the page turns Welsh at once and stays Welsh when opened again; back to English the same way', async () => {
    const page = await open('Priya Shah');
    await page.getByRole('heading', { name: 'Core group dashboard' }).waitFor({ timeout: 15_000 });
    await page.getByLabel('Language · Iaith').selectOption('cy');
    await page.getByRole('heading', { name: 'Dangosfwrdd grwpiau craidd' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    const results = await new AxeBuilder({ page: page as never }).analyze();
    expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
    await page.close();

    const again = await open('Priya Shah');
    await again.getByRole('heading', { name: 'Dangosfwrdd grwpiau craidd' }).waitFor({ timeout: 15_000 });
    expect(await again.getByLabel('Iaith · Language').inputValue()).toBe('cy');
    await again.getByLabel('Iaith · Language').selectOption('en');
    await again.getByRole('heading', { name: 'Core group dashboard' }).waitFor({ timeout: 15_000 });
    expect(await again.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
