import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import type { RunningService } from '../../src/main';
import { DEMO_CASE_REFERENCE, DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium } from '../support/browser';
import { englishCatalogueTextOn } from '../support/english-left';
import { browserSuite, startTabStack } from '../support/tab-stack';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

browserSuite('the plan on the meeting stage, in headless Chromium against the built tab and the real server', () => {
  let service: RunningService;
  let meetingId: string;
  const browsers: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const stack = await startTabStack('stage-e2e');
    service = stack.service;
    // A core group meeting today for DEMO-0001, whose group has a parent in it (Jordan Ellis).
    const database = openDatabase({ sqliteFile: stack.sqliteFile });
    const store = createStore(database);
    const coreGroup = (await store.coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('lead'))).find((group) => group.caseReference === DEMO_CASE_REFERENCE)!;
    meetingId = randomUUID();
    await store.meetings.create({ id: meetingId, coreGroupId: coreGroup.id, date: Temporal.Now.plainDateISO('Europe/London'), status: 'scheduled' });
    await database.close();
  }, 60_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await service?.stop();
  });

  const open = async (who: string, path: string, locale = 'en-GB'): Promise<Page> => {
    const browser = await launchChromium({ locale });
    browsers.push(browser);
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${service.url}/tab/${path}${path.includes('?') ? '&' : '?'}theme=light`);
    await page.getByRole('button', { name: new RegExp(who) }).click();
    return page;
  };

  test('the chair’s side panel offers to share the plan; outside Teams it says sharing works in the Teams meeting and previews the stage: the family’s version, read-only, in large type; axe clean', async () => {
    const panel = await open('Priya Shah', `minutes?meetingId=${meetingId}`);
    const note = panel.getByText('Sharing to the stage works in the Teams meeting: open this panel there.');
    await note.waitFor({ timeout: 15_000 });
    await panel.getByRole('link', { name: 'Preview what the stage shows' }).click();
    await panel.getByRole('heading', { name: `The plan — case ${DEMO_CASE_REFERENCE}` }).waitFor({ timeout: 15_000 });
    expect(await panel.getByText(/the family's version \(what everyone here may see\)/).count()).toBe(1);
    // Read-only: nothing to press, nothing to type.
    expect(await panel.getByRole('button').count()).toBe(1); // the local sign-in's "Switch person"
    expect(await panel.getByRole('textbox').count()).toBe(0);
    expect(await panel.getByText('Agree a written safety plan with Jordan, including who to call').count()).toBe(1);
    const results = await new AxeBuilder({ page: panel as never }).analyze();
    expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
    await panel.screenshot({ path: join(SCREENSHOTS, 'meeting-stage-1280.png') });
  });

  test('a member who does not run the meeting is not offered the share; the stage itself, in a Welsh browser, is in Welsh', async () => {
    const panel = await open('Grace Lindqvist', `minutes?meetingId=${meetingId}`);
    await panel.getByRole('heading', { name: 'Core group minutes' }).waitFor({ timeout: 15_000 });
    expect(await panel.getByText(/works in the Teams meeting|Share the plan/).count()).toBe(0);
    const welsh = await open('Grace Lindqvist', `stage?meetingId=${meetingId}`, 'cy-GB');
    await welsh.getByRole('heading', { name: `Y cynllun — achos ${DEMO_CASE_REFERENCE}` }).waitFor({ timeout: 15_000 });
    expect(await welsh.evaluate(() => document.documentElement.lang)).toBe('cy');
    await welsh.getByText('Agree a written safety plan with Jordan, including who to call').waitFor();
    expect(await englishCatalogueTextOn(welsh)).toEqual([]);
  });
});

