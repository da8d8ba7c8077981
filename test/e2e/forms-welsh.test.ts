import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import type { RunningService } from '../../src/main';
import { DEMO_CASE_REFERENCE, DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { editMinutes, openingDraft, signMinutes } from '../../src/domain/minutes';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium, seriousViolations } from '../support/browser';
import { englishCatalogueTextInDocument, englishCatalogueTextOn } from '../support/english-left';
import { browserSuite, openDashboardAs, startTabStack } from '../support/tab-stack';

const LONDON = 'Europe/London';
/** A day as the catalogues word it in Welsh ("Sad, 12 Rhag 2026"). */
const WELSH_DATE = '(Sul|Llun|Maw|Mer|Iau|Gwen|Sad), \\d{1,2} \\S+ \\d{4}';
const today = Temporal.Now.plainDateISO(LONDON);

/** A date as the tab's date fields take it: dd/mm/yyyy. */
const ukDay = (date: Temporal.PlainDate) => `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}`;

/** A Tuesday to Thursday at least `days` on, clear of Christmas and New Year: a working day in every part of the UK. */
function workingDayAfter(days: number): Temporal.PlainDate {
  let day = today.add({ days });
  while (day.dayOfWeek > 4 || day.dayOfWeek < 2 || (day.month === 12 && day.day >= 24) || (day.month === 1 && day.day <= 2)) day = day.add({ days: 1 });
  return day;
}

/** The first Saturday at least `days` on. */
function saturdayAfter(days: number): Temporal.PlainDate {
  const day = today.add({ days });
  return day.add({ days: (6 - day.dayOfWeek + 7) % 7 });
}

/**
 * The forms and dialogs a practitioner opens from the Welsh pages — and what each says when it
 * refuses what was typed, on the page before sending or from the server — in Welsh: nothing on
 * screen from the English catalogues (the tab's or the server's) while each is showing.
 */
browserSuite('the forms and dialogs in Welsh, in headless Chromium whose language is Welsh (cy-GB), against the built tab and the real server', () => {
  let service: RunningService;
  let browser: BrowserContext;
  let demoGroupId: string;
  let todaysMeetingId: string;
  let chairSignedMeetingId: string;
  let signedMeetingId: string;
  let reportsPath: string;

  beforeAll(async () => {
    const stack = await startTabStack('forms-welsh-e2e');
    service = stack.service;
    const database = openDatabase({ sqliteFile: stack.sqliteFile });
    const store = createStore(database);
    const groups = await store.coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('manager'));
    const [demo, second, third] = ['DEMO-0001', 'DEMO-0002', 'DEMO-0003'].map((reference) => groups.find((group) => group.caseReference === reference)!);
    demoGroupId = demo!.id;
    const members = await store.coreGroups.members(demo!.id);
    const [lead, manager, health] = ['lead', 'manager', 'health'].map((key) => members.find((member) => member.aadObjectId === demoObjectId(key))!);
    const at = new Date().toISOString();

    // DEMO-0001's core groups booked as a series in Outlook, the next one on a working day a week or so on at 10:00: the team manager may move or cancel it.
    const startsAt = workingDayAfter(8).toPlainDateTime({ hour: 10 }).toZonedDateTime(LONDON);
    await store.meetings.create({ id: randomUUID(), coreGroupId: demo!.id, date: startsAt.toPlainDate(), status: 'scheduled', startsAt: startsAt.toInstant().toString(), endsAt: startsAt.add({ minutes: 90 }).toInstant().toString(), booking: { organiser: 'priya.shah@demo.example', eventId: `forms-welsh-${randomUUID()}` } });

    // Two concerns with the team manager: a risk the health visitor raised on DEMO-0001 (resolve or escalate), and the lead social worker's request for an extra core group on DEMO-0002 (grant or refuse).
    const increasedRisk = randomUUID();
    await store.concerns.raise({ id: increasedRisk, coreGroupId: demo!.id, kind: 'increased-risk', raisedByMemberId: health!.id, step: 0, status: 'open', raisedAt: at, stepStartedAt: at, note: 'Bruise seen at the visit' }, `forms-welsh:${increasedRisk}`);
    await store.concernHistory.record({ id: randomUUID(), concernId: increasedRisk, step: 0, at, kind: 'raised', actorId: health!.id, actorName: health!.displayName, text: 'Bruise seen at the visit' });
    const secondLead = (await store.coreGroups.members(second!.id)).find((member) => member.role === 'lead-social-worker')!;
    const extraMeeting = randomUUID();
    await store.concerns.raise({ id: extraMeeting, coreGroupId: second!.id, kind: 'extra-meeting-request', raisedByMemberId: secondLead.id, step: 0, status: 'open', raisedAt: at, stepStartedAt: at, note: 'New worries from school today' }, `forms-welsh:${extraMeeting}`);
    await store.concernHistory.record({ id: randomUUID(), concernId: extraMeeting, step: 0, at, kind: 'raised', actorId: secondLead.id, actorName: secondLead.displayName, text: 'New worries from school today' });

    // Three DEMO-0001 meetings for the minutes tab: today's, the health visitor taking the minutes; one held a week ago whose minutes the chair has signed; one held a fortnight ago whose minutes both have signed.
    todaysMeetingId = randomUUID();
    await store.meetings.create({ id: todaysMeetingId, coreGroupId: demo!.id, date: today, status: 'scheduled', minuteTakerMemberId: health!.id });
    const written = async (meetingId: string, daysAgo: number) => {
      await store.meetings.create({ id: meetingId, coreGroupId: demo!.id, date: today.subtract({ days: daysAgo }), status: 'held' });
      const draft = openingDraft({ id: randomUUID(), meeting: { id: meetingId, coreGroupId: demo!.id }, members });
      await store.minutes.createDraft(draft, lead!.id, at);
      const content = { ...draft.content, decisions: ['Riley stays on the plan.'], nextMeetingDate: today.add({ days: 28 }), newActions: [{ what: 'Book the developmental review', ownerMemberId: health!.id, agency: health!.agency, due: today.add({ days: 21 }), progressMeasure: 'The review is booked' }] };
      return { draft, minutes: signMinutes(editMinutes(draft, { content, basedOnVersion: draft.version }), { as: 'chair', memberId: lead!.id, at }) };
    };
    chairSignedMeetingId = randomUUID();
    const chairSigned = await written(chairSignedMeetingId, 7);
    await store.minutes.save({ ...chairSigned.minutes, version: chairSigned.draft.version + 1 }, { expectedVersion: chairSigned.draft.version, savedBy: lead!.id, at });
    signedMeetingId = randomUUID();
    const bothSigned = await written(signedMeetingId, 14);
    await store.minutes.save({ ...signMinutes(bothSigned.minutes, { as: 'team-manager', memberId: manager!.id, at }), version: bothSigned.draft.version + 1 }, { expectedVersion: bothSigned.draft.version, savedBy: manager!.id, at });

    // DEMO-0003's review conference, still to come: the lead social worker's report for it (the health visitor's is in).
    const review = await database.db.selectFrom('review_conferences').select('id').where('core_group_id', '=', third!.id).where('status', '=', 'scheduled').executeTakeFirstOrThrow();
    reportsPath = `/tab/reports?coreGroupId=${third!.id}&reviewConferenceId=${review.id}&theme=light`;
    await database.close();
    browser = await launchChromium({ locale: 'cy-GB' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** Nothing from the English catalogues on the page while `screen` shows. */
  const welshOnly = async (page: Page, screen: string) => expect({ screen, english: await englishCatalogueTextOn(page) }).toEqual({ screen, english: [] });
  const noSeriousViolations = async (page: Page, screen: string, skip: readonly string[] = []) => expect({ screen, violations: await seriousViolations(page, skip) }).toEqual({ screen, violations: [] });
  /** A page of the tab at `path`, signed in locally as the demo person whose button matches `who`. */
  const openAs = async (who: string, path: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${service.url}${path}`);
    await page.getByRole('button', { name: new RegExp(who) }).click();
    return page;
  };
  /**
   * `form` refuses with the Welsh `words` (the page's own, or the server's as it answered), and
   * nothing English is on the page meanwhile; if other words show instead, they are what fails.
   */
  const refused = async (page: Page, form: Locator, screen: string, words: string | RegExp) => {
    const instead = await form
      .getByText(words)
      .first()
      .waitFor({ timeout: 15_000 })
      .then(
        () => undefined,
        () => form.locator('.fui-MessageBar, .fui-Field__validationMessage').allInnerTexts(),
      );
    expect({ screen, instead }).toEqual({ screen, instead: undefined });
    await welshOnly(page, screen);
  };

  test('the team manager’s dashboard forms: move and cancel a meeting, the review conference, transfer, a relative in an institution, the concern decisions, the exports — each refusal Welsh too', async () => {
    const page = await openDashboardAs(browser, service, 'Tom Okafor');
    await page.getByRole('heading', { name: 'Dangosfwrdd grwpiau craidd' }).waitFor({ timeout: 15_000 });

    // Moving the booked meeting: nothing typed, then a time gone by, then a Saturday — the page's words, then the server's.
    await page.getByRole('button', { name: `Symud y cyfarfod ar gyfer ${DEMO_CASE_REFERENCE}` }).click();
    const move = page.getByRole('form', { name: `Symud y cyfarfod ar gyfer ${DEMO_CASE_REFERENCE}` });
    await move.getByRole('button', { name: 'Ei symud' }).click();
    await refused(page, move, 'move: nothing typed', "Rhowch y dyddiad newydd fel dd/mm/bbbb a'r amser fel aa:mm (24 awr, amser y DU).");
    await noSeriousViolations(page, 'move form', ['aria-hidden-focus']);
    await move.getByRole('textbox', { name: /Dyddiad newydd/ }).fill(ukDay(today.subtract({ days: 1 })));
    await move.getByRole('textbox', { name: /Amser dechrau/ }).fill('10:00');
    await move.getByRole('button', { name: 'Ei symud' }).click();
    await refused(page, move, 'move: a time gone by', "Mae'r amser hwnnw wedi mynd heibio: dewiswch un sydd eto i ddod.");
    await move.getByRole('radio', { name: 'Hwn a phob cyfarfod diweddarach yn y gyfres' }).check();
    await move.getByRole('textbox', { name: /Dyddiad newydd/ }).fill(ukDay(saturdayAfter(9)));
    await move.getByRole('button', { name: 'Ei symud' }).click();
    await refused(page, move, 'move: a Saturday', new RegExp(`^Nid yw ${WELSH_DATE} yn ddiwrnod gwaith \\(penwythnos neu ŵyl banc\\)`));
    await move.getByRole('button', { name: 'Ei gadw fel y mae' }).click();

    await page.getByRole('button', { name: `Canslo'r cyfarfod ar gyfer ${DEMO_CASE_REFERENCE}` }).click();
    const cancel = page.getByRole('form', { name: `Canslo'r cyfarfod ar gyfer ${DEMO_CASE_REFERENCE}` });
    await cancel.getByRole('button', { name: 'Ei ganslo' }).click();
    await refused(page, cancel, 'cancel: no reason', "Dywedwch pam mae'r cyfarfod yn cael ei ganslo");
    await cancel.getByRole('button', { name: 'Ei gadw fel y mae' }).click();

    // The review conference: booked for a day gone by, recorded as held without a chair and then on a day to come; the transfer without an area, then on a day to come.
    await page.getByRole('button', { name: `Trefnu'r gynhadledd adolygu ar gyfer ${DEMO_CASE_REFERENCE}` }).click();
    const book = page.getByRole('form', { name: `Trefnu'r gynhadledd adolygu ar gyfer ${DEMO_CASE_REFERENCE}` });
    await book.getByRole('button', { name: 'Trefnu', exact: true }).click();
    await refused(page, book, 'book a review: no date', 'Rhowch y dyddiad fel dd/mm/bbbb.');
    await book.getByRole('textbox', { name: /Dyddiad/ }).fill(ukDay(today.subtract({ days: 3 })));
    await book.getByRole('button', { name: 'Trefnu', exact: true }).click();
    await refused(page, book, 'book a review: a day gone by', new RegExp(`^Mae ${WELSH_DATE} wedi mynd heibio: os cynhaliwyd cynhadledd adolygu`));
    await noSeriousViolations(page, 'book a review', ['aria-hidden-focus']);
    await book.getByRole('button', { name: 'Yn ôl' }).click();

    await page.getByRole('button', { name: `Cofnodi cynhadledd adolygu a gynhaliwyd ar gyfer ${DEMO_CASE_REFERENCE}` }).click();
    const held = page.getByRole('form', { name: `Cynhadledd adolygu a gynhaliwyd ar gyfer ${DEMO_CASE_REFERENCE}` });
    await held.getByRole('textbox', { name: /Cynhaliwyd ar/ }).fill(ukDay(today));
    await held.getByRole('button', { name: 'Cofnodi', exact: true }).click();
    await refused(page, held, 'record a review held: no chair', 'Dywedwch pwy a gadeiriodd y gynhadledd adolygu.');
    await held.getByRole('textbox', { name: /Cadeiriwyd gan/ }).fill('Helen Moss');
    await held.getByRole('textbox', { name: /Dyddiad yr adolygiad nesaf/ }).fill('31/02');
    await held.getByRole('button', { name: 'Cofnodi', exact: true }).click();
    await refused(page, held, 'record a review held: the next review not a date', 'Rhowch ddyddiad yr adolygiad nesaf fel dd/mm/bbbb, neu gadewch ef yn wag.');
    await held.getByRole('textbox', { name: /Dyddiad yr adolygiad nesaf/ }).fill('');
    await held.getByRole('textbox', { name: /Cynhaliwyd ar/ }).fill(ukDay(workingDayAfter(3)));
    await held.getByRole('button', { name: 'Cofnodi', exact: true }).click();
    await refused(page, held, 'record a review held: a day to come', new RegExp(`^Mae ${WELSH_DATE} eto i ddod: trefnwch y gynhadledd adolygu`));
    await held.getByRole('button', { name: 'Yn ôl' }).click();

    await page.getByRole('button', { name: `Cofnodi trosglwyddo ${DEMO_CASE_REFERENCE} allan` }).click();
    const transfer = page.getByRole('form', { name: `Trosglwyddo ${DEMO_CASE_REFERENCE} allan` });
    await transfer.getByRole('textbox', { name: /Trosglwyddwyd ar/ }).fill(ukDay(workingDayAfter(3)));
    await transfer.getByRole('button', { name: "Cofnodi'r trosglwyddiad" }).click();
    await refused(page, transfer, 'transfer: no area', 'Dywedwch i ba ardal y trosglwyddwyd yr achos.');
    await transfer.getByRole('textbox', { name: /I ba ardal/ }).fill('Cyngor Caerdydd');
    await transfer.getByRole('button', { name: "Cofnodi'r trosglwyddiad" }).click();
    await refused(page, transfer, 'transfer: a day to come', new RegExp(`^Mae ${WELSH_DATE} eto i ddod: cofnodwch y trosglwyddiad`));
    await transfer.getByRole('button', { name: 'Yn ôl' }).click();

    // A relative in prison: who and where asked for, then recorded.
    await page.getByRole('button', { name: `Cofnodi perthynas yn y carchar neu yn yr ysbyty ar gyfer ${DEMO_CASE_REFERENCE}` }).click();
    const relative = page.getByRole('form', { name: `Perthynas mewn sefydliad, ar gyfer ${DEMO_CASE_REFERENCE}` });
    await relative.getByRole('button', { name: 'Cofnodi', exact: true }).click();
    await refused(page, relative, 'a relative in an institution: nobody named', "Dywedwch pwy sydd yn y sefydliad, yn ôl eu perthynas â'r plentyn.");
    await relative.getByRole('textbox', { name: /Pwy, yn ôl eu perthynas/ }).fill('tad');
    await relative.getByRole('button', { name: 'Cofnodi', exact: true }).click();
    await refused(page, relative, 'a relative in an institution: no institution', "Enwch y sefydliad, fel y dylid cyfeirio'r llythyr.");
    await noSeriousViolations(page, 'a relative in an institution', ['aria-hidden-focus']);
    await relative.getByRole('textbox', { name: /Enw'r sefydliad/ }).fill('CEF Caerdydd');
    await relative.getByRole('button', { name: 'Cofnodi', exact: true }).click();
    await page.getByText(new RegExp(`^${DEMO_CASE_REFERENCE}: Wedi'i gofnodi: CEF Caerdydd\\.`)).waitFor({ timeout: 15_000 });
    await page.getByRole('region', { name: 'Llythyrau at sefydliadau' }).getByText('CEF Caerdydd', { exact: false }).first().waitFor({ timeout: 15_000 });
    await welshOnly(page, 'a relative in an institution: recorded');

    // The concerns: resolving without an outcome, refusing without a reason, then a decision the server no longer takes (another page resolved the concern first).
    const concerns = page.getByRole('region', { name: 'Pryderon gyda chi' });
    const risk = concerns.getByRole('listitem').filter({ hasText: 'Bruise seen at the visit' }).first();
    const stale = await openDashboardAs(browser, service, 'Tom Okafor');
    const staleRisk = stale.getByRole('region', { name: 'Pryderon gyda chi' }).getByRole('listitem').filter({ hasText: 'Bruise seen at the visit' }).first();
    await staleRisk.getByRole('button', { name: 'Uwchgyfeirio nawr' }).waitFor({ timeout: 15_000 });
    await risk.getByRole('button', { name: 'Datrys' }).click();
    await refused(page, risk, 'a concern resolved without an outcome', 'Dywedwch sut y cafodd ei ddatrys.');
    const extra = concerns.getByRole('listitem').filter({ hasText: 'New worries from school today' }).first();
    await extra.getByRole('button', { name: 'Gwrthod' }).click();
    await refused(page, extra, 'an extra core group refused without a reason', 'Rhowch y rheswm dros wrthod.');
    await noSeriousViolations(page, 'the concern decisions', ['aria-hidden-focus']);
    await risk.getByRole('textbox').fill('Siaradodd y meddyg teulu â’r teulu; esboniad wedi’i dderbyn.');
    await risk.getByRole('button', { name: 'Datrys' }).click();
    await concerns.getByText("Wedi'i ddatrys, a'ch canlyniad wedi'i gofnodi.").waitFor({ timeout: 15_000 });
    await welshOnly(page, 'a concern resolved');
    await staleRisk.getByRole('button', { name: 'Uwchgyfeirio nawr' }).click();
    await refused(stale, staleRisk, 'a concern already resolved, escalated from a page opened before', "Nid yw'r pryder hwnnw ar agor mwyach");
    await stale.close();

    // The team view's CSV and a case's plan: downloaded, no error shown.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Allforio CSV' }).click()]);
    const header = readFileSync((await csv.path())!, 'utf8').split('\r\n')[0];
    expect(header).toMatch(/^\uFEFFGweithiwr cymdeithasol arweiniol,Cyfeirnod yr achos,/);
    expect(englishCatalogueTextInDocument(header!)).toEqual([]);
    const [plan] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Cynllun PDF ar gyfer ${DEMO_CASE_REFERENCE}` }).click()]);
    expect(plan.suggestedFilename()).toMatch(/\.pdf$/);
    expect(await page.getByText(/^Nid oedd modd allforio/).count()).toBe(0);
    await welshOnly(page, 'after the exports');
    await page.close();
  }, 180_000);

  test('a practitioner says she has not received the plan, twice: what the lead social worker is told, then that she said so already', async () => {
    const page = await openDashboardAs(browser, service, 'Grace Lindqvist');
    const notReceived = page.getByRole('button', { name: 'Nid wyf wedi cael y cynllun ar gyfer DEMO-0003' });
    await notReceived.click();
    await page.getByText(/^DEMO-0003: Mae neges i'r gweithiwr cymdeithasol arweiniol yn y ciw/).waitFor({ timeout: 15_000 });
    await welshOnly(page, 'plan not received: told');
    await notReceived.click();
    await page.getByText("DEMO-0003: Rydych wedi dweud hynny eisoes: mae'r gweithiwr cymdeithasol arweiniol yn gwybod.").waitFor({ timeout: 15_000 });
    await welshOnly(page, 'plan not received: said already');
    await page.close();
  }, 60_000);

  test('the minutes’ dialogs: the chair and minute-taker, signing as chair, sending back and signing as team manager', async () => {
    const chair = await openAs('Priya Shah', `/tab/minutes?meetingId=${todaysMeetingId}&theme=light`);
    await chair.getByRole('heading', { name: 'Cofnodion y grŵp craidd', level: 1 }).waitFor({ timeout: 15_000 });
    await chair.getByRole('button', { name: "Newid y cadeirydd neu'r cofnodwr" }).click();
    const roles = chair.getByRole('form', { name: 'Cadeirydd a chofnodwr' });
    await roles.getByLabel('Cadeirydd', { exact: true }).selectOption({ label: 'Grace Lindqvist (health visiting)' });
    await roles.getByRole('button', { name: "Cadw'r rolau" }).click();
    await refused(chair, roles, 'roles: one person for both', "Rhaid i'r cadeirydd a'r cofnodwr fod yn bobl wahanol.");
    await roles.getByLabel('Cofnodwr', { exact: true }).selectOption('');
    await roles.getByRole('button', { name: "Cadw'r rolau" }).click();
    await refused(chair, roles, 'roles: no minute-taker', 'Dewiswch gadeirydd a chofnodwr.');
    await noSeriousViolations(chair, 'roles form');
    await roles.getByLabel('Cadeirydd', { exact: true }).selectOption({ label: "Priya Shah (children's social care)" });
    await roles.getByLabel('Cofnodwr', { exact: true }).selectOption({ label: 'Grace Lindqvist (health visiting)' });
    await roles.getByRole('button', { name: "Cadw'r rolau" }).click();
    await chair.getByText('Cadeirydd: Priya Shah · Cofnodwr: Grace Lindqvist').waitFor({ timeout: 15_000 });
    await welshOnly(chair, 'roles saved');

    // Signing as chair before anyone is marked present: asked to confirm, then refused, in Welsh.
    const signOff = chair.getByRole('region', { name: 'Llofnodi a dosbarthu' });
    await signOff.getByRole('button', { name: 'Llofnodi fel cadeirydd' }).click();
    await signOff.getByRole('group').getByRole('button', { name: 'Llofnodi fel cadeirydd' }).click();
    expect(await signOff.locator('.fui-MessageBar').first().innerText({ timeout: 15_000 })).toBe("Cofnodwch pwy oedd yn bresennol yn gyntaf: nid oes neb wedi'i nodi'n bresennol yn y cofnodion.");
    await welshOnly(chair, 'signed as chair');
    await chair.close();

    const manager = await openAs('Tom Okafor', `/tab/minutes?meetingId=${chairSignedMeetingId}&theme=light`);
    const managerSignOff = manager.getByRole('region', { name: 'Llofnodi a dosbarthu' });
    await managerSignOff.getByRole('button', { name: 'Anfon yn ôl at y cadeirydd…' }).click({ timeout: 15_000 });
    const sendBack = managerSignOff.getByRole('group', { name: /^Anfon y cofnodion hyn yn ôl at y cadeirydd/ });
    await sendBack.getByRole('textbox', { name: /Beth ddylai'r cadeirydd ei newid/ }).waitFor();
    await welshOnly(manager, 'send back: the dialog');
    await sendBack.getByRole('button', { name: 'Anfon yn ôl at y cadeirydd' }).click();
    await refused(manager, managerSignOff, 'send back: no comments', "Dywedwch beth ddylai'r cadeirydd ei newid.");
    await noSeriousViolations(manager, 'send back dialog');
    await sendBack.getByRole('button', { name: 'Canslo' }).click();
    await managerSignOff.getByRole('button', { name: 'Llofnodi fel rheolwr tîm' }).click();
    await managerSignOff.getByText(/^Llofnodi'r cofnodion hyn fel rheolwr tîm\?/).waitFor();
    await welshOnly(manager, 'sign as team manager: confirm');
    await managerSignOff.getByRole('group').getByRole('button', { name: 'Llofnodi fel rheolwr tîm' }).click();
    await managerSignOff.getByText(/^Wedi'u llofnodi gan Tom Okafor/).waitFor({ timeout: 15_000 });
    await welshOnly(manager, 'signed as team manager');
    await manager.close();
  }, 120_000);

  test('signed minutes: the family version approved, the recipients confirmed and the minutes distributed, then amended with a reason', async () => {
    const chair = await openAs('Priya Shah', `/tab/minutes?meetingId=${signedMeetingId}&theme=light`);
    const family = chair.getByRole('region', { name: 'Fersiwn y teulu' });
    await family.getByRole('textbox', { name: "Crynodeb i'r teulu" }).fill('Cytunodd y cyfarfod fod pethau ychydig yn well.', { timeout: 15_000 });
    await family.getByRole('button', { name: "Cadw'r adolygiad" }).click();
    await family.getByRole('button', { name: 'Cymeradwyo fersiwn y teulu' }).and(chair.locator(':enabled')).click({ timeout: 15_000 });
    await family.getByText(/^Cymeradwywyd gan Priya Shah ar .+: dyma beth mae'r teulu'n ei gael\.$/).waitFor({ timeout: 15_000 });
    await welshOnly(chair, 'family version approved');

    const signOff = chair.getByRole('region', { name: 'Llofnodi a dosbarthu' });
    await signOff.getByRole('button', { name: "Dosbarthu'r cofnodion wedi'u llofnodi" }).click();
    const recipients = signOff.getByRole('region', { name: "Gwiriwch pwy sy'n cael beth cyn i unrhyw beth gael ei anfon" });
    await recipients.getByRole('table').waitFor({ timeout: 15_000 });
    expect(await recipients.getByRole('cell', { name: 'fersiwn y teulu' }).count()).toBeGreaterThan(0);
    await welshOnly(chair, 'distribute: who gets what');
    await noSeriousViolations(chair, 'distribute: who gets what');
    await recipients.getByRole('button', { name: 'Cadarnhau ac anfon' }).click();
    await signOff.getByRole('status').filter({ hasText: /^Yn anfon at \d+ o \d+ o dderbynwyr/ }).waitFor({ timeout: 15_000 });
    await welshOnly(chair, 'distribute: sending');

    await signOff.getByRole('button', { name: 'Diwygio' }).click();
    const why = signOff.getByRole('textbox', { name: /Pam mae'r cofnodion wedi'u llofnodi'n cael eu diwygio\?/ });
    await why.waitFor();
    await welshOnly(chair, 'amend: the reason asked for');
    await noSeriousViolations(chair, 'amend dialog');
    await why.fill('Roedd enw’r ysgol yn anghywir.');
    await signOff.getByRole('button', { name: "Dechrau'r diwygiad" }).click();
    await signOff.getByText('Diwygiwyd', { exact: true }).waitFor({ timeout: 15_000 });
    await welshOnly(chair, 'amended');
    await chair.close();
  }, 120_000);

  test('the plan editor: nothing changed, then an action added, one reworded and one dropped — each thing missing said in Welsh, then saved', async () => {
    const page = await openAs('Priya Shah', `/tab/plan?coreGroupId=${demoGroupId}&theme=light`);
    await page.getByRole('button', { name: "Golygu'r cynllun" }).click({ timeout: 15_000 });
    const editor = page.getByRole('form', { name: "Golygu'r cynllun" });
    const save = editor.getByRole('button', { name: /^Cadw fel fersiwn \d+$/ });
    await editor.getByRole('textbox', { name: /Pam mae'r cynllun yn newid/ }).fill('Cytunwyd yn y grŵp craidd');
    await save.click();
    await refused(page, editor, 'plan: nothing changed', /nid oes dim yn y cynllun wedi newid/i);

    await editor.getByRole('button', { name: 'Ychwanegu cam gweithredu o dan ganlyniad 1' }).click();
    await save.click();
    await refused(page, editor, 'plan: an action without words', 'Mae angen geiriau ar bob cam gweithredu: dywedwch beth fydd yn cael ei wneud.');
    const added = editor.getByRole('group', { name: 'Cam gweithredu: yr un newydd' });
    await added.getByRole('textbox', { name: /Beth fydd yn cael ei wneud/ }).fill('Trefnu apwyntiad deintydd');
    await save.click();
    await refused(page, editor, 'plan: an action without an owner', "Dewiswch pwy sy'n berchen ar “Trefnu apwyntiad deintydd”.");
    const named = editor.getByRole('group', { name: 'Cam gweithredu “Trefnu apwyntiad deintydd”' });
    await named.getByRole('combobox', { name: /Perchennog/ }).selectOption({ label: 'Grace Lindqvist (health visiting)' });
    await save.click();
    await refused(page, editor, 'plan: an action without a due date', 'Rhowch ddyddiad dyledus “Trefnu apwyntiad deintydd” fel dd/mm/bbbb.');
    await named.getByRole('textbox', { name: /Dyddiad dyledus/ }).fill(ukDay(workingDayAfter(30)));
    await named.getByRole('textbox', { name: /Sut y mesurir cynnydd/ }).fill('Mae’r apwyntiad wedi’i drefnu');

    const existing = editor.getByRole('group', { name: /^Cam gweithredu “(?!Trefnu apwyntiad)/ });
    await existing.first().getByRole('textbox', { name: /Beth fydd yn cael ei wneud/ }).fill('Ymweld bob wythnos a gwirio amodau’r cartref gyda Jordan');
    await existing.last().getByRole('checkbox', { name: /Gollwng y cam gweithredu hwn/ }).check();
    await welshOnly(page, 'plan: an action added, one reworded, one dropped');
    await noSeriousViolations(page, 'plan editor with an action added and one dropped');
    await save.click();
    await page.getByText(/^Wedi'i gadw fel fersiwn \d+\./).waitFor({ timeout: 15_000 });
    await welshOnly(page, 'plan saved');
    await page.close();
  }, 120_000);

  test('the lead social worker’s report for the review conference: a draft saved, a save from a page opened before refused, submitting it half written refused, then submitted and confirmed', async () => {
    const stale = await openAs('Priya Shah', reportsPath);
    const staleForm = stale.getByRole('form', { name: /^Eich adroddiad/ });
    await staleForm.getByRole('textbox', { name: "Beth sy'n ein poeni?" }).waitFor({ timeout: 15_000 });
    const page = await openAs('Priya Shah', reportsPath);
    const form = page.getByRole('form', { name: /^Eich adroddiad/ });
    await form.getByRole('textbox', { name: "Beth sy'n ein poeni?" }).fill('Mae’r teulu’n dal i fyw mewn fflat llaith.', { timeout: 15_000 });
    await form.getByRole('button', { name: "Cadw'r drafft" }).click();
    await form.getByRole('status').filter({ hasText: /^Cadwyd y drafft / }).waitFor({ timeout: 15_000 });
    await welshOnly(page, 'report: draft saved');

    await staleForm.getByRole('textbox', { name: "Beth sy'n gweithio'n dda?" }).fill('Mae’r fam yn cadw pob apwyntiad.');
    await staleForm.getByRole('button', { name: "Cadw'r drafft" }).click();
    await refused(stale, staleForm, 'report: saved from a page opened before', /ei gadw yn rhywle arall ers i chi ei agor/);
    await stale.close();

    await form.getByRole('button', { name: "Cyflwyno'r adroddiad" }).click();
    await refused(page, form, 'report: submitted half written', /^Cyn cyflwyno, ychwanegwch y canlynol: yr hyn sy'n gweithio'n dda/);
    await noSeriousViolations(page, 'report refused');
    await form.getByRole('textbox', { name: "Beth sy'n gweithio'n dda?" }).fill('Mae’r fam yn cadw pob apwyntiad.');
    await form.getByRole('textbox', { name: 'Beth sydd angen digwydd?' }).fill('Symud i’r cartref newydd.');
    await form.getByRole('combobox', { name: 'Eich graddio' }).selectOption('6');
    await form.getByRole('textbox', { name: 'Pam y gwnaethoch ei raddio yno' }).fill('Cynnydd go iawn, ond nid yw’r symud wedi digwydd eto.');
    await form.getByRole('textbox', { name: 'Barn a phrofiad bywyd y plentyn' }).fill('Mae Kai yn rhy ifanc i ddweud.');
    await form.getByRole('button', { name: "Cyflwyno'r adroddiad" }).click();
    await page.getByText(/^Cyflwynwyd eich adroddiad .+\. Gall y gweithiwr cymdeithasol arweiniol ei ddarllen nawr\.$/).waitFor({ timeout: 15_000 });
    await page.getByText(/^Cyflwynwyd .+\. Ni ellir ei newid bellach/).waitFor();
    await welshOnly(page, 'report: submitted');
    await noSeriousViolations(page, 'report submitted');
    await page.close();
  }, 90_000);
});
