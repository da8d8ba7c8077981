import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningService } from '../../src/main';
import { DEMO_CASE_REFERENCE, DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium, seriousViolations } from '../support/browser';
import { englishCatalogueTextOn } from '../support/english-left';
import { browserSuite, openDashboardAs, startTabStack } from '../support/tab-stack';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

browserSuite('the dashboard in Welsh, in headless Chromium whose language is Welsh (cy-GB), against the built tab and the real server', () => {
  let service: RunningService;
  let browser: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const stack = await startTabStack('welsh-e2e');
    service = stack.service;
    // Priya Shah chose English (/coregroup language english): her choice outranks her browser's Welsh.
    const database = openDatabase({ sqliteFile: stack.sqliteFile });
    const store = createStore(database);
    await store.languages.choose({ tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('lead'), language: 'en', at: new Date().toISOString() });
    // A concern with the team manager: raised by the health visitor, its notices recorded as facts (one retrying), and one entry kept in English before facts were.
    const coreGroup = (await store.coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('manager'))).find((group) => group.caseReference === DEMO_CASE_REFERENCE)!;
    const members = await store.coreGroups.members(coreGroup.id);
    const [health, manager, lead] = ['health', 'manager', 'lead'].map((key) => members.find((member) => member.aadObjectId === demoObjectId(key))!);
    const at = new Date().toISOString();
    const concernId = randomUUID();
    await store.concerns.raise({ id: concernId, coreGroupId: coreGroup.id, kind: 'increased-risk', raisedByMemberId: health!.id, step: 0, status: 'open', raisedAt: at, stepStartedAt: at, note: 'Bruise seen at the visit' }, `welsh-e2e:${concernId}`);
    const entry = { concernId, step: 0, at };
    await store.concernHistory.record({ ...entry, id: randomUUID(), kind: 'raised', actorId: health!.id, actorName: health!.displayName, text: 'Bruise seen at the visit' });
    await store.concernHistory.record({ ...entry, id: randomUUID(), kind: 'told', actorId: manager!.id, actorName: manager!.displayName, notice: { outcome: 'sent', channel: 'teams' } });
    await store.concernHistory.record({ ...entry, id: randomUUID(), kind: 'told', actorId: lead!.id, actorName: lead!.displayName, notice: { outcome: 'retrying', channel: 'teams', reason: 'attempt 2: busy' } });
    await store.concernHistory.record({ ...entry, id: randomUUID(), kind: 'told', actorId: health!.id, actorName: 'Dr Ann Hughes', notice: { outcome: 'failed', channel: 'email', reason: 'the mail service refused it' } });
    await store.concernHistory.record({ ...entry, id: randomUUID(), kind: 'acknowledged', actorId: manager!.id, actorName: manager!.displayName, detail: 'a note the app once kept' });
    // A welcome that reached neither Teams nor an inbox, for someone no longer among the group's members (a member of another of the demo's groups, as one who left would be).
    const otherGroup = (await store.coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('manager'))).find((group) => group.id !== coreGroup.id)!;
    const notAMember = (await store.coreGroups.members(otherGroup.id)).find((member) => !members.some((one) => one.id === member.id))!;
    await store.noticeDeliveries.record({ id: randomUUID(), kind: 'welcome', subjectId: randomUUID(), memberId: notAMember.id, coreGroupId: coreGroup.id, channel: 'email', outcome: 'failed', detail: 'no Teams chat and no e-mail address', at });
    await database.close();
    browser = await launchChromium({ locale: 'cy-GB' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const open = (who: string): Promise<Page> => openDashboardAs(browser, service, who);

  test('follows the browser’s Welsh: the page is lang="cy", its headings, date, lists, badges, buttons and charts in Welsh, nothing marked English but the language switch’s own "English"; axe finds nothing serious', async () => {
    const page = await open('Grace Lindqvist');
    await page.getByRole('heading', { name: 'Dangosfwrdd grwpiau craidd' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    for (const heading of ['Angen sylw', 'Arwyddion', 'Fy ngrwpiau craidd', 'Fy nghamau gweithredu', 'Terfynau amser a fodlonwyd mewn pryd', 'Llinell amser y cynllun', 'Adroddiadau ar gyfer y gynhadledd adolygu']) {
      expect(await page.getByRole('heading', { name: heading }).count()).toBe(1);
    }
    // Today's date, in Welsh through Intl ("Mer, 9 Rhag 2026").
    expect(await page.locator('header p').innerText()).toMatch(/^(Sul|Llun|Maw|Mer|Iau|Gwen|Sad), \d{1,2} \S+ \d{4}$/);

    // What the lists say is Welsh too: her role, each deadline's badge and name, the buttons, the charts.
    const groups = page.locator('#groups-heading ~ ul');
    expect(await groups.getByText('Eich rôl: ymarferydd').count()).toBe(2);
    expect(await groups.locator('.fui-Badge', { hasText: 'Mewn perygl' }).count()).toBeGreaterThan(0);
    expect(await groups.getByText(/^Adroddiad gan .+ erbyn (Sul|Llun|Maw|Mer|Iau|Gwen|Sad), \d{1,2} \S+ \d{4}$/).count()).toBeGreaterThan(0);
    expect(await page.getByRole('list', { name: 'Y terfynau amser nesaf ar gyfer DEMO-0003' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Nid wyf wedi cael y cynllun ar gyfer DEMO-0003' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Agor y cynllun ar gyfer DEMO-0003' }).innerText()).toBe('Agor y cynllun');
    expect(await page.locator('#attention-heading ~ ul').innerText()).toContain('dyddiad dyledus');
    expect(await page.locator('#actions-heading ~ ul').innerText()).toMatch(/Ar y gweill|Heb ddechrau/);
    await page.getByText('Cyfran y rhwymedigaethau a fodlonwyd mewn pryd', { exact: false }).waitFor({ timeout: 15_000 });
    await page.getByText(/^Llinell amser y cynllun ar gyfer 2 grŵp craidd/).waitFor({ timeout: 15_000 });
    const text = await page.locator('main').innerText();
    for (const english of ['Your role', 'No meeting booked', 'Open the plan', 'At risk', ' due ', 'I have not received', 'Reports for the review conference', 'Share of obligations', 'Plan timeline', 'Show the', 'Today']) expect({ english, found: text.includes(english) }).toEqual({ english, found: false });

    // Nothing on the page is marked English any more but the switch's own "English" (user text is never marked: its language is unknown).
    const markedEnglish = await page.locator('[lang="en"]').evaluateAll((elements) => elements.map((element) => `${element.tagName} ${element.textContent?.trim() ?? ''}`));
    expect(markedEnglish).toEqual(['OPTION English']);
    expect(await englishCatalogueTextOn(page)).toEqual([]);

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-cy-1280.png') });

    // A team manager's page in the same Welsh browser: the team view and the export buttons in Welsh.
    const manager = await open('Tom Okafor');
    await manager.getByRole('heading', { name: 'Grwpiau craidd fy nhîm' }).waitFor({ timeout: 15_000 });
    expect(await manager.getByRole('button', { name: 'Allforio CSV' }).count()).toBe(1);
    expect(await manager.getByRole('columnheader', { name: 'Gweithiwr cymdeithasol arweiniol' }).count()).toBe(1);
    expect(await manager.getByRole('button', { name: 'Cynllun PDF ar gyfer DEMO-0001' }).innerText()).toBe('Cynllun PDF');
    expect(await manager.getByRole('button', { name: 'Pecyn cofnod DOCX ar gyfer DEMO-0001' }).innerText()).toBe('Pecyn cofnod DOCX');
    expect(await manager.getByRole('button', { name: "Trefnu'r gynhadledd adolygu ar gyfer DEMO-0001" }).count()).toBe(1);
    // The concern with him, worded in Welsh from the codes and facts the server sends: the concern, whom its step is with, what the procedure asks, how each notice went.
    const concern = manager.getByRole('region', { name: 'Pryderon gyda chi' }).getByRole('listitem').filter({ hasText: 'Bruise seen at the visit' });
    await concern.first().waitFor({ timeout: 15_000 });
    const concernText = await concern.first().innerText();
    for (const welsh of ['gyda’r gweithiwr cymdeithasol arweiniol a’r rheolwr tîm', 'penderfynu ar gamau amddiffynnol ar unwaith, ymholiad Adran 47 neu gynhadledd adolygu', 'anfonwyd drwy Teams', '(ymgais 2: busy)', 'wedi methu: gwrthodwyd gan y gwasanaeth e-bost', 'a note the app once kept']) expect({ welsh, found: concernText.replaceAll("'", '’').includes(welsh.replaceAll("'", '’')) }).toEqual({ welsh, found: true });
    for (const english of ['with the lead social worker', 'decide on immediate', 'sent by Teams', 'did not take it', 'attempt 2', 'mail service', 'The plan is not reducing']) expect({ english, found: concernText.includes(english) }).toEqual({ english, found: false });
    // A notice that went nowhere, to someone who has left: who and why in Welsh (the name's mutation after "i" too).
    const failedWelcome = manager.getByRole('region', { name: 'Angen sylw' }).getByRole('listitem').filter({ hasText: 'gyn-aelod' });
    await failedWelcome.waitFor({ timeout: 15_000 });
    expect(await failedWelcome.innerText()).toContain('i gyn-aelod, drwy e-bost — wedi methu: dim sgwrs Teams a dim cyfeiriad e-bost');
    expect(await failedWelcome.innerText()).not.toMatch(/former member|no Teams chat/);
    // The plan timeline's events by their Welsh names.
    const events = await manager.locator('table').filter({ hasText: 'Digwyddiad' }).first().textContent();
    expect(events).toMatch(/Cynhadledd amddiffyn plant gychwynnol|Grŵp craidd \(wedi'i (gynnal|drefnu)\)/);
    expect(events).not.toMatch(/Initial child protection conference|Core group \((held|booked)\)/);
    expect(await manager.locator('[lang="en"]').evaluateAll((elements) => elements.map((element) => element.tagName))).toEqual(['OPTION']);
    expect(await englishCatalogueTextOn(manager)).toEqual([]);
    // aria-hidden-focus: the focus sentinels Fluent's DataGrid (Tabster) adds to the team view, found in English too, whatever the language.
    expect(await seriousViolations(manager, ['aria-hidden-focus'])).toEqual([]);
    await manager.close();
  });

  test('someone who chose English with /coregroup language english gets English in the same Welsh browser', async () => {
    const page = await open('Priya Shah');
    await page.getByRole('heading', { name: 'Core group dashboard' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { name: 'Needs attention' }).count()).toBe(1);
  });

  test('she switches to Cymraeg in the tab: the page turns Welsh at once and stays Welsh when opened again; back to English the same way', async () => {
    const page = await open('Priya Shah');
    await page.getByRole('heading', { name: 'Core group dashboard' }).waitFor({ timeout: 15_000 });
    await page.getByLabel('Language · Iaith').selectOption('cy');
    await page.getByRole('heading', { name: 'Dangosfwrdd grwpiau craidd' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    expect(await englishCatalogueTextOn(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();

    const again = await open('Priya Shah');
    await again.getByRole('heading', { name: 'Dangosfwrdd grwpiau craidd' }).waitFor({ timeout: 15_000 });
    expect(await again.getByLabel('Iaith · Language').inputValue()).toBe('cy');
    expect(await englishCatalogueTextOn(again)).toEqual([]);
    await again.getByLabel('Iaith · Language').selectOption('en');
    await again.getByRole('heading', { name: 'Core group dashboard' }).waitFor({ timeout: 15_000 });
    expect(await again.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
