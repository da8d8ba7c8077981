import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import type { RunningService } from '../../src/main';
import { launchChromium, seriousViolations } from '../support/browser';
import { englishCatalogueTextOn } from '../support/english-left';
import { browserSuite, startTabStack } from '../support/tab-stack';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
/** A small but real PDF (what the server checks is its first bytes). */
const REPORT_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** What the stand-in for Office.js shows the page: one e-mail or one calendar event, and the SSO token Outlook would give. */
interface MockItem {
  readonly token: string;
  /** What Office says it shows itself in (`Office.context.displayLanguage`); absent: it says nothing. */
  readonly displayLanguage?: string;
  readonly messageId?: string;
  readonly message?: { subject: string; from: { displayName: string; emailAddress: string }; body: string; attachments: { id: string; name: string; size: number; contentType: string; content: string }[] };
  readonly eventBodyHtml?: string;
}

/**
 * Installs `window.Office` before the page loads: the few calls the add-in makes (onReady, the
 * item, its body and attachment contents, getAccessToken), answering as Outlook does. The page
 * then never loads Office.js (it uses the `Office` it finds), which keeps the test offline.
 */
function installOffice(options: MockItem) {
  const done = <T,>(value: T) => ({ status: 'succeeded' as const, value });
  const item = options.message
    ? {
        itemType: 'message',
        internetMessageId: options.messageId ?? '<housing-report-0001@council.example>',
        subject: options.message.subject,
        from: options.message.from,
        dateTimeCreated: new Date('2026-06-09T08:15:00Z'),
        attachments: options.message.attachments.map((attachment) => ({ id: attachment.id, name: attachment.name, size: attachment.size, contentType: attachment.contentType, attachmentType: 'file', isInline: false })),
        body: { getAsync: (_type: string, callback: (result: unknown) => void) => callback(done(options.message!.body)) },
        getAttachmentContentAsync: (id: string, callback: (result: unknown) => void) => callback(done({ format: 'base64', content: options.message!.attachments.find((attachment) => attachment.id === id)!.content })),
      }
    : { itemType: 'appointment', subject: 'Core group meeting', body: { getAsync: (_type: string, callback: (result: unknown) => void) => callback(done(options.eventBodyHtml ?? '')) } };
  (window as unknown as { Office: unknown }).Office = {
    onReady: () => Promise.resolve({ host: 'Outlook' }),
    context: { displayLanguage: options.displayLanguage, mailbox: { item, addHandlerAsync: () => undefined } },
    auth: { getAccessToken: () => Promise.resolve(options.token) },
  };
}

browserSuite('the Outlook add-in in headless Chromium, with a stand-in for Office.js, against the built page and the real server', () => {
  let service: RunningService;
  let sqliteFile: string;
  let browser: BrowserContext;
  let leadToken: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ({ service, sqliteFile } = await startTabStack('outlook-e2e'));
    browser = await launchChromium({ locale: 'en-GB' });
    const signedIn = await fetch(`${service.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ aadObjectId: demoObjectId('lead') }) });
    leadToken = ((await signedIn.json()) as { token: string }).token;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const openInOutlook = async (item: MockItem): Promise<Page> => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 900 });
    await page.addInitScript(installOffice, item);
    await page.goto(`${service.url}/tab/outlook?host=outlook&theme=light`);
    return page;
  };
  const noSeriousViolations = async (page: Page, screen: string) => {
    const results = await new AxeBuilder({ page: page as never }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect({ screen, violations: serious.map((violation) => `${violation.id}: ${violation.nodes.length}`) }).toEqual({ screen, violations: [] });
  };

  test('outside Outlook the page loads no Office.js and says where to open it; asked for by Outlook (?host=outlook) it fetches Microsoft’s Office.js, and says the same when that cannot load', async () => {
    const page = await browser.newPage();
    const officeRequests: string[] = [];
    await page.route('https://appsforoffice.microsoft.com/**', (route) => {
      officeRequests.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${service.url}/tab/outlook?theme=light`);
    await page.getByText(/^This page is Core Group’s Outlook add-in\./).waitFor({ timeout: 15_000 });
    expect(officeRequests).toEqual([]);
    await page.goto(`${service.url}/tab/outlook?host=outlook&theme=light`);
    await page.getByText(/^This page is Core Group’s Outlook add-in\./).waitFor({ timeout: 15_000 });
    expect(officeRequests).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    await page.close();
  }, 60_000);

  test('the lead social worker files the housing team’s e-mailed report with its PDF: told where it went, told it was already there on a second press, and the reports page then shows it sent by e-mail with the PDF to download', async () => {
    const page = await openInOutlook({
      token: leadToken,
      message: {
        subject: 'Housing report for Kai’s review conference',
        from: { displayName: 'Rhys Jenkins', emailAddress: 'rhys.jenkins@housing.example' },
        body: 'Please find the housing report attached.\nThe move is agreed for next month.',
        attachments: [
          { id: 'att-1', name: 'housing-report.pdf', size: REPORT_PDF.length, contentType: 'application/pdf', content: REPORT_PDF.toString('base64') },
          { id: 'att-2', name: 'flat-photo.jpg', size: 48_000, contentType: 'image/jpeg', content: Buffer.from('not filed').toString('base64') },
        ],
      },
    });
    const form = page.getByRole('form', { name: 'File this e-mail' });
    await form.waitFor({ timeout: 15_000 });
    await page.getByText('“Housing report for Kai’s review conference” from Rhys Jenkins <rhys.jenkins@housing.example>').waitFor();
    await form.getByRole('combobox', { name: 'Case' }).selectOption({ label: 'DEMO-0003' });
    expect(await form.getByRole('radio', { name: /^A written report for the review conference on / }).isChecked()).toBe(true);
    await form.getByRole('combobox', { name: 'Whose report' }).selectOption('housing');
    expect(await form.getByRole('checkbox', { name: /^housing-report\.pdf/ }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /^flat-photo\.jpg/ }).isDisabled()).toBe(true);
    await page.getByText('Only PDF and Word (.docx) files can be filed.').waitFor();
    await noSeriousViolations(page, 'file to core group');
    await page.screenshot({ path: join(SCREENSHOTS, 'outlook-file-to-core-group-360.png'), fullPage: true });

    await form.getByRole('button', { name: 'File to core group' }).click();
    await page.getByText(/^Filed to case DEMO-0003 as the housing report for the review conference on .+, with 1 attachment\.$/).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'outlook-filed-360.png'), fullPage: true });
    await form.getByRole('button', { name: 'File to core group' }).click();
    await page.getByText(/^This e-mail was already filed there by Priya Shah .+: nothing more was added\.$/).waitFor({ timeout: 15_000 });
    await page.close();

    const reports = await browser.newPage();
    await reports.setViewportSize({ width: 1280, height: 900 });
    await reports.goto(`${service.url}/tab/dashboard?theme=light`);
    await reports.getByRole('button', { name: /Priya Shah/ }).click();
    await reports.getByRole('link', { name: 'Open the reports for DEMO-0003' }).click();
    await reports.getByRole('heading', { name: /^Who has submitted \(2 of 3\)$/ }).waitFor({ timeout: 15_000 });
    await reports.getByText(/^Sent by e-mail and filed from Outlook by Priya Shah /).waitFor();
    await reports.getByRole('button', { name: 'Read the e-mailed report for housing' }).click();
    await reports.getByText('The move is agreed for next month.', { exact: false }).waitFor();
    const download = reports.waitForEvent('download');
    await reports.getByRole('button', { name: /^housing-report\.pdf \(PDF, 1 KB\)$/ }).click();
    expect(readFileSync(await (await download).path()).equals(REPORT_PDF)).toBe(true);
    await noSeriousViolations(reports, 'reports page with an e-mailed report');
    await reports.screenshot({ path: join(SCREENSHOTS, 'review-reports-emailed-1280.png'), fullPage: true });
    await reports.close();
  }, 120_000);

  /** A Teams meeting of DEMO-0003 on that day, as booking leaves it (calendar event, join link, chat): its id and chat id. */
  const bookedForDemo3 = (date: string) => {
    const meetingId = randomUUID();
    const chatId = `19:meeting_${meetingId.replaceAll('-', '')}@thread.v2`;
    const database = new Database(sqliteFile);
    try {
      const group = database.prepare("select id from core_groups where case_reference = 'DEMO-0003'").get() as { id: string };
      database
        .prepare("insert into meetings (id, core_group_id, date, status, organiser, calendar_event_id, join_url, chat_id) values (?, ?, ?, 'scheduled', ?, ?, ?, ?)")
        .run(meetingId, group.id, date, 'priya.shah@demo.example', `event-${meetingId}`, `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0`, chatId);
    } finally {
      database.close();
    }
    return { meetingId, chatId };
  };

  test('on a core group’s calendar event: the case’s next deadlines and the link to its minutes in Teams; on any other event, a plain answer; an e-mail filed as a paper for that meeting shows in its minutes tab', async () => {
    const { meetingId, chatId } = bookedForDemo3('2030-01-07');
    const joinLink = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0?context=%7b%22Tid%22%3a%22tenant%22%7d`;
    const page = await openInOutlook({ token: leadToken, eventBodyHtml: `<p>Microsoft Teams meeting</p><a href="${joinLink.replaceAll('&', '&amp;')}">Join the meeting now</a>` });
    await page.getByRole('heading', { name: 'Core group meeting — case DEMO-0003' }).waitFor({ timeout: 15_000 });
    const deadlines = page.getByRole('region', { name: 'Next deadlines' });
    await deadlines.getByRole('listitem').first().waitFor();
    // Each deadline by its rule, worded in the tab from the rule's data: in English, the engine's own words.
    const rules = (await deadlines.getByRole('listitem').allInnerTexts()).map((item) => item.split('\n')[0]);
    expect(rules).toEqual(expect.arrayContaining(["Written report from children's social care 5 working days before the review conference", 'First review conference within 3 months of the ICPC']));
    const link = page.getByRole('link', { name: 'Open the minutes in Teams' });
    expect(await link.getAttribute('href')).toContain(`/minutes?context=${encodeURIComponent(JSON.stringify({ chatId, contextType: 'chat' }))}`);
    await noSeriousViolations(page, 'calendar event');
    await page.screenshot({ path: join(SCREENSHOTS, 'outlook-calendar-event-360.png'), fullPage: true });
    await page.close();

    const other = await openInOutlook({ token: leadToken, eventBodyHtml: '<p>Team lunch</p>' });
    await other.getByText('This event has no Teams meeting link, so it is not a core group meeting booked by Core Group.').waitFor({ timeout: 15_000 });
    await other.close();

    // With that meeting booked, an e-mail can go to it as a paper, and the minutes tab lists it.
    const mail = await openInOutlook({
      token: leadToken,
      message: { subject: 'School attendance for the core group', from: { displayName: 'School office', emailAddress: 'office@school.example' }, body: 'Attendance this half term: 96%.', attachments: [] },
    });
    const form = mail.getByRole('form', { name: 'File this e-mail' });
    await form.getByRole('combobox', { name: 'Case' }).selectOption({ label: 'DEMO-0003' });
    await form.getByRole('radio', { name: 'A paper for the core group meeting on Mon 7 Jan 2030' }).check();
    await form.getByRole('button', { name: 'File to core group' }).click();
    await mail.getByText('Filed to case DEMO-0003 as a paper for the meeting on Mon 7 Jan 2030, with no attachments.').waitFor({ timeout: 15_000 });
    await mail.close();
    const minutes = await browser.newPage();
    await minutes.setViewportSize({ width: 320, height: 900 });
    await minutes.goto(`${service.url}/tab/minutes?meetingId=${meetingId}&theme=light`);
    await minutes.getByRole('button', { name: /Priya Shah/ }).click();
    const papers = minutes.getByRole('region', { name: 'Papers for this meeting (1)' });
    await papers.waitFor({ timeout: 15_000 });
    await papers.getByRole('button', { name: 'Read it' }).click();
    await papers.getByText('Attendance this half term: 96%.').waitFor();
    await noSeriousViolations(minutes, 'minutes tab with a paper');
    await minutes.close();
  }, 90_000);
  test('in Welsh: Office’s display language (cy-GB) gives lang="cy" and the Welsh pane — filing, its outcomes and a calendar event; the person’s own choice wins over Office’s; the filed e-mail reads in Welsh around its own words; axe finds nothing serious', async () => {
    const WELSH_DAY = '(Sul|Llun|Maw|Mer|Iau|Gwen|Sad)';
    // Before any other meeting booked for the case: the next one, so papers are filed to it.
    const { meetingId, chatId } = bookedForDemo3('2029-12-03');
    const message = {
      subject: 'Presenoldeb yn yr ysgol',
      from: { displayName: 'Swyddfa’r ysgol', emailAddress: 'swyddfa@ysgol.example' },
      body: 'Presenoldeb yr hanner tymor hwn: 96%.',
      attachments: [
        { id: 'att-1', name: 'presenoldeb.pdf', size: REPORT_PDF.length, contentType: 'application/pdf', content: REPORT_PDF.toString('base64') },
        { id: 'att-2', name: 'lluniau.docx', size: 11 * 1024 * 1024, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: '' },
      ],
    };

    const page = await openInOutlook({ token: leadToken, displayLanguage: 'cy-GB', messageId: '<presenoldeb-0001@ysgol.example>', message });
    const form = page.getByRole('form', { name: "Ffeilio'r e-bost hwn" });
    await form.waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    await page.getByRole('heading', { name: 'Ffeilio i grŵp craidd' }).waitFor();
    await page.getByText('“Presenoldeb yn yr ysgol” gan Swyddfa’r ysgol <swyddfa@ysgol.example>').waitFor();
    await form.getByRole('combobox', { name: 'Achos' }).selectOption({ label: 'DEMO-0003' });
    expect(await form.getByRole('radio', { name: new RegExp(`^Adroddiad ysgrifenedig ar gyfer y gynhadledd adolygu ar ${WELSH_DAY}, `) }).isChecked()).toBe(true);
    await form.getByRole('combobox', { name: 'Adroddiad pwy' }).waitFor();
    await page.getByText("Mwy na 10 MB: yn rhy fawr i'w ffeilio.").waitFor();
    expect(await form.getByRole('checkbox', { name: /^lluniau\.docx \(11\.0 MB\)$/ }).isDisabled()).toBe(true);
    expect(await page.locator('body').innerText()).not.toMatch(/File to core group|Attachments to file|Whose report|Choose/);
    expect(await englishCatalogueTextOn(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByRole('button', { name: 'Ffeilio i grŵp craidd' }).click();
    await page.getByText('Dewiswch adroddiad pwy yw hwn.').waitFor({ timeout: 15_000 });
    expect(await englishCatalogueTextOn(page)).toEqual([]);
    await form.getByRole('radio', { name: 'Papur ar gyfer cyfarfod y grŵp craidd ar Llun, 3 Rhag 2029' }).check();
    await form.getByRole('button', { name: 'Ffeilio i grŵp craidd' }).click();
    await page.getByText("Wedi'i ffeilio i achos DEMO-0003 fel papur ar gyfer y cyfarfod ar Llun, 3 Rhag 2029, gydag 1 atodiad.").waitFor({ timeout: 15_000 });
    expect(await englishCatalogueTextOn(page)).toEqual([]);
    await form.getByRole('button', { name: 'Ffeilio i grŵp craidd' }).click();
    await page.getByText(new RegExp(`^Roedd Priya Shah eisoes wedi ffeilio'r e-bost hwn yno ${WELSH_DAY}, .+: ni ychwanegwyd dim mwy\\.$`)).waitFor({ timeout: 15_000 });
    expect(await englishCatalogueTextOn(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();

    const joinLink = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0`;
    const event = await openInOutlook({ token: leadToken, displayLanguage: 'cy-GB', eventBodyHtml: `<a href="${joinLink}">Ymuno â'r cyfarfod</a>` });
    await event.getByRole('heading', { name: 'Cyfarfod grŵp craidd — achos DEMO-0003' }).waitFor({ timeout: 15_000 });
    expect(await event.evaluate(() => document.documentElement.lang)).toBe('cy');
    await event.getByText('Llun, 3 Rhag 2029').waitFor();
    const deadlines = event.getByRole('region', { name: 'Y terfynau amser nesaf' });
    await deadlines.getByRole('listitem').first().waitFor();
    // The same rules in Welsh, the agency's own name kept: no deadline named only by its kind.
    const rules = (await deadlines.getByRole('listitem').allInnerTexts()).map((item) => item.split('\n')[0]);
    expect(rules).toEqual(expect.arrayContaining(["Adroddiad ysgrifenedig gan children's social care 5 diwrnod gwaith cyn y gynhadledd adolygu", "Y gynhadledd adolygu gyntaf o fewn 3 mis i'r gynhadledd amddiffyn plant gychwynnol"]));
    expect(await deadlines.innerText()).toMatch(/Yn ddyledus|Mewn perygl|Yn hwyr|Wedi'i fodloni/);
    expect(await deadlines.innerText()).not.toMatch(/\b(Due|Overdue|At risk|Met|Written report|within)\b/);
    await event.getByRole('link', { name: 'Agor y cofnodion yn Teams' }).waitFor();
    expect(await englishCatalogueTextOn(event)).toEqual([]);
    expect(await seriousViolations(event)).toEqual([]);
    await event.close();

    // Her own choice, Welsh, over an Outlook that shows itself in English.
    const chose = await fetch(`${service.url}/api/me/language`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${leadToken}` }, body: JSON.stringify({ language: 'cy' }) });
    expect(chose.status).toBe(200);
    const english = await openInOutlook({ token: leadToken, displayLanguage: 'en-GB', messageId: '<presenoldeb-0002@ysgol.example>', message });
    await english.getByRole('heading', { name: 'Ffeilio i grŵp craidd' }).waitFor({ timeout: 15_000 });
    expect(await english.evaluate(() => document.documentElement.lang)).toBe('cy');
    expect(await englishCatalogueTextOn(english)).toEqual([]);
    await english.close();

    const minutes = await browser.newPage();
    await minutes.setViewportSize({ width: 320, height: 900 });
    await minutes.goto(`${service.url}/tab/minutes?meetingId=${meetingId}&theme=light`);
    await minutes.getByRole('button', { name: /Priya Shah/ }).click();
    const papers = minutes.getByRole('region', { name: 'Papurau ar gyfer y cyfarfod hwn (1)' });
    await papers.waitFor({ timeout: 15_000 });
    await minutes.getByText('Modd lleol: wedi mewngofnodi fel Priya Shah (gweithiwr cymdeithasol arweiniol)').waitFor();
    await minutes.getByRole('button', { name: 'Newid person' }).waitFor();
    await papers.getByRole('button', { name: 'Darllen' }).click();
    await papers.getByText(new RegExp(`^Gan Swyddfa’r ysgol <swyddfa@ysgol\\.example>, derbyniwyd ${WELSH_DAY}, .+; ffeiliwyd gan Priya Shah ${WELSH_DAY}, `)).waitFor();
    expect(await papers.locator('p[lang=""]').innerText()).toBe('Presenoldeb yr hanner tymor hwn: 96%.');
    await papers.getByRole('list', { name: 'Atodiadau' }).getByRole('button', { name: 'presenoldeb.pdf (PDF, 1 KB)' }).waitFor();
    expect(await englishCatalogueTextOn(minutes)).toEqual([]);
    expect(await seriousViolations(minutes)).toEqual([]);
    await minutes.close();
    await fetch(`${service.url}/api/me/language`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${leadToken}` }, body: JSON.stringify({ language: 'en' }) });
  }, 120_000);
});
