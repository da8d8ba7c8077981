import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningService } from '../../src/main';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium, seriousViolations } from '../support/browser';
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

  test('follows the browser’s Welsh: the page is lang="cy", its headings, date, lists, badges, buttons and charts in Welsh, nothing marked English but the language switch’s own "English"; axe finds nothing serious', async () => {
    const page = await open('Grace Lindqvist');
    await page.getByRole('heading', { name: 'Dangosfwrdd grwpiau craidd' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    for (const heading of ['Angen sylw', 'Arwyddion', 'Fy ngrwpiau craidd', 'Fy nghamau gweithredu', 'Terfynau amser a fodlonwyd mewn pryd', 'Llinell amser y cynllun', 'Adroddiadau ar gyfer y gynhadledd adolygu']) {
      expect(await page.getByRole('heading', { name: heading }).count()).toBe(1);
    }
    // Today's date, in Welsh through Intl ("Mer, 9 Rhag 2026").
    expect(await page.locator('header p').innerText()).toMatch(/^(Sul|Llun|Maw|Mer|Iau|Gwen|Sad), \d{1,2} \S+ \d{4}$/);

    // What the lists say is Welsh too: her role, each deadline's badge and name, the buttons, the charts.
    const groups = page.locator('#groups-heading ~ ul');
    expect(await groups.getByText('Eich rôl: ymarferydd').count()).toBe(2);
    expect(await groups.locator('.fui-Badge', { hasText: 'Mewn perygl' }).count()).toBeGreaterThan(0);
    expect(await groups.getByText(/^Adroddiad asiantaeth erbyn (Sul|Llun|Maw|Mer|Iau|Gwen|Sad), \d{1,2} \S+ \d{4}$/).count()).toBeGreaterThan(0);
    expect(await page.getByRole('list', { name: 'Y terfynau amser nesaf ar gyfer DEMO-0003' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Nid wyf wedi cael y cynllun ar gyfer DEMO-0003' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Agor y cynllun ar gyfer DEMO-0003' }).innerText()).toBe('Agor y cynllun');
    expect(await page.locator('#attention-heading ~ ul').innerText()).toContain('dyddiad dyledus');
    expect(await page.locator('#actions-heading ~ ul').innerText()).toMatch(/Ar y gweill|Heb ddechrau/);
    await page.getByText('Cyfran y rhwymedigaethau a fodlonwyd mewn pryd', { exact: false }).waitFor({ timeout: 15_000 });
    await page.getByText(/^Llinell amser y cynllun ar gyfer 2 grŵp craidd/).waitFor({ timeout: 15_000 });
    const text = await page.locator('main').innerText();
    for (const english of ['Your role', 'No meeting booked', 'Open the plan', 'At risk', ' due ', 'I have not received', 'Reports for the review conference', 'Share of obligations', 'Plan timeline', 'Show the', 'Today']) expect({ english, found: text.includes(english) }).toEqual({ english, found: false });

    // Nothing on the page is marked English any more but the switch's own "English" (user text is never marked: its language is unknown).
    const markedEnglish = await page.locator('[lang="en"]').evaluateAll((elements) => elements.map((element) => `${element.tagName} ${element.textContent?.trim() ?? ''}`));
    expect(markedEnglish).toEqual(['OPTION English']);

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-cy-1280.png') });

    // A team manager's page in the same Welsh browser: the team view and the export buttons in Welsh.
    const manager = await open('Tom Okafor');
    await manager.getByRole('heading', { name: 'Grwpiau craidd fy nhîm' }).waitFor({ timeout: 15_000 });
    expect(await manager.getByRole('button', { name: 'Allforio CSV' }).count()).toBe(1);
    expect(await manager.getByRole('columnheader', { name: 'Gweithiwr cymdeithasol arweiniol' }).count()).toBe(1);
    expect(await manager.getByRole('button', { name: 'Cynllun PDF ar gyfer DEMO-0001' }).innerText()).toBe('Cynllun PDF');
    expect(await manager.getByRole('button', { name: 'Pecyn cofnod DOCX ar gyfer DEMO-0001' }).innerText()).toBe('Pecyn cofnod DOCX');
    expect(await manager.getByRole('button', { name: "Trefnu'r gynhadledd adolygu ar gyfer DEMO-0001" }).count()).toBe(1);
    expect(await manager.locator('[lang="en"]').evaluateAll((elements) => elements.map((element) => element.tagName))).toEqual(['OPTION']);
    // aria-hidden-focus: the focus sentinels Fluent's DataGrid (Tabster) adds to the team view, found in English too, whatever the language.
    expect(await seriousViolations(manager, ['aria-hidden-focus'])).toEqual([]);
    await manager.close();
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
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();

    const again = await open('Priya Shah');
    await again.getByRole('heading', { name: 'Dangosfwrdd grwpiau craidd' }).waitFor({ timeout: 15_000 });
    expect(await again.getByLabel('Iaith · Language').inputValue()).toBe('cy');
    await again.getByLabel('Iaith · Language').selectOption('en');
    await again.getByRole('heading', { name: 'Core group dashboard' }).waitFor({ timeout: 15_000 });
    expect(await again.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
