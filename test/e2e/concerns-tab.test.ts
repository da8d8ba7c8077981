import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import type { RunningService } from '../../src/main';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium } from '../support/browser';
import { browserSuite, startTabStack } from '../support/tab-stack';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

browserSuite('a step’s people act on a concern from the dashboard, in headless Chromium against the built tab and the real server', () => {
  let service: RunningService;
  let browser: BrowserContext;
  let concernId: string;
  let sqliteFile: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const stack = await startTabStack('concerns-e2e');
    service = stack.service;
    sqliteFile = stack.sqliteFile;
    // A case in Tom Okafor's team whose lead social worker asked for an extra core group: the team manager decides (seed 001).
    const database = openDatabase({ sqliteFile });
    const store = createStore(database);
    const today = Temporal.Now.plainDateISO('Europe/London');
    const coreGroupId = randomUUID();
    const leadId = randomUUID();
    const member = (role: 'lead-social-worker' | 'team-manager', name: string, aadObjectId: string, id = randomUUID()) => ({ id, displayName: name, role, agency: "children's social care", aadObjectId, reach: 'tenant' as const, active: true });
    await store.coreGroups.create(
      { id: coreGroupId, caseReference: 'EXTRA-0001', childName: 'Invented Child (never shown)', tenantId: DEMO_TENANT_ID, policyId: 'england', icpcDate: today.subtract({ days: 40 }), createdAt: new Date().toISOString() },
      [member('lead-social-worker', 'Zainab Ahmed', randomUUID(), leadId), member('team-manager', 'Tom Okafor', demoObjectId('manager'))],
    );
    concernId = randomUUID();
    const at = new Date().toISOString();
    await store.concerns.raise({ id: concernId, coreGroupId, kind: 'extra-meeting-request', raisedByMemberId: leadId, step: 0, status: 'open', raisedAt: at, stepStartedAt: at, note: 'New worries from school <b>today</b>' }, `e2e:${concernId}`);
    await store.concernHistory.record({ id: randomUUID(), concernId, step: 0, kind: 'raised', actorId: leadId, actorName: 'Zainab Ahmed', text: 'New worries from school <b>today</b>', at });
    await store.concernHistory.record({ id: randomUUID(), concernId, step: 0, kind: 'told', actorName: 'Tom Okafor', notice: { outcome: 'sent', channel: 'teams' }, at });
    await database.close();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  test('the team manager refuses an extra core group: a reason is asked for, then the refusal is recorded on the concern’s history', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${service.url}/tab/dashboard?theme=light`);
    await page.getByRole('button', { name: /Tom Okafor/ }).click();
    const panel = page.getByRole('region', { name: 'Concerns with you' });
    const concern = panel.getByRole('listitem', { name: 'Concern: Ask for an extra core group meeting, case EXTRA-0001' });
    await concern.waitFor();
    await expect(concern.getByText('New worries from school <b>today</b>').first().isVisible()).resolves.toBe(true);
    expect(await concern.getByRole('button').allTextContents()).toEqual(['Acknowledge', 'Grant the extra core group', 'Refuse', 'Escalate now']);
    // Worded on the page from the codes and facts the server sends, in the same English as ever.
    await concern.getByText(/· with the team manager · respond by /).waitFor();
    await concern.getByText('What the procedure asks: the team leader decides whether to grant the extra core group.').waitFor();
    await concern.getByText(/ · step 1 · Told — Tom Okafor \(sent by Teams\)$/).waitFor();

    await concern.getByRole('button', { name: 'Refuse' }).click();
    await concern.getByText('Give the reason for refusing.').waitFor();

    const results = await new AxeBuilder({ page: page as never }).include('#concerns-heading').analyze();
    expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
    await concern.getByRole('textbox').fill('The next core group is in five days');
    await page.getByRole('heading', { name: 'Concerns with you' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-concerns-1280.png') });
    await concern.getByRole('button', { name: 'Refuse' }).click();
    await panel.getByText('Refused: the member who asked has been told your reason.').waitFor();

    const database = openDatabase({ sqliteFile });
    try {
      const store = createStore(database);
      expect(await store.concerns.find(concernId)).toMatchObject({ status: 'refused', step: 0 });
      const history = (await store.concernHistory.ofConcerns([concernId])).get(concernId) ?? [];
      expect(history.filter((entry) => entry.kind !== 'told').map((entry) => [entry.kind, entry.actorName, entry.text])).toEqual([
        ['raised', 'Zainab Ahmed', 'New worries from school <b>today</b>'],
        ['refused', 'Tom Okafor', 'The next core group is in five days'],
      ]);
    } finally {
      await database.close();
    }
    await page.close();
  }, 60_000);
});
