import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import type { RunningService } from '../../src/main';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium } from '../support/browser';
import { browserSuite, openDashboardAs, startTabStack } from '../support/tab-stack';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

browserSuite('the team manager’s view on the dashboard in headless Chromium, against the built tab and the real server', () => {
  let service: RunningService;
  let browser: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const stack = await startTabStack('team-e2e');
    service = stack.service;
    // Two more cases for Tom Okafor's team, led by colleagues; one with a concern raised and an action blocked.
    const database = openDatabase({ sqliteFile: stack.sqliteFile });
    const store = createStore(database);
    const today = Temporal.Now.plainDateISO('Europe/London');
    // Someone not among TEAM-0003's members, as a member who has left would be: TEAM-0002's lead.
    let notAMember = '';
    for (const [caseReference, lead] of [['TEAM-0002', 'Zainab Ahmed'], ['TEAM-0003', '=Alex Morgan']] as const) {
      const coreGroupId = randomUUID();
      const leadId = randomUUID();
      const member = (role: 'lead-social-worker' | 'team-manager', name: string, aadObjectId: string, id = randomUUID()) => ({ id, displayName: name, role, agency: "children's social care", aadObjectId, reach: 'tenant' as const, active: true });
      await store.coreGroups.create(
        { id: coreGroupId, caseReference, childName: 'Invented Child (never shown)', tenantId: DEMO_TENANT_ID, policyId: 'england', icpcDate: today.subtract({ days: 40 }), createdAt: new Date().toISOString() },
        [member('lead-social-worker', lead, randomUUID(), leadId), member('team-manager', 'Tom Okafor', demoObjectId('manager'))],
      );
      if (caseReference === 'TEAM-0002') notAMember = leadId;
      if (caseReference === 'TEAM-0003') {
        await store.concerns.raise({ id: randomUUID(), coreGroupId, kind: 'drift-and-delay', raisedByMemberId: leadId, step: 0, status: 'open', raisedAt: new Date().toISOString(), stepStartedAt: new Date().toISOString(), note: 'Drift' }, `e2e:${coreGroupId}`);
        // A check-in prompt to the lead social worker that went neither by Teams nor by e-mail.
        await store.noticeDeliveries.record({ id: randomUUID(), kind: 'check-in-prompt', subjectId: randomUUID(), memberId: leadId, coreGroupId, jobId: randomUUID(), attempt: 9, channel: 'email', outcome: 'failed', detail: 'not sent after 8 attempts (MailError:mail-failed)', at: new Date().toISOString() });
        // A welcome, that no channel took, to someone no longer among the group's members.
        await store.noticeDeliveries.record({ id: randomUUID(), kind: 'welcome', subjectId: randomUUID(), memberId: notAMember, coreGroupId, channel: 'email', outcome: 'failed', detail: 'no Teams chat and no e-mail address', at: new Date().toISOString() });
        await store.plans.saveRevision(
          {
            plan: {
              coreGroupId,
              version: 1,
              outcomes: [{ id: 'o', text: 'Safe at home' }],
              actions: [{ id: 'a', outcomeId: 'o', what: 'Referral to housing', ownerMemberId: leadId, agency: "children's social care", due: today.add({ days: 10 }), agreedOn: today.subtract({ days: 40 }), progressMeasure: 'Referral made', state: 'blocked' }],
              contingencyPlan: 'Strategy discussion',
              resources: 'None',
              monitoring: 'None',
            },
            authorMemberId: leadId,
            reason: 'Agreed at the ICPC',
            changes: [],
          },
          new Date().toISOString(),
        );
      }
    }
    await database.close();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const open = (who: string): Promise<Page> => openDashboardAs(browser, service, who);
  const firstColumn = async (grid: ReturnType<Page['getByRole']>, column: number) => grid.getByRole('row').locator(`[role="gridcell"]:nth-child(${column})`).allTextContents();

  test('the team manager sees every case of the team by lead social worker, sorts it, and exports a CSV with case references only', async () => {
    const page = await open('Tom Okafor');
    const grid = page.getByRole('grid', { name: 'My team’s core groups' });
    await grid.waitFor();
    // The demo caseload (Priya Shah's DEMO-0001 to DEMO-0003) is in Tom Okafor's team too.
    expect(await firstColumn(grid, 1)).toEqual(['=Alex Morgan', 'Priya Shah', 'Priya Shah', 'Priya Shah', 'Zainab Ahmed']);
    expect(await firstColumn(grid, 2)).toEqual(['TEAM-0003', 'DEMO-0001', 'DEMO-0002', 'DEMO-0003', 'TEAM-0002']);
    const team3 = grid.getByRole('row').filter({ hasText: 'TEAM-0003' });
    expect(await team3.getByRole('gridcell').allTextContents()).toEqual(['=Alex Morgan', 'TEAM-0003', expect.any(String), expect.any(String), expect.any(String), '1', '1']);

    await grid.getByRole('columnheader', { name: 'Case' }).click();
    expect(await firstColumn(grid, 2)).toEqual(['DEMO-0001', 'DEMO-0002', 'DEMO-0003', 'TEAM-0002', 'TEAM-0003']);
    await grid.getByRole('columnheader', { name: 'Case' }).click();
    expect(await firstColumn(grid, 2)).toEqual(['TEAM-0003', 'TEAM-0002', 'DEMO-0003', 'DEMO-0002', 'DEMO-0001']);
    await grid.getByRole('columnheader', { name: 'Open concerns' }).click();
    const concerns = (await firstColumn(grid, 6)).map(Number);
    expect(concerns).toEqual([...concerns].sort((a, b) => a - b));
    expect(concerns.at(-1)).toBeGreaterThanOrEqual(1);

    const results = await new AxeBuilder({ page: page as never }).include('#team-heading').analyze();
    expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
    await page.getByRole('heading', { name: 'My team’s core groups' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'team-view-1280.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^core-groups-team-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFLead social worker,Case reference,Overdue,At risk,Due this week,Open concerns,Blocked actions\r\n')).toBe(true);
    expect(csv).toMatch(/\r\n'=Alex Morgan,TEAM-0003,\d+,\d+,\d+,1,1\r\n/);
    expect(csv).not.toMatch(/Riley|Invented Child/);
  });

  test('a practitioner who oversees no case sees no team view', async () => {
    const page = await open('Grace Lindqvist');
    await page.getByRole('heading', { name: 'My core groups' }).waitFor();
    expect(await page.getByRole('heading', { name: 'My team’s core groups' }).count()).toBe(0);
  });

  test('needs attention, for the team manager: a notice that failed (to whom, what, by which channel, why), a member Teams cannot reach and a deadline missed', async () => {
    const page = await open('Tom Okafor');
    const attention = page.getByRole('region', { name: 'Needs attention' });
    const failed = attention.getByRole('listitem').filter({ hasText: 'Check-in prompt to' });
    await failed.waitFor({ timeout: 15_000 });
    expect(await failed.textContent()).toMatch(/Not deliveredCheck-in prompt to .*=Alex Morgan.*, by e-mail — failed: not sent after 8 attempts \(MailError:mail-failed\)TEAM-0003 · failed on /);
    expect(await attention.getByRole('listitem').filter({ hasText: 'to a former member' }).textContent()).toMatch(/to a former member, by e-mail — failed: no Teams chat and no e-mail addressTEAM-0003 · failed on /);
    // TEAM-0003's ICPC was 40 days ago and no core group has been held since: its first core group is missed.
    expect(await attention.getByRole('listitem').filter({ hasText: 'TEAM-0003' }).filter({ hasText: 'missed' }).count()).toBeGreaterThanOrEqual(1);
    // The app was installed for the demo's members at start; the police force's policy does not allow it for its officer.
    const notInTeams = attention.getByRole('listitem').filter({ hasText: 'cannot be reached in Teams' });
    await notInTeams.first().waitFor({ timeout: 15_000 });
    expect(await notInTeams.allInnerTexts()).toEqual([expect.stringMatching(/^Not in Teams\s+Sgt Amira Haddad \(police\) cannot be reached in Teams: Core Group could not be installed for them \(their organisation does not allow it\), so their notices and records go by e-mail\s+DEMO-0001 · since /)]);
    // The open concern: with whom it rests, and by when they must respond (ten working days from today, not yet past).
    expect(await attention.getByRole('listitem').filter({ hasText: 'Drift and delay: with the lead social worker and the team manager' }).innerText()).toMatch(/respond by \w{3} \d{1,2} \w{3} \d{4}/);
    const results = await new AxeBuilder({ page: page as never }).include('#attention-heading').analyze();
    expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
    await failed.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-needs-attention-1280.png') });
  });
});
