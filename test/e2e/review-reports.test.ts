import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningService } from '../../src/main';
import { launchChromium } from '../support/browser';
import { pdfText } from '../support/documents';
import { browserSuite, startTabStack } from '../support/tab-stack';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

browserSuite('written reports for the review conference, and the conference pack, in headless Chromium against the built tab and the real server', () => {
  let service: RunningService;
  let browser: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ({ service } = await startTabStack('reports-e2e'));
    browser = await launchChromium({ locale: 'en-GB' });
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
  const screenshots = async (page: Page, name: string) => {
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: width === 320 });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  test('the lead social worker finds the report owed from the dashboard, is told what is missing, completes and submits it; the conference chair sees the count, reads a report and downloads the conference pack', async () => {
    const lead = await signIn('Priya Shah', 'dashboard?theme=light');
    const panel = lead.getByRole('region', { name: 'Reports for the review conference' });
    await panel.waitFor({ timeout: 15_000 });
    await noSeriousViolations(lead, 'dashboard with reports owed');
    await panel.getByRole('link', { name: 'Open the reports for DEMO-0003' }).click();
    await lead.getByRole('heading', { name: 'Reports for the review conference — case DEMO-0003' }).waitFor({ timeout: 15_000 });

    const form = lead.getByRole('form', { name: /Your report/ });
    const herStanding = lead.locator('#standings-heading ~ ul > li', { hasText: 'Priya Shah' }).locator('.fui-Badge');
    expect(await herStanding.innerText()).toBe('Not started');
    await form.getByRole('textbox', { name: 'What are we worried about?' }).fill('The family is still in the damp flat until the move.');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await lead.getByText(/^Draft saved /).waitFor();
    // Who has submitted follows her save without a reload; what she is writing stays in the form.
    await herStanding.filter({ hasText: 'Being written' }).waitFor({ timeout: 15_000 });
    expect(await form.getByRole('textbox', { name: 'What are we worried about?' }).inputValue()).toBe('The family is still in the damp flat until the move.');
    await form.getByRole('button', { name: 'Submit the report' }).click();
    await lead.getByText(/^Before you submit, add what is working well, what needs to happen, your scaling \(0–10\)/).waitFor();
    await form.getByRole('textbox', { name: 'What is working well?' }).fill('Kai’s mother keeps every appointment; the move is agreed.');
    await form.getByRole('textbox', { name: 'What needs to happen?' }).fill('The move, then three months to see it hold.');
    await form.getByRole('combobox', { name: 'Your scaling' }).selectOption('6');
    await form.getByRole('textbox', { name: 'Why you scaled it there' }).fill('Progress is real, and recent.');
    await form.getByRole('textbox', { name: 'The child’s views and lived experience' }).fill('Kai drew his new bedroom.');
    await noSeriousViolations(lead, 'your report (draft)');
    await screenshots(lead, 'agency-report-form');
    await form.getByRole('button', { name: 'Submit the report' }).click();
    await lead.getByText(/^Your report was submitted /).waitFor({ timeout: 15_000 });
    await lead.getByText('Kai drew his new bedroom.').waitFor();

    const chair = await signIn('Helen Moss', 'dashboard?theme=light');
    await chair.getByRole('link', { name: 'Open the reports for DEMO-0003' }).click();
    await chair.getByRole('heading', { name: /^Who has submitted \(2 of 3\)$/ }).waitFor({ timeout: 15_000 });
    await chair.getByRole('button', { name: 'Read the report from Grace Lindqvist' }).click();
    await chair.getByText('The move to the new home, and monthly weighing until it has settled.').waitFor();
    await noSeriousViolations(chair, 'reports for the review (conference chair)');
    await screenshots(chair, 'review-reports');

    const download = chair.waitForEvent('download');
    await chair.getByRole('button', { name: 'Conference pack PDF' }).click();
    const file = await (await download).path();
    const { text } = await pdfText(readFileSync(file));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('The child protection plan continues (agreed at the core group meeting of');
    expect(flat).toContain('The family is still in the damp flat until the move.');
    expect(flat).toContain('Kai lost weight over the winter');
    expect(flat).toContain('Chronology of concerns');
    expect(flat).not.toContain('Kai Morgan');
    await lead.close();
    await chair.close();
  }, 120_000);
});
