import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { systemClock } from '../../src/adapters/system-clock';
import { loadConfig } from '../../src/config/config';
import { DEMO_TENANT_ID } from '../../src/local/demo/demo-core-group.seed';
import { type RunningService, startService } from '../../src/main';
import { createLogger } from '../../src/server/logger';
import { createCheckInService } from '../../src/services/check-in.service';
import { createFamilyCheckInLinks } from '../../src/services/family-check-in/family-check-in-links.service';
import { type OpenDatabase, openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium } from '../support/browser';
import { browserSuite } from '../support/tab-stack';
import { giveFamilyAction } from '../support/fixtures';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const ACTION = 'action-parent-e2e';

/**
 * A parent's check-in link in headless Chromium against the real server in local mode: the parent
 * opens the link from their e-mail, sees their one action, answers, and the check-in is recorded;
 * the same link opened again no longer works.
 */
browserSuite("a parent's check-in link in headless Chromium, against the real server", () => {
  let service: RunningService;
  let database: OpenDatabase;
  let browser: BrowserContext;
  let token: string;
  let coreGroupId: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const sqliteFile = join(mkdtempSync(join(tmpdir(), 'coregroup-family-link-')), 'link.db');
    service = await startService(loadConfig({ PORT: '0', GRAPH_SIMULATOR_PORT: '0', SQLITE_FILE: sqliteFile }), createLogger({ level: 'silent' }));
    database = openDatabase({ sqliteFile });
    const store = createStore(database);
    const groups = await Promise.all((await store.coreGroups.listIds({ limit: 200 })).map((id) => store.coreGroups.findById(id)));
    coreGroupId = groups.find((group) => group?.caseReference === 'DEMO-0001')!.id;
    const parent = (await store.coreGroups.members(coreGroupId)).find((member) => member.role === 'family-member')!;
    const today = systemClock.today();
    await giveFamilyAction(store.plans, { coreGroupId, id: ACTION, what: 'Take your child to the dentist and tell the health visitor how it went', ownerMemberId: parent.id, due: today.add({ days: 14 }).toString(), agreedOn: today.toString(), authorMemberId: parent.id, at: systemClock.nowIso() });
    const links = createFamilyCheckInLinks({ ...store, clock: systemClock, links: store.familyCheckInLinks, checkInService: createCheckInService({ ...store, clock: systemClock }), lifetimeDays: 7 });
    token = await links.issue({ tenantId: DEMO_TENANT_ID, coreGroupId, memberId: parent.id, actionId: ACTION, promptId: '5b1d0c8e-0000-4000-8000-0000000000e2' });
    browser = await launchChromium({ locale: 'en-GB' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await database?.close();
    await service?.stop();
  });

  const noSeriousViolations = async (page: Page, screen: string) => {
    const results = await new AxeBuilder({ page: page as never }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect({ screen, violations: serious.map((violation) => `${violation.id}: ${violation.nodes.length}`) }).toEqual({ screen, violations: [] });
  };

  test('the parent opens the link, sees their action, says it is stuck with a note, and the link then no longer works', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${service.url}/family/check-in/${token}`);
    console.log((await page.content()).slice(0, 3000));
    await page.getByRole('heading', { name: 'How is your action going?' }).waitFor();
    await page.getByText('Take your child to the dentist and tell the health visitor how it went').waitFor();
    await noSeriousViolations(page, 'the link page');
    await page.getByLabel('Stuck — I need help with this').check();
    await page.getByLabel('Anything you want to add (optional)').fill('The surgery has no appointments until next month.');
    await page.screenshot({ path: join(SCREENSHOTS, 'family-check-in-link-390.png'), fullPage: true });
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await noSeriousViolations(page, 'the thanks page');

    const checkIns = await createStore(database).checkIns.listByCoreGroup(coreGroupId);
    expect(checkIns.filter((checkIn) => checkIn.actionId === ACTION)).toEqual([expect.objectContaining({ status: 'blocked', note: 'The surgery has no appointments until next month.' })]);

    const again = await page.goto(`${service.url}/family/check-in/${token}`);
    expect(again?.status()).toBe(410);
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    expect(await page.content()).not.toContain('dentist');
    await page.close();
  });
});
