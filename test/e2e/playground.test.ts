import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { Agent, fetch as undiciFetch } from 'undici';
import { loadConfig } from '../../src/config/config';
import { startPlayground } from '../../src/local/playground.launcher';
import { type RunningService, startService } from '../../src/main';
import { createLogger } from '../../src/server/logger';
import { chromiumAvailable, freePort, launchChromium } from '../support/browser';
import { englishCatalogueTextIn } from '../support/english-left';

const ROOT = join(__dirname, '..', '..');
/** The README's screenshots come from the test run, so they stay true. */
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

/** Types a message into the Playground's chat and sends it. */
const sayIn = (page: Page) => async (text: string) => {
  await page.locator('[contenteditable="true"]').first().click();
  await page.keyboard.type(text);
  await page.getByRole('button', { name: 'Send Message' }).click();
};

/** CI installs Chromium and sets REQUIRE_BROWSER=1, so there this test cannot be skipped. */
const suite = chromiumAvailable || process.env.REQUIRE_BROWSER === '1' ? describe : describe.skip;

suite('the bot in the Microsoft 365 Agents Playground, driven in headless Chromium', () => {
  let service: RunningService;
  let playground: ReturnType<typeof startPlayground>;
  let browser: BrowserContext;
  let playgroundUrl: string;

  beforeAll(async () => {
    service = await startService(loadConfig({ PORT: '0', GRAPH_SIMULATOR_PORT: '0', SQLITE_FILE: join(mkdtempSync(join(tmpdir(), 'coregroup-e2e-')), 'e2e.db') }), createLogger({ level: 'silent' }));
    const port = await freePort();
    playgroundUrl = `http://127.0.0.1:${port}/`;
    // As npm start launches it (on loopback only), so the bot is driven through the service's local-mode Host check.
    playground = startPlayground({ botEndpoint: `${service.url}/api/messages`, port, cwd: ROOT, env: process.env, logger: createLogger({ level: 'silent' }) })!;
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await fetch(playgroundUrl).then((response) => response.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    playground?.stop();
    await service?.stop();
  });

  test('/coregroup help, then /coregroup tasks and an On track press that updates the card', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(playgroundUrl);
    const say = sayIn(page);
    await say('/coregroup help');
    await page.getByText('the plan actions you own, with buttons to check in').waitFor({ timeout: 15_000 });
    await say('/coregroup tasks demo-0001');
    await page.getByText('Agree a written safety plan with Jordan, including who to call').waitFor({ timeout: 15_000 });
    // Counted on the tasks card itself: a check-in prompt that falls due while the test runs brings its own buttons.
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Agree a written safety plan with Jordan, including who to call' }).last();
    await card.getByRole('button', { name: 'On track' }).first().waitFor();
    const before = await card.getByRole('button', { name: 'On track' }).count();
    await card.getByRole('button', { name: 'On track' }).first().click();
    await page.getByText('✔ Recorded: on track').waitFor({ timeout: 15_000 });
    // The answered action's buttons give way to its answer.
    expect(await card.getByRole('button', { name: 'On track' }).count()).toBe(before - 1);
  }, 60_000);

  test('/coregroup schedule <case>, then Book: a Teams meeting on the simulator’s calendar, which the minutes tab then opens', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.setViewportSize({ width: 1280, height: 900 });
    const say = sayIn(page);
    await say('/coregroup status');
    await page.getByText(/First core group within/).first().waitFor({ timeout: 15_000 });
    await say('/coregroup schedule demo-0001');
    await page.getByText('Schedule the next core group — case DEMO-0001').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Book this Teams meeting' }).last().click();
    await page.getByText('Core group booked — case DEMO-0001').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-booked-1280.png') });

    // The simulator's self-signed certificate, on loopback: the test reads its calendar without checking it.
    const simulator = new Agent({ connect: { rejectUnauthorized: false } });
    const events = (await (await undiciFetch(new URL('/_simulator/users/priya.shah@demo.example/events', service.graphSimulatorUrl), { dispatcher: simulator })).json()) as { value: { subject: string; isOnlineMeeting: boolean; start: { dateTime: string } }[] };
    const booked = events.value.filter((event) => event.isOnlineMeeting && event.subject.includes('DEMO-0001'));
    expect(booked).toHaveLength(1);

    const tab = await browser.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(`${service.url}/tab/minutes`);
    await tab.getByRole('button', { name: /Priya Shah/ }).click();
    await tab.getByText('DEMO-0001 · meeting on', { exact: false }).first().waitFor({ timeout: 15_000 });
    const shown = await tab.evaluate(async () => {
      const { token } = JSON.parse(sessionStorage.getItem('coregroup.dev-session') ?? '{}') as { token?: string };
      const headers = { authorization: `Bearer ${token}` };
      const { meetingId } = (await (await fetch('/api/meetings/current', { headers })).json()) as { meetingId: string };
      return ((await (await fetch(`/api/meetings/${meetingId}/minutes`, { headers })).json()) as { meeting: { date: string } }).meeting.date;
    });
    expect(shown).toBe(booked[0]!.start.dateTime.slice(0, 10));
    await tab.screenshot({ path: join(SCREENSHOTS, 'minutes-tab-booked-1280.png') });

    // The dashboard moves the booked meeting to a working day a week or so on, then cancels it.
    let day = Temporal.Now.plainDateISO('Europe/London').add({ days: 7 });
    while (day.dayOfWeek > 4 || day.dayOfWeek < 2 || (day.month === 12 && day.day >= 24) || (day.month === 1 && day.day <= 2)) day = day.add({ days: 1 });
    // Still signed in as Priya Shah from the minutes tab (the session is kept in this page).
    await tab.goto(`${service.url}/tab/dashboard?theme=light`);
    await tab.getByRole('button', { name: 'Move the meeting for DEMO-0001' }).click();
    const form = tab.getByRole('form', { name: 'Move the meeting for DEMO-0001' });
    await form.getByRole('radio', { name: 'It and every later meeting in the series' }).check();
    await form.getByRole('textbox', { name: /New date/ }).fill(`${String(day.day).padStart(2, '0')}/${String(day.month).padStart(2, '0')}/${day.year}`);
    await form.getByRole('textbox', { name: /Start time/ }).fill('14:30');
    await tab.screenshot({ path: join(SCREENSHOTS, 'dashboard-move-1280.png') });
    await form.getByRole('button', { name: 'Move it' }).click();
    await tab.getByText(/DEMO-0001: Moved to .* 14:30\. Outlook tells everyone invited\./).waitFor({ timeout: 15_000 });
    const moved = (await (await undiciFetch(new URL('/_simulator/users/priya.shah@demo.example/events', service.graphSimulatorUrl), { dispatcher: simulator })).json()) as typeof events;
    expect(moved.value.find((event) => event.isOnlineMeeting && event.subject.includes('DEMO-0001'))!.start.dateTime.slice(0, 10)).toBe(day.toString());

    await tab.getByRole('button', { name: 'Cancel the meeting for DEMO-0001' }).click();
    const cancel = tab.getByRole('form', { name: 'Cancel the meeting for DEMO-0001' });
    await cancel.getByRole('radio', { name: 'It and every later meeting in the series' }).check();
    await cancel.getByRole('button', { name: 'Cancel it' }).click();
    await cancel.getByText('Say why the meeting is cancelled').waitFor();
    await cancel.getByRole('textbox', { name: /Why it is cancelled/ }).fill('The family has moved to another area');
    await cancel.getByRole('button', { name: 'Cancel it' }).click();
    await tab.getByText('DEMO-0001: Cancelled. Outlook tells everyone invited; the reason is kept with the meeting.').waitFor({ timeout: 15_000 });

    // DEMO-0003's review conference, booked for six working days on, took place today and the
    // plan continues; DEMO-0002's review conference today ends its plan.
    const ukDay = (date: Temporal.PlainDate) => `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}`;
    const today = Temporal.Now.plainDateISO('Europe/London');
    const recordHeld = async (caseReference: string, outcome: string) => {
      await tab.getByRole('button', { name: `Record a review conference held for ${caseReference}` }).click();
      const held = tab.getByRole('form', { name: `A review conference held for ${caseReference}` });
      await held.getByRole('textbox', { name: /Held on/ }).fill(ukDay(today));
      await held.getByRole('radio', { name: outcome, exact: true }).check();
      await held.getByRole('textbox', { name: /Chaired by/ }).fill('Helen Moss');
      return held;
    };
    await (await recordHeld('DEMO-0003', 'The plan continues')).getByRole('button', { name: 'Record' }).click();
    await tab.getByText(/^DEMO-0003: Review conference recorded\. Next review due by /).waitFor({ timeout: 15_000 });

    // A relative in prison (seed 001), recorded for DEMO-0003: its group has no co-ordinator, so the letter has nobody to write it.
    await tab.getByRole('button', { name: 'Record a relative in prison or hospital for DEMO-0003' }).click();
    const relative = tab.getByRole('form', { name: 'A relative in an institution, for DEMO-0003' });
    await relative.getByRole('textbox', { name: /Who, by their relationship/ }).fill('father');
    await relative.getByRole('textbox', { name: /The institution's name/ }).fill('HMP Leeds');
    await relative.getByRole('button', { name: 'Record' }).click();
    await tab.getByText(/^DEMO-0003: Recorded: HMP Leeds\. The group has no co-ordinator/).waitFor({ timeout: 15_000 });
    await tab.getByRole('region', { name: 'Letters to institutions' }).getByText('Nobody to do it', { exact: true }).waitFor({ timeout: 15_000 });
    const ending = await recordHeld('DEMO-0002', 'The plan ends');
    await tab.screenshot({ path: join(SCREENSHOTS, 'dashboard-review-1280.png') });
    await ending.getByRole('button', { name: 'Record' }).click();
    await tab.getByText(/^DEMO-0002: Review conference recorded: the plan ended on .*; nothing after that day is due\. Download the record pack/).waitFor({ timeout: 15_000 });
    await tab.getByRole('button', { name: 'Record a review conference held for DEMO-0002' }).waitFor({ state: 'detached' });
    // The final plan and minutes, for the child's record: the case's record pack.
    const [pack] = await Promise.all([tab.waitForEvent('download'), tab.getByRole('button', { name: 'Record pack PDF for DEMO-0002' }).click()]);
    expect(pack.suggestedFilename()).toMatch(/^core-group-record-pack-DEMO-0002-\d{4}-\d{2}-\d{2}\.pdf$/);
    await tab.close();
  }, 120_000);

  test('/coregroup plan without a case: a picker of the caseload, whose button opens that case’s plan; /coregroup minutes and /coregroup review name one', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const say = sayIn(page);
    await say('/coregroup plan');
    await page.getByText('Which case?').last().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'plan DEMO-0002' }).last().click();
    await page.getByText('Child protection plan — case DEMO-0002').waitFor({ timeout: 15_000 });
    await say('/coregroup minutes DEMO-0003');
    await page.getByText(/DEMO-0003/).last().waitFor({ timeout: 15_000 });
    await say('/coregroup review DEMO-0001');
    await page.getByText('Review conferences — case DEMO-0001').last().waitFor({ timeout: 15_000 });
    await page.getByText(/Next review conference due by/).last().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-review-1280.png') });
  }, 60_000);

  test('/coregroup escalate: a concern raised is queued, never "told"; once its notice job has run, /coregroup escalate again says how it went for each person', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.setViewportSize({ width: 1280, height: 900 });
    const say = sayIn(page);
    await page.goto(playgroundUrl);
    await say('/coregroup escalate DEMO-0001');
    const form = page.locator('.ac-adaptiveCard').filter({ hasText: 'Raise a concern — case DEMO-0001' }).last();
    await form.waitFor({ timeout: 15_000 });
    await form.getByRole('combobox').click();
    await page.getByRole('option', { name: 'The plan is drifting or delayed' }).click();
    await form.locator('textarea').fill('The visits agreed at the last core group have not started.');
    await form.getByRole('button', { name: 'Raise the concern' }).click();
    // Priya Shah raises it: the route's first step is the lead social worker and the team manager, so Tom Okafor.
    await page.getByText(/Queued for: Tom Okafor/).last().waitFor({ timeout: 15_000 });
    await expect(page.getByText(/Told now/).count()).resolves.toBe(0);
    // The service's job runner sends the notice: Tom has never opened a chat with the app in the
    // Playground, so Teams cannot reach him and it goes by e-mail through the Graph simulator, from
    // Priya's mailbox (no organiser mailbox is configured locally).
    let answer = '';
    for (let look = 0; look < 20 && !/Tom Okafor: (sent|failed)/.test(answer); look++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await say('/coregroup escalate DEMO-0001');
      const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Concerns you raised' }).last();
      await card.waitFor({ timeout: 15_000 });
      answer = (await card.textContent()) ?? '';
    }
    expect(answer).toContain('The plan is drifting or delayed');
    expect(answer).toMatch(/Tom Okafor: sent by e-mail/);
    await page.getByText('Tom Okafor: sent by e-mail').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-escalate-sent-1280.png') });
  }, 90_000);

  test('in Welsh: /coregroup language cymraeg, then the help in Welsh (its commands’ placeholders too); /coregroup language english switches back', async () => {
    // The Playground sends no locale of its own (Teams sends the user's: cy-GB is answered in Welsh, test/bot/language.test.ts).
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.setViewportSize({ width: 1280, height: 900 });
    const say = sayIn(page);
    await say('/coregroup language cymraeg');
    await page.getByText('Bydd Core Group yn siarad Cymraeg â chi o hyn ymlaen.').last().waitFor({ timeout: 15_000 });
    await say('/coregroup help');
    await page.getByText('siarad â chi yn Gymraeg neu yn Saesneg').last().waitFor({ timeout: 15_000 });
    expect(await page.getByText('/coregroup status [achos]').count()).toBeGreaterThan(0);
    const help = page.locator('.ac-adaptiveCard').filter({ hasText: 'siarad â chi yn Gymraeg neu yn Saesneg' }).last();
    expect(englishCatalogueTextIn(await help.innerText())).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-help-cy-1280.png') });
    await say('/coregroup language');
    await page.getByText('Mae Core Group yn siarad Cymraeg â chi. I\'w gael yn Saesneg, teipiwch /coregroup language english.').last().waitFor({ timeout: 15_000 });
    await say('/coregroup language english');
    await page.getByText('Core Group will speak English to you from now on.').last().waitFor({ timeout: 15_000 });
    await say('/coregroup help');
    await page.getByText('speak to you in English or in Welsh').last().waitFor({ timeout: 15_000 });
  }, 90_000);
});
