import type { BrowserContext } from 'playwright-core';
import type { RunningService } from '../../src/main';
import { DEMO_CASE_REFERENCE } from '../../src/local/demo/demo-core-group.seed';
import { openDatabase } from '../../src/store/database';
import { launchChromium, seriousViolations } from '../support/browser';
import { browserSuite, startTabStack } from '../support/tab-stack';

browserSuite('the plan and the reports pages in Welsh, in headless Chromium whose language is Welsh (cy-GB), against the built tab and the real server', () => {
  let service: RunningService;
  let browser: BrowserContext;
  let coreGroupId: string;
  let sqliteFile: string;

  beforeAll(async () => {
    const stack = await startTabStack('plan-welsh-e2e');
    service = stack.service;
    sqliteFile = stack.sqliteFile;
    const database = openDatabase({ sqliteFile });
    coreGroupId = (await database.db.selectFrom('core_groups').select('id').where('case_reference', '=', DEMO_CASE_REFERENCE).executeTakeFirstOrThrow()).id;
    await database.close();
    browser = await launchChromium({ locale: 'cy-GB' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  test('the lead social worker reads and edits the plan in Welsh: lang="cy", Welsh headings, states and fields; what people wrote as written; axe finds nothing serious', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${service.url}/tab/plan?coreGroupId=${coreGroupId}&theme=light`);
    await page.getByRole('button', { name: /Priya Shah/ }).click();
    await page.getByRole('heading', { name: `Cynllun amddiffyn plant — achos ${DEMO_CASE_REFERENCE}` }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    for (const heading of ['Cynllun wrth gefn', 'Cymorth ac adnoddau', 'Sut y caiff cynnydd ei fonitro', 'Fersiynau']) expect(await page.getByRole('heading', { name: heading }).count()).toBe(1);
    expect(await page.getByText('Heb ddechrau').count()).toBeGreaterThan(0);
    expect(await page.getByText(/dyddiad dyledus (Sul|Llun|Maw|Mer|Iau|Gwen|Sad), \d{1,2} \S+ \d{4}/).count()).toBeGreaterThan(0);
    expect(await page.getByText('Visit weekly and check home conditions with Jordan').count()).toBe(1);
    await page.getByRole('combobox', { name: /Mae dogfennau'r grŵp hwn wedi'u hysgrifennu yn/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: "Golygu'r cynllun" }).click();
    const editor = page.getByRole('form', { name: "Golygu'r cynllun" });
    await editor.getByRole('button', { name: /^Cadw fel fersiwn \d+$/ }).click();
    await editor.getByText("Dywedwch pam mae'r cynllun yn newid.").waitFor();
    expect(await editor.getByRole('textbox', { name: /Beth fydd yn cael ei wneud/ }).count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  test('a health visitor writes her report for the review conference in Welsh: the Signs of Safety questions, scaling, buttons; axe finds nothing serious', async () => {
    const database = openDatabase({ sqliteFile });
    const group = await database.db.selectFrom('core_groups').select('id').where('case_reference', '=', 'DEMO-0003').executeTakeFirstOrThrow();
    const review = await database.db.selectFrom('review_conferences').select('id').where('core_group_id', '=', group.id).where('status', '=', 'scheduled').executeTakeFirstOrThrow();
    await database.close();
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${service.url}/tab/reports?coreGroupId=${group.id}&reviewConferenceId=${review.id}&theme=light`);
    await page.getByRole('button', { name: /Grace Lindqvist/ }).click();
    await page.getByRole('heading', { name: 'Adroddiadau ar gyfer y gynhadledd adolygu — achos DEMO-0003' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    expect(await page.getByText(/^Cynhadledd adolygu ar (Sul|Llun|Maw|Mer|Iau|Gwen|Sad), \d{1,2} \S+ \d{4}/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.getByText(/Eich adroddiad|Pwy sydd wedi cyflwyno|Beth sy'n ein poeni/).count()).toBeGreaterThan(0);
    await page.close();
  }, 60_000);
});
