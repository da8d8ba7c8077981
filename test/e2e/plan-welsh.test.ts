import { randomUUID } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import type { RunningService } from '../../src/main';
import { revisePlan } from '../../src/domain/plan';
import { DEMO_CASE_REFERENCE, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium, seriousViolations } from '../support/browser';
import { englishCatalogueTextOn } from '../support/english-left';
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
    // A version the lead social worker saved: an outcome added, an action's owner and due date changed, the contingency plan changed.
    const store = createStore(database);
    const current = (await store.plans.current(coreGroupId))!;
    const members = await store.coreGroups.members(coreGroupId);
    const lead = members.find((member) => member.aadObjectId === demoObjectId('lead'))!;
    const school = members.find((member) => member.aadObjectId === demoObjectId('school'))!;
    const [first, ...others] = current.actions;
    const revision = revisePlan({
      current,
      next: {
        ...current,
        outcomes: [...current.outcomes, { id: 'welsh-outcome', text: 'Riley sleeps in his own bed every night' }],
        // …and an action whose owner has since left the group.
        actions: [{ ...first!, ownerMemberId: school.id, agency: school.agency, due: first!.due.add({ days: 7 }) }, ...others, { ...first!, id: 'welsh-former-owner', what: 'Phone the family every Friday', ownerMemberId: randomUUID() }],
        contingencyPlan: `${current.contingencyPlan} A legal planning meeting if nothing changes.`,
      },
      authorMemberId: lead.id,
      reason: 'Core group agreed a sleep outcome',
    });
    await store.plans.saveRevision(revision, new Date().toISOString());
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
    // Local mode's sign-in, in the browser's language (no one is signed in to have chosen one), then its bar in the page's.
    await page.getByRole('heading', { name: 'Mewngofnodi (modd lleol)' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    await page.getByRole('list', { name: 'Pobl enghreifftiol' }).getByRole('button', { name: /Priya Shah.*gweithiwr cymdeithasol arweiniol/ }).waitFor();
    expect(await englishCatalogueTextOn(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Priya Shah/ }).click();
    await page.getByRole('heading', { name: `Cynllun amddiffyn plant — achos ${DEMO_CASE_REFERENCE}` }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    await page.getByText('Modd lleol: wedi mewngofnodi fel Priya Shah (gweithiwr cymdeithasol arweiniol)').waitFor();
    await page.getByRole('button', { name: 'Newid person' }).waitFor();
    for (const heading of ['Cynllun wrth gefn', 'Cymorth ac adnoddau', 'Sut y caiff cynnydd ei fonitro', 'Fersiynau']) expect(await page.getByRole('heading', { name: heading }).count()).toBe(1);
    expect(await page.getByText('Heb ddechrau').count()).toBeGreaterThan(0);
    expect(await page.getByText(/dyddiad dyledus (Sul|Llun|Maw|Mer|Iau|Gwen|Sad), \d{1,2} \S+ \d{4}/).count()).toBeGreaterThan(0);
    expect(await page.getByText('Visit weekly and check home conditions with Jordan', { exact: true }).count()).toBe(1);
    // The owner who has left, named in Welsh from the catalogue (the server sends no name for them).
    expect(await page.getByText(/^cyn-aelod · dyddiad dyledus/).count()).toBe(1);
    expect(await page.locator('main').innerText()).not.toMatch(/former member/);
    await page.getByRole('combobox', { name: /Mae dogfennau'r grŵp hwn wedi'u hysgrifennu yn/ }).waitFor();
    // What each version changed, in Welsh: worded from the change log's facts, the outcome's and action's words as written.
    const versions = page.getByRole('region', { name: 'Fersiynau' });
    await versions.getByText("Canlyniad wedi'i ychwanegu: “Riley sleeps in his own bed every night”").waitFor();
    await versions.getByText(/^Cam gweithredu wedi'i newid \(perchennog, dyddiad dyledus\): “Visit weekly and check home conditions with Jordan”$/).waitFor();
    await versions.getByText("Y cynllun wrth gefn wedi'i newid").waitFor();
    expect(await versions.innerText()).not.toMatch(/Outcome added|Action changed|Contingency plan changed|owner, due date/);
    expect(await versions.locator('[lang="en"]').count()).toBe(0);
    expect(await englishCatalogueTextOn(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: "Golygu'r cynllun" }).click();
    const editor = page.getByRole('form', { name: "Golygu'r cynllun" });
    await editor.getByRole('button', { name: /^Cadw fel fersiwn \d+$/ }).click();
    await editor.getByText("Dywedwch pam mae'r cynllun yn newid.").waitFor();
    expect(await editor.getByRole('textbox', { name: /Beth fydd yn cael ei wneud/ }).count()).toBeGreaterThan(0);
    expect(await editor.getByPlaceholder('dd/mm/bbbb').count()).toBeGreaterThan(0);
    expect(await editor.getByPlaceholder('dd/mm/yyyy').count()).toBe(0);
    expect(await englishCatalogueTextOn(page)).toEqual([]);
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
    expect(await englishCatalogueTextOn(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
