import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import type { RunningService } from '../../src/main';
import { DEMO_CASE_REFERENCE, DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium, seriousViolations } from '../support/browser';
import { browserSuite, startTabStack } from '../support/tab-stack';

browserSuite('the minutes tab in Welsh, in headless Chromium whose language is Welsh (cy-GB), against the built tab and the real server', () => {
  let service: RunningService;
  let browser: BrowserContext;
  let meetingId: string;

  beforeAll(async () => {
    const stack = await startTabStack('minutes-welsh-e2e');
    service = stack.service;
    // A core group meeting today, the health visitor taking the minutes (the lead social worker chairs), as in minutes-tab.test.ts.
    const database = openDatabase({ sqliteFile: stack.sqliteFile });
    const store = createStore(database);
    const coreGroup = (await store.coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('lead'))).find((group) => group.caseReference === DEMO_CASE_REFERENCE);
    const health = (await store.coreGroups.members(coreGroup!.id)).find((member) => member.aadObjectId === demoObjectId('health'))!;
    meetingId = randomUUID();
    await store.meetings.create({ id: meetingId, coreGroupId: coreGroup!.id, date: Temporal.Now.plainDateISO('Europe/London'), status: 'scheduled', minuteTakerMemberId: health.id });
    await database.close();
    browser = await launchChromium({ locale: 'cy-GB' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const open = async (who: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${service.url}/tab/minutes?meetingId=${meetingId}&theme=light`);
    await page.getByRole('button', { name: new RegExp(who) }).click();
    return page;
  };
  const noSeriousViolations = async (page: Page, screen: string) => expect({ screen, violations: await seriousViolations(page) }).toEqual({ screen, violations: [] });

  test('the chair keeps the minutes in Welsh: lang="cy", Welsh headings, fields, buttons, date and save status; what people wrote as written; axe finds nothing serious', async () => {
    const chair = await open('Priya Shah');
    await chair.getByRole('heading', { name: 'Cofnodion y grŵp craidd', level: 1 }).waitFor({ timeout: 15_000 });
    expect(await chair.evaluate(() => document.documentElement.lang)).toBe('cy');
    // The meeting's date in Welsh ("Mer, 9 Rhag 2026"), beside the case reference as typed.
    expect(await chair.getByText(new RegExp(`^${DEMO_CASE_REFERENCE} · cyfarfod ar (Sul|Llun|Maw|Mer|Iau|Gwen|Sad), \\d{1,2} \\S+ \\d{4} · drafft$`)).count()).toBe(1);
    for (const heading of ['Llofnodi a dosbarthu', 'Presenoldeb', 'Cynnydd ar y cynllun', 'Llais y plentyn', 'Arwyddion Diogelwch', 'Penderfyniadau', 'Camau gweithredu newydd', "Argymhelliad i'r gynhadledd adolygu", 'O sgwrs y cyfarfod']) {
      expect({ heading, count: await chair.getByRole('heading', { name: heading, exact: true }).count() }).toEqual({ heading, count: 1 });
    }
    for (const button of ['Llofnodi fel cadeirydd', 'Allforio DOCX', 'Ychwanegu penderfyniad', 'Ychwanegu cam gweithredu newydd']) {
      expect({ button, count: await chair.getByRole('button', { name: button, exact: true }).count() }).toEqual({ button, count: 1 });
    }
    // The next meeting's date is filled in and saved at once: the save status says so in Welsh.
    await chair.getByRole('status').filter({ hasText: "Pob newid wedi'i gadw" }).waitFor({ timeout: 15_000 });
    // Attendance choices and the Signs of Safety questions are Welsh; the plan's action, as its owner wrote it, is not translated.
    expect(await chair.getByLabel('Grace Lindqvist').first().locator('option').allTextContents()).toEqual(expect.arrayContaining(['Yn bresennol', 'Ymddiheuriadau']));
    await chair.getByRole('textbox', { name: "Beth sy'n ein poeni?" }).waitFor();
    expect(await chair.getByText('Visit weekly and check home conditions with Jordan').count()).toBeGreaterThan(0);
    await noSeriousViolations(chair, 'minutes in Welsh');

    // What a section still lacks is said in Welsh too, and goes once it is given.
    await chair.getByRole('radio', { name: "Mae'r cynllun yn parhau, gyda newidiadau" }).check();
    await chair.getByText("Heb ei gadw eto: rhowch y rhesymau dros yr argymhelliad.").first().waitFor({ timeout: 15_000 });
    await chair.getByLabel("Pam: y dystiolaeth y dylai'r gynhadledd adolygu ei phwyso a'i mesur").fill('Mae pethau’n well yn yr ysgol.');
    await chair.getByRole('status').filter({ hasText: "Pob newid wedi'i gadw" }).waitFor({ timeout: 15_000 });

    // Signing asks for confirmation in Welsh.
    await chair.getByRole('button', { name: 'Llofnodi fel cadeirydd' }).click();
    await chair.getByText(/^Llofnodi'r cofnodion hyn fel cadeirydd\?/).waitFor();
    await chair.getByRole('button', { name: 'Canslo' }).click();
    await noSeriousViolations(chair, 'minutes in Welsh, a section completed');
    await chair.close();
  }, 90_000);
});
