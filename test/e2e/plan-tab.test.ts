import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningService } from '../../src/main';
import { launchChromium } from '../support/browser';
import { browserSuite, startTabStack } from '../support/tab-stack';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

browserSuite('the plan editor in headless Chromium, against the built tab and the real server', () => {
  let service: RunningService;
  let browser: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ({ service } = await startTabStack('plan-e2e'));
    browser = await launchChromium({ locale: 'en-US' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const signIn = async (who: string, path: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${service.url}/tab/${path}`);
    await page.getByRole('button', { name: new RegExp(who) }).click();
    return page;
  };
  const noSeriousViolations = async (page: Page, screen: string) => {
    const results = await new AxeBuilder({ page: page as never }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect({ screen, violations: serious.map((violation) => `${violation.id}: ${violation.nodes.length}`) }).toEqual({ screen, violations: [] });
  };

  test('the lead social worker opens the plan from the dashboard, adds an outcome with a SMART action, drops one, and saves a new version the health visitor then reads', async () => {
    const lead = await signIn('Priya Shah', 'dashboard?theme=light');
    await lead.getByRole('link', { name: 'Open the plan for DEMO-0001' }).click();
    await lead.getByRole('heading', { name: 'Child protection plan — case DEMO-0001' }).waitFor({ timeout: 15_000 });
    const version = Number((await lead.getByText(/^Version \d+/).first().textContent())!.match(/^Version (\d+)/)![1]);
    await lead.getByRole('button', { name: 'Edit the plan' }).click();
    const editor = lead.getByRole('form', { name: 'Edit the plan' });
    const outcomesBefore = await editor.getByRole('region', { name: /^Outcome \d+$/ }).count();

    await editor.getByRole('button', { name: 'Add an outcome' }).click();
    const added = editor.getByRole('region', { name: `Outcome ${outcomesBefore + 1}` });
    await added.getByRole('textbox', { name: new RegExp(`^Outcome ${outcomesBefore + 1}`) }).fill('Riley attends school every day, on time');
    await added.getByRole('button', { name: `Add an action under outcome ${outcomesBefore + 1}` }).click();
    const action = added.getByRole('group', { name: 'Action the new action' });
    await action.getByRole('textbox', { name: /What will be done/ }).fill('Daily attendance call to the family when Riley is absent');
    await added.getByRole('combobox', { name: /Owner/ }).selectOption({ label: 'Owen Price (school)' });
    await added.getByRole('textbox', { name: /^Due/ }).fill('31/03/2027');
    await added.getByRole('textbox', { name: /How often the owner sees the child/ }).fill('every school day');
    await added.getByRole('textbox', { name: /How progress is measured/ }).fill('Attendance above 95% each half term');

    // Saving without a reason is stopped in the tab, in words.
    await editor.getByRole('button', { name: `Save as version ${version + 1}` }).click();
    await editor.getByText('Say why the plan is changing.').waitFor();
    await editor.getByRole('textbox', { name: /How progress is monitored/ }).fill('The school reports attendance weekly to the lead social worker; the core group reviews each action at every meeting.');
    await editor.getByRole('textbox', { name: /Why the plan is changing/ }).fill('Agreed at the core group: school attendance becomes an outcome');
    await noSeriousViolations(lead, 'the plan editor');
    await lead.screenshot({ path: join(SCREENSHOTS, 'plan-editor-1280.png') });
    await editor.getByRole('button', { name: `Save as version ${version + 1}` }).click();
    await lead.getByText(`Saved as version ${version + 1}. The card and the exports show it now.`).waitFor({ timeout: 15_000 });
    const history = lead.getByRole('region', { name: 'Versions' });
    await history.getByText(`Version ${version + 1}`, { exact: false }).first().waitFor();
    await history.getByText('Outcome added: “Riley attends school every day, on time”').waitFor();
    await history.getByText('Action added: “Daily attendance call to the family when Riley is absent”').waitFor();
    await history.getByText('How progress is monitored changed').waitFor();

    // An action is dropped, never deleted: it stays on the plan, marked dropped.
    await lead.getByRole('button', { name: 'Edit the plan' }).click();
    const again = lead.getByRole('form', { name: 'Edit the plan' });
    await again.getByRole('group', { name: 'Action “Daily attendance call to the family when Riley is absent”' }).getByRole('checkbox', { name: /Drop this action/ }).check();
    await again.getByRole('textbox', { name: /Why the plan is changing/ }).fill('The school now phones the family itself');
    await again.getByRole('button', { name: `Save as version ${version + 2}` }).click();
    await lead.getByText(`Saved as version ${version + 2}. The card and the exports show it now.`).waitFor({ timeout: 15_000 });
    await lead.getByRole('region', { name: `Outcome ${outcomesBefore + 1}` }).getByText('Dropped', { exact: true }).waitFor();

    // The group's documents in Welsh and English (a Welsh council): the exports follow.
    const documentsIn = lead.getByRole('combobox', { name: /Documents for this group are written in/ });
    expect(await documentsIn.inputValue()).toBe('en');
    const chosen = lead.waitForResponse((response) => response.url().endsWith('/document-language') && response.request().method() === 'PUT');
    await documentsIn.selectOption({ label: 'Both: Cymraeg first, then English' });
    expect((await chosen).status()).toBe(200);
    await lead.close();

    const health = await signIn('Grace Lindqvist', 'dashboard?theme=light');
    await health.getByRole('link', { name: 'Open the plan for DEMO-0001' }).click();
    await health.getByText(new RegExp(`^Version ${version + 2}, changed .* by Priya Shah`)).waitFor({ timeout: 15_000 });
    await health.getByText('The school reports attendance weekly to the lead social worker; the core group reviews each action at every meeting.').waitFor();
    expect(await health.getByRole('button', { name: 'Edit the plan' }).count()).toBe(0);
    await health.getByText("This group's documents are written in Welsh and English, the Welsh first.").waitFor();
    expect(await health.getByRole('combobox', { name: /Documents for this group/ }).count()).toBe(0);
    await noSeriousViolations(health, 'the plan, read');
    await health.setViewportSize({ width: 320, height: 900 });
    await health.screenshot({ path: join(SCREENSHOTS, 'plan-read-320.png'), fullPage: true });
    expect(await health.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await health.close();
  }, 120_000);
});
