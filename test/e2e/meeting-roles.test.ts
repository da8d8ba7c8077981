import { randomUUID } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import type { RunningService } from '../../src/main';
import { DEMO_CASE_REFERENCE, DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium } from '../support/browser';
import { browserSuite, startTabStack } from '../support/tab-stack';

/**
 * Family members are never chair or minute-taker (issue 14, item 6), in the minutes tab too: a
 * meeting stored with the parent as minute-taker (before the rule) is flagged, and the role
 * pickers offer professionals only.
 */
browserSuite('the chair and minute-taker pickers in headless Chromium, against the built tab and the real server', () => {
  let service: RunningService;
  let browser: BrowserContext;
  let meetingId: string;

  beforeAll(async () => {
    const stack = await startTabStack('roles-e2e');
    service = stack.service;
    const database = openDatabase({ sqliteFile: stack.sqliteFile });
    const store = createStore(database);
    const coreGroup = (await store.coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('lead'))).find((group) => group.caseReference === DEMO_CASE_REFERENCE)!;
    const parent = (await store.coreGroups.members(coreGroup.id)).find((member) => member.role === 'family-member')!;
    meetingId = randomUUID();
    await store.meetings.create({ id: meetingId, coreGroupId: coreGroup.id, date: Temporal.Now.plainDateISO('Europe/London'), status: 'scheduled', minuteTakerMemberId: parent.id });
    await database.close();
    browser = await launchChromium({ locale: 'en-GB' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  test('the lead social worker sees the parent flagged as minute-taker, and is offered professionals only', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${service.url}/tab/minutes?meetingId=${meetingId}&theme=light`);
    await page.getByRole('button', { name: /Priya Shah/ }).click();
    await page.getByText('The minute-taker named for this meeting is family, not a professional').waitFor();
    await page.getByRole('button', { name: 'Change chair or minute-taker' }).click();
    const form = page.getByRole('form', { name: 'Chair and minute-taker' });
    await form.waitFor();
    const offered = async (label: string) => (await form.getByLabel(label).locator('option').allTextContents()).join(' | ');
    for (const label of ['Chair', 'Minute-taker']) {
      expect(await offered(label)).toContain('Grace Lindqvist');
      expect(await offered(label)).not.toContain('Jordan Ellis');
    }
    expect(await form.getByLabel('Minute-taker').inputValue()).toBe('');
    await page.close();
  });
});
