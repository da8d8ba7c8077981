import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import type { RunningService } from '../../src/main';
import { DEMO_CASE_REFERENCE, DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium } from '../support/browser';
import { docxText, pdfText } from '../support/documents';
import { browserSuite, startTabStack } from '../support/tab-stack';

const ROOT = join(__dirname, '..', '..');
/** The README's screenshots come from this run, so they stay true. */
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

browserSuite('the minutes tab and the dashboard in headless Chromium, against the built tab and the real server', () => {
  let service: RunningService;
  let browser: BrowserContext;
  let meetingId: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const stack = await startTabStack('tab-e2e');
    service = stack.service;
    const { sqliteFile } = stack;
    // A core group meeting today, the health visitor taking the minutes (the lead social worker chairs).
    const database = openDatabase({ sqliteFile });
    const store = createStore(database);
    const coreGroup = (await store.coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('lead'))).find((group) => group.caseReference === DEMO_CASE_REFERENCE);
    const health = (await store.coreGroups.members(coreGroup!.id)).find((member) => member.aadObjectId === demoObjectId('health'))!;
    meetingId = randomUUID();
    await store.meetings.create({ id: meetingId, coreGroupId: coreGroup!.id, date: Temporal.Now.plainDateISO('Europe/London'), status: 'scheduled', minuteTakerMemberId: health.id });
    await database.close();
    browser = await launchChromium({ locale: 'en-US' }); // a US browser still types dates day/month/year
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const open = async (who: string, path = `minutes?meetingId=${meetingId}`, theme = 'light'): Promise<Page> => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${service.url}/tab/${path}${path.includes('?') ? '&' : '?'}theme=${theme}`);
    await page.getByRole('button', { name: new RegExp(who) }).click();
    return page;
  };
  const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });
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

  test('the chair records attendance, the child’s voice, Signs of Safety and a new action; the minute-taker editing the same section gets the conflict view and nothing is lost', async () => {
    const sign = await browser.newPage();
    await sign.goto(`${service.url}/tab/minutes?meetingId=${meetingId}&theme=light`);
    await sign.getByRole('list', { name: 'Demo people' }).waitFor();
    await noSeriousViolations(sign, 'dev sign-in');
    await screenshots(sign, 'dev-sign-in');
    await sign.close();

    const chair = await open('Priya Shah');
    await chair.getByLabel('Grace Lindqvist').first().selectOption('present');
    await chair.getByLabel('Owen Price').first().selectOption('apologies');
    await chair.getByLabel('What the child has said, shown or is thought to feel').fill('Jordan says school is better this term.');
    await chair.getByLabel('What are we worried about?').fill('Mum’s partner has returned home.');
    await chair.getByLabel('Progress noted in the meeting').first().fill('Two visits done; the home was warm and tidy.');
    await saved(chair);
    await chair.getByLabel('Scaling from Grace Lindqvist').selectOption('6');
    await chair.getByRole('button', { name: 'Add a new action' }).click();
    await chair.getByLabel('What will be done').last().fill('Health visitor to review the sleep routine');
    await chair.getByLabel('Owner').last().selectOption({ label: 'Grace Lindqvist (health visiting)' });
    await chair.getByLabel('The outcome for the child it serves').last().selectOption({ index: 1 });
    await chair.getByLabel('Due').last().fill('12/31/2026');
    await chair.getByText('Write the date as day/month/year, for example 09/12/2026.').waitFor();
    await chair.getByLabel('Due').last().fill('18/12/2026');
    await expectValue(chair.getByLabel('Due').last(), '18/12/2026');
    await saved(chair);
    await chair.getByRole('radiogroup', { name: 'Has the child been seen since the last meeting?' }).getByRole('radio', { name: 'Yes' }).check();
    await chair.getByRole('radiogroup', { name: 'Has the child been seen alone?' }).getByRole('radio', { name: 'Yes' }).check();
    await chair.getByLabel('Last seen on').fill('01/12/2026');
    await chair.getByRole('button', { name: 'Add an agency update' }).click();
    await chair.getByRole('group', { name: 'Agency update 1' }).getByRole('combobox').fill('school');
    await chair.getByLabel('Their update').fill('Attendance up to 92% this half term.');
    await chair.getByRole('radio', { name: 'The plan continues, with changes' }).check();
    await chair.getByText('Not saved yet: give the reasons for the recommendation.').waitFor();
    await chair.getByLabel('Why: the evidence the review conference should weigh').fill('School is better; the home is not yet safe enough.');
    await saved(chair);

    const taker = await open('Grace Lindqvist');
    const takersVoice = taker.getByLabel('What the child has said, shown or is thought to feel');
    await expectValue(takersVoice, 'Jordan says school is better this term.');
    // Both change the same section before either sees the other's save.
    await chair.getByLabel('What the child has said, shown or is thought to feel').fill('Jordan says school is better this term. He wants to see his dad.');
    await saved(chair);
    await takersVoice.fill('Jordan says school is better. Mum agrees.');
    await taker.getByRole('heading', { name: 'Priya Shah changed this section' }).waitFor({ timeout: 15_000 });
    await taker.getByText(/You both changed it: choose which version to keep\./).waitFor();
    await noSeriousViolations(taker, 'conflict view');
    await screenshots(taker, 'minutes-conflict');
    await taker.getByRole('button', { name: 'Keep mine' }).click();
    await saved(taker);
    await chair.reload();
    await expectValue(chair.getByLabel('What the child has said, shown or is thought to feel'), 'Jordan says school is better. Mum agrees.');
    // Different fields of one section, changed by both before either sees the other's save: both land, nobody is asked.
    const takersNeeds = taker.getByLabel('What needs to happen?');
    await chair.getByLabel("What's working well?").fill('Mornings are calmer.');
    await saved(chair);
    await takersNeeds.fill('A bedtime routine that holds at weekends.');
    await saved(taker);
    await expectValue(taker.getByLabel("What's working well?"), 'Mornings are calmer.');
    expect(await taker.getByText(/changed this section/).count()).toBe(0);
    const history = await fetchJson(chair, `/api/meetings/${meetingId}/minutes`);
    expect(JSON.stringify(history)).toContain('Health visitor to review the sleep routine');
    expect(JSON.stringify(history)).toContain('Two visits done; the home was warm and tidy.');
    expect(history).toMatchObject({ minutes: { content: { signsOfSafety: { worries: 'Mum’s partner has returned home.', workingWell: 'Mornings are calmer.', needsToHappen: 'A bedtime routine that holds at weekends.' } } } });
    expect(history).toMatchObject({ minutes: { content: { childSeen: { seen: 'yes', seenAlone: 'yes', lastSeenOn: '2026-12-01' }, agencyUpdates: [{ agency: 'school', update: 'Attendance up to 92% this half term.' }], reviewRecommendation: { outcome: 'continue-with-changes', reasons: 'School is better; the home is not yet safe enough.' } } } });
    await noSeriousViolations(chair, 'minutes (light)');
    await screenshots(chair, 'minutes-tab');
    await taker.close();
    await chair.close();
  }, 120_000);

  test('before sign-off, the minutes can be kept with the keyboard alone: Tab reaches a member’s attendance, the arrow keys change it, and it is saved', async () => {
    const page = await browser.newPage();
    await page.goto(`${service.url}/tab/minutes?meetingId=${meetingId}&theme=contrast`);
    await page.getByRole('list', { name: 'Demo people' }).waitFor();
    const focusedButton = () => page.evaluate(() => (document.activeElement?.tagName === 'BUTTON' ? (document.activeElement.textContent ?? '') : ''));
    for (let presses = 0; presses < 40 && !(await focusedButton()).includes('Priya Shah'); presses++) await page.keyboard.press('Tab');
    expect(await focusedButton()).toContain('Priya Shah');
    await page.keyboard.press('Enter');
    const police = page.getByLabel('Sgt Amira Haddad').first();
    await police.waitFor();
    let reached = false;
    for (let presses = 0; presses < 60 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await police.evaluate((element) => element === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await police.inputValue()).not.toBe('invited');
    await saved(page);
    await noSeriousViolations(page, 'minutes (high contrast)');
    await page.close();
  }, 60_000);

  test('the chair and the team manager sign; the chair reviews the family version (removes an item, signs it off), checks Distribute’s recipient list, confirms, and downloads the DOCX and PDF with the minutes’ content', async () => {
    const chair = await open('Priya Shah');
    await chair.getByRole('button', { name: 'Sign as chair' }).first().click();
    await chair.getByRole('button', { name: 'Sign as chair' }).last().click();
    const manager = await open('Tom Okafor');
    // The team manager sends them back with comments; the chair sees why, changes them and signs again.
    await manager.getByRole('button', { name: 'Send back to the chair…' }).click();
    await manager.getByRole('textbox', { name: 'What the chair should change' }).fill('Record what the school said about attendance.');
    await manager.getByRole('button', { name: 'Send back to the chair', exact: true }).click();
    await manager.getByText(/^Sent back to the chair by Tom Okafor on .*“Record what the school said about attendance\.”/).waitFor({ timeout: 15_000 });
    await chair.reload();
    await chair.getByText(/“Record what the school said about attendance\.” Make the changes, then the chair signs again\./).waitFor({ timeout: 15_000 });
    await chair.getByRole('button', { name: 'Add a decision' }).click();
    await chair.getByLabel('Decision 1').fill('The school reports attendance weekly.');
    await saved(chair);
    await chair.getByRole('button', { name: 'Sign as chair' }).first().click();
    await chair.getByRole('button', { name: 'Sign as chair' }).last().click();
    await chair.getByText('Signed by the chair, waiting for the team manager. Any change now takes the chair’s signature back, and the chair signs again.').waitFor({ timeout: 15_000 });
    await manager.reload();
    await manager.getByRole('button', { name: 'Sign as team manager' }).first().click();
    await manager.getByRole('button', { name: 'Sign as team manager' }).last().click();
    await manager.getByRole('button', { name: 'Distribute the signed minutes' }).waitFor({ timeout: 15_000 });
    await manager.close();

    await chair.reload();
    // The family version: prepared from the signed minutes; the chair removes the worry, writes the summary and signs it off.
    const worry = chair.getByRole('textbox', { name: 'What we are worried about: item' });
    await worry.waitFor({ timeout: 15_000 });
    expect(await worry.inputValue()).toContain('Mum’s partner has returned home.');
    await chair.getByRole('button', { name: 'Remove this item of “What we are worried about”' }).click();
    await chair.getByRole('textbox', { name: 'Summary for the family' }).fill('The meeting agreed things are a little better at home. Everyone keeps to the plan.');
    await chair.getByRole('button', { name: 'Save the review' }).click();
    await chair.getByRole('button', { name: 'Put back this item of “What we are worried about”' }).waitFor();
    await noSeriousViolations(chair, 'family version review');
    await chair.getByRole('heading', { name: 'The family version', exact: true }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await screenshots(chair, 'family-version-review');
    await chair.getByRole('button', { name: 'Sign off the family version' }).click();
    await chair.getByText(/Signed off by Priya Shah/).waitFor({ timeout: 15_000 });
    const reading = (await fetchJson(chair, `/api/meetings/${meetingId}/family-version/reading`)) as { summary: string; sections: { lines: string[] }[] };
    expect(reading.summary).toContain('a little better at home');
    expect(JSON.stringify(reading.sections)).not.toContain('partner has returned home');

    // Distribute shows who gets what, by which route, and sends only once confirmed.
    await chair.getByRole('button', { name: 'Distribute the signed minutes' }).click();
    const list = chair.getByRole('table').filter({ hasText: 'Route' });
    await list.waitFor({ timeout: 15_000 });
    await expect(list.getByRole('row', { name: /Jordan Ellis/ }).textContent()).resolves.toMatch(/e-mail.*the family version.*will be sent now/);
    await expect(list.getByRole('row', { name: /Grace Lindqvist/ }).textContent()).resolves.toMatch(/the minutes/);
    expect((await fetchJson(chair, `/api/meetings/${meetingId}/minutes`)) as { deliveries: unknown[] }).toMatchObject({ deliveries: [] });
    await noSeriousViolations(chair, 'distribute recipient check');
    await chair.getByRole('heading', { name: 'Check who gets what before anything is sent' }).evaluate((heading) => heading.scrollIntoView({ block: 'center' }));
    await screenshots(chair, 'distribute-recipients');
    await chair.getByRole('button', { name: 'Confirm and send' }).click();
    await chair.getByText(/sent/i).first().waitFor({ timeout: 20_000 });
    for (let waited = 0; waited < 20_000; waited += 500) {
      const view = (await fetchJson(chair, `/api/meetings/${meetingId}/minutes`)) as { deliveries: unknown[]; circulation: { status: string } };
      if (view.circulation.status === 'met') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const view = (await fetchJson(chair, `/api/meetings/${meetingId}/minutes`)) as { deliveries: { outcome: string }[]; circulation: { status: string } };
    expect(view.deliveries.length).toBeGreaterThan(3);
    expect(view.deliveries.every((delivery) => delivery.outcome === 'sent')).toBe(true);
    expect(view.circulation.status).toBe('met');

    const download = async (button: string) => {
      const [file] = await Promise.all([chair.waitForEvent('download'), chair.getByRole('button', { name: button }).click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    };
    const docx = await download('Export DOCX');
    expect(docx.name).toMatch(new RegExp(`^core-group-minutes-${DEMO_CASE_REFERENCE}-.*\\.docx$`));
    expect(await docxText(docx.bytes)).toContain('Jordan says school is better. Mum agrees.');
    const pdf = await download('Export PDF');
    expect((await pdfText(pdf.bytes)).text.replace(/\s+/g, ' ')).toContain('Health visitor to review the sleep routine');
    await noSeriousViolations(chair, 'signed minutes');
    await screenshots(chair, 'minutes-signed');
    // Signed minutes read as a document: headings, text and the attendance table — no form controls — at 320 px too.
    const minutesDocument = chair.getByRole('article', { name: 'The minutes' });
    await minutesDocument.getByRole('heading', { name: "The child's voice" }).waitFor();
    await minutesDocument.getByText('Jordan says school is better. Mum agrees.').waitFor();
    await minutesDocument.getByRole('rowheader', { name: /Grace Lindqvist/ }).waitFor();
    expect(await minutesDocument.locator('input, textarea, select').count()).toBe(0);
    await chair.setViewportSize({ width: 320, height: 900 });
    // Nothing runs off the side: every element ends within the 320 px (what sticks out is named if not).
    const wide = await chair.evaluate(() => [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > 321).map((element) => `${element.tagName} ${(element.textContent ?? '').slice(0, 60)}`));
    expect(wide).toEqual([]);
    await screenshots(chair, 'minutes-signed-document');
    await noSeriousViolations(chair, 'signed minutes at 320 px');
    await chair.close();
  }, 240_000);

  test('after the held meeting the chair circulates the plan to everyone present or invited; the health visitor says from the dashboard that it has not arrived, and it is sent again', async () => {
    const chair = await open('Priya Shah');
    const circulate = chair.getByRole('button', { name: 'Circulate the plan' });
    await circulate.waitFor({ timeout: 15_000 });
    // The demo profile (seed 003's) sends no CP9: nothing about it shows.
    expect(await chair.getByText('CP9').count()).toBe(0);
    await circulate.click();
    await chair.getByRole('status').filter({ hasText: /Sending the plan to \d+ of \d+ people/ }).waitFor({ timeout: 15_000 });
    type Circulation = { recipients: string[]; deliveries: { memberId: string; outcome: string; resent: boolean }[]; circulatedOn?: string; circulation?: { status: string } };
    let circulation = (await fetchJson(chair, `/api/meetings/${meetingId}/plan-circulation`)) as Circulation;
    for (let waited = 0; waited < 20_000 && !circulation.circulatedOn; waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      circulation = (await fetchJson(chair, `/api/meetings/${meetingId}/plan-circulation`)) as Circulation;
    }
    expect(circulation.circulatedOn).toBe(Temporal.Now.plainDateISO('Europe/London').toString());
    expect(circulation.circulation?.status).toBe('met');
    expect(new Set(circulation.deliveries.filter((delivery) => delivery.outcome === 'sent').map((delivery) => delivery.memberId))).toEqual(new Set(circulation.recipients));
    await chair.getByRole('list', { name: 'Deliveries of the plan' }).getByText(/Grace Lindqvist/).waitFor({ timeout: 15_000 });
    await noSeriousViolations(chair, 'the plan circulated');

    const health = await open('Grace Lindqvist', 'dashboard');
    await health.getByRole('button', { name: `I have not received the plan for ${DEMO_CASE_REFERENCE}` }).click();
    await health.getByText(`${DEMO_CASE_REFERENCE}: A message to the lead social worker is queued (Teams, or e-mail where Teams cannot reach them), and the plan is being sent to you again.`).waitFor({ timeout: 15_000 });
    await health.close();

    for (let waited = 0; waited < 20_000 && !circulation.deliveries.some((delivery) => delivery.resent); waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      circulation = (await fetchJson(chair, `/api/meetings/${meetingId}/plan-circulation`)) as Circulation;
    }
    await chair.reload();
    await chair.getByRole('heading', { name: 'Said it has not arrived' }).waitFor({ timeout: 15_000 });
    await chair.getByText(/Grace Lindqvist, by (Teams|e-mail) \(sent again\)/).waitFor({ timeout: 20_000 });
    await chair.close();
  }, 120_000);

  test.each(['light', 'dark'])('the dashboard (%s) shows the core group, my actions and the compliance chart, with no serious accessibility violations', async (theme) => {
    const page = await open('Priya Shah', 'dashboard', theme);
    await page.getByText(DEMO_CASE_REFERENCE).first().waitFor({ timeout: 15_000 });
    await page.getByRole('img').first().waitFor({ timeout: 15_000 });
    await noSeriousViolations(page, `dashboard (${theme})`);
    await screenshots(page, `dashboard-${theme}`);
    await page.close();
    const signIn = await browser.newPage();
    await signIn.goto(`${service.url}/tab/dashboard?theme=${theme}`);
    await signIn.getByRole('list', { name: 'Demo people' }).waitFor();
    await noSeriousViolations(signIn, `dev sign-in (${theme})`);
    await signIn.close();
    const minutes = await open('Priya Shah', `minutes?meetingId=${meetingId}`, theme);
    await minutes.getByText(DEMO_CASE_REFERENCE).first().waitFor({ timeout: 15_000 });
    await noSeriousViolations(minutes, `minutes (${theme})`);
    await minutes.close();
  }, 120_000);
});

async function expectValue(locator: ReturnType<Page['getByLabel']>, value: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 200) {
    if ((await locator.inputValue()) === value) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(await locator.inputValue()).toBe(value);
}

/** An API read with the page's own dev session token. */
async function fetchJson(page: Page, path: string): Promise<unknown> {
  return page.evaluate(async (url) => {
    const { token } = JSON.parse(sessionStorage.getItem('coregroup.dev-session') ?? '{}') as { token?: string };
    return (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json();
  }, path);
}
