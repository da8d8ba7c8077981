import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import type { RunningService } from '../../src/main';
import { DEMO_CASE_REFERENCE, DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { editMinutes, openingDraft, signMinutes } from '../../src/domain/minutes';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium, seriousViolations } from '../support/browser';
import { englishCatalogueTextOn } from '../support/english-left';
import { browserSuite, startTabStack } from '../support/tab-stack';

browserSuite('the minutes tab in Welsh, in headless Chromium whose language is Welsh (cy-GB), against the built tab and the real server', () => {
  let service: RunningService;
  let browser: BrowserContext;
  let meetingId: string;
  let signedMeetingId: string;

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
    // A meeting held a fortnight ago, its minutes signed by the chair and the team manager: its family version is prepared.
    const members = await store.coreGroups.members(coreGroup!.id);
    const [lead, manager] = [demoObjectId('lead'), demoObjectId('manager')].map((id) => members.find((member) => member.aadObjectId === id)!);
    const today = Temporal.Now.plainDateISO('Europe/London');
    signedMeetingId = randomUUID();
    await store.meetings.create({ id: signedMeetingId, coreGroupId: coreGroup!.id, date: today.subtract({ days: 14 }), status: 'held' });
    const draft = openingDraft({ id: randomUUID(), meeting: { id: signedMeetingId, coreGroupId: coreGroup!.id }, members });
    await store.minutes.createDraft(draft, lead!.id, new Date().toISOString());
    const written = editMinutes(draft, { content: { ...draft.content, decisions: ['Riley stays on the plan.'], nextMeetingDate: today.add({ days: 28 }), newActions: [{ what: 'Book the developmental review', ownerMemberId: health.id, agency: health.agency, due: today.add({ days: 21 }), progressMeasure: 'The review is booked' }] }, basedOnVersion: draft.version });
    const signed = signMinutes(signMinutes(written, { as: 'chair', memberId: lead!.id, at: new Date().toISOString() }), { as: 'team-manager', memberId: manager!.id, at: new Date().toISOString() });
    await store.minutes.save({ ...signed, version: draft.version + 1 }, { expectedVersion: draft.version, savedBy: manager!.id, at: new Date().toISOString() });
    await database.close();
    browser = await launchChromium({ locale: 'cy-GB' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const open = async (who: string, meeting = meetingId): Promise<Page> => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${service.url}/tab/minutes?meetingId=${meeting}&theme=light`);
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
    expect(await englishCatalogueTextOn(chair)).toEqual([]);
    await noSeriousViolations(chair, 'minutes in Welsh');

    // What a section still lacks is said in Welsh too, and goes once it is given.
    await chair.getByRole('radio', { name: "Mae'r cynllun yn parhau, gyda newidiadau" }).check();
    await chair.getByText("Heb ei gadw eto: rhowch y rhesymau dros yr argymhelliad.").first().waitFor({ timeout: 15_000 });
    await chair.getByLabel("Pam: y dystiolaeth y dylai'r gynhadledd adolygu ei phwyso a'i mesur").fill('Mae pethau’n well yn yr ysgol.');
    await chair.getByRole('status').filter({ hasText: "Pob newid wedi'i gadw" }).waitFor({ timeout: 15_000 });

    // Signing asks for confirmation in Welsh.
    await chair.getByRole('button', { name: 'Llofnodi fel cadeirydd' }).click();
    await chair.getByText(/^Llofnodi'r cofnodion hyn fel cadeirydd\?/).waitFor();
    expect(await englishCatalogueTextOn(chair)).toEqual([]);
    await chair.getByRole('button', { name: 'Canslo' }).click();
    await noSeriousViolations(chair, 'minutes in Welsh, a section completed');
    await chair.close();
  }, 90_000);

  test('the chair reviews the family version in Welsh: the lines it prepares, what is always left out, the minutes named signed; removing one keeps the others as facts, for the family’s own language', async () => {
    const chair = await open('Priya Shah', signedMeetingId);
    const section = chair.getByRole('region', { name: 'Fersiwn y teulu' });
    await section.getByRole('textbox', { name: "Crynodeb i'r teulu" }).waitFor({ timeout: 15_000 });
    // The minutes are named by their stage, in Welsh.
    expect(await chair.getByText(new RegExp(`^${DEMO_CASE_REFERENCE} · cyfarfod ar .+ · wedi'u llofnodi$`)).count()).toBe(1);
    const values = await section.getByRole('textbox').evaluateAll((boxes) => boxes.map((box) => (box as HTMLTextAreaElement).value));
    expect(values).toContainEqual(expect.stringMatching(/^Book the developmental review — Grace Lindqvist \(.+\), erbyn (Sul|Llun|Maw|Mer|Iau|Gwen|Sad)\W+\d{1,2} \S+ \d{4}\.$/));
    expect(values).toContainEqual(expect.stringMatching(/^Mae'r cyfarfod grŵp craidd nesaf ar (Sul|Llun|Maw|Mer|Iau|Gwen|Sad)\W+\d{1,2} \S+ \d{4}\.$/));
    expect(values).toContainEqual(expect.stringMatching(/^Visit weekly and check home conditions with Jordan — .+, erbyn .+ \((heb ddechrau eto|ar y gweill|mewn perygl o beidio â digwydd mewn pryd|wedi'i ddal yn ôl|wedi'i wneud)\)\.$/));
    expect(values.join('\n')).not.toMatch(/, by |next core group meeting|not started yet|under way/);
    // What is never in it, in Welsh: nothing on the panel is marked English any more.
    expect(await section.getByText('barn broffesiynol pob gweithiwr proffesiynol yw ei raddio ei hun').count()).toBe(1);
    expect(await section.locator('[lang="en"]').count()).toBe(0);
    expect(await englishCatalogueTextOn(chair)).toEqual([]);
    await noSeriousViolations(chair, 'family version in Welsh');

    // The chair takes the decision out and writes the summary: the prepared lines stay facts, so the family's document words them in its own language.
    await section.getByRole('button', { name: 'Tynnu’r eitem hon o “Beth benderfynodd y cyfarfod”' }).or(section.getByRole('button', { name: "Tynnu'r eitem hon o “Beth benderfynodd y cyfarfod”" })).click();
    await section.getByRole('textbox', { name: "Crynodeb i'r teulu" }).fill('Cytunodd y cyfarfod fod pethau ychydig yn well.');
    await section.getByRole('button', { name: "Cadw'r adolygiad" }).click();
    await section.getByRole('button', { name: "Rhoi'r eitem hon yn ôl yn “Beth benderfynodd y cyfarfod”" }).waitFor({ timeout: 15_000 });
    await section.getByRole('button', { name: "Cadw'r adolygiad" }).and(chair.locator(':disabled')).waitFor({ timeout: 15_000 });
    const stored = (await chair.evaluate(async (url) => {
      const { token } = JSON.parse(sessionStorage.getItem('coregroup.dev-session') ?? '{}') as { token?: string };
      return (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json();
    }, `/api/meetings/${signedMeetingId}/family-version`)) as { version: number; sections: { items: { text?: string; line?: { kind: string }; removed: boolean }[] }[] };
    const items = stored.sections.flatMap((part) => part.items);
    expect(stored.version).toBe(1);
    expect(items.find((item) => item.line?.kind === 'next-meeting')).toMatchObject({ removed: false });
    expect(items.find((item) => item.text === 'Riley stays on the plan.')).toMatchObject({ removed: true });
    expect(items.filter((item) => item.text?.includes('erbyn'))).toEqual([]);
    await chair.close();
  }, 90_000);
});
