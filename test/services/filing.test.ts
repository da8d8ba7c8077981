import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../../src/domain/errors';
import { MAX_ATTACHMENT_BYTES, attachmentTypeOf, checkAttachment } from '../../src/domain/filed-document';
import { computeObligations } from '../../src/domain/obligations';
import { renderDocx } from '../../src/export/docx-renderer';
import { renderPdf } from '../../src/export/pdf-renderer';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createAgencyReports } from '../../src/services/agency-reports/agency-reports.service';
import { createConferencePack } from '../../src/services/conference-pack/conference-pack.service';
import { calendarEventDetails } from '../../src/services/filing/calendar-event';
import { type Filing, createFiling } from '../../src/services/filing/filing.service';
import type { Clock } from '../../src/services/ports/clock.port';
import { type Store, createStore } from '../../src/store/store';
import { ENGINES, type TestDatabase, migratedDatabase } from '../support/databases';
import { pdfText } from '../support/documents';
import { calendarWithNoSeries } from '../support/graph';
import { TENANT, aCoreGroup, aPlan } from '../support/fixtures';
import { userMessageOf } from '../support/rejection';


const TODAY = Temporal.PlainDate.from('2026-06-10');
const clock: Clock = { nowIso: () => '2026-06-10T09:00:00.000Z', today: () => TODAY };
const calendars = loadWorkingDayCalendars();
const catalogue = loadPolicyCatalogue();
const REVIEW_ON = Temporal.PlainDate.from('2026-07-09');
const encode = (text: string) => new TextEncoder().encode(text);
const A_PDF = encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const record = { title: 'School report', subtitle: 'Attendance', caseReference: 'CP-1', auditReference: 'audit-1', blocks: [{ kind: 'paragraph', text: 'Attendance is 96%.' }] } as never;

/** A copy of a Word document with one name in its ZIP directory changed (same length, so the archive stays readable). */
function renamedEntry(docx: Uint8Array, from: string, to: string): Uint8Array {
  expect(to).toHaveLength(from.length);
  return Buffer.from(Buffer.from(docx).toString('latin1').replaceAll(from, to), 'latin1');
}

describe('what may be filed, known by its bytes', () => {
  let docx: Uint8Array;
  beforeAll(async () => {
    docx = new Uint8Array(await renderDocx(record));
  });

  test('a PDF and a Word document are known whatever they are called; a program, a ZIP that is not Word and a macro-enabled document are not', () => {
    expect(attachmentTypeOf(A_PDF)).toBe('pdf');
    expect(attachmentTypeOf(docx)).toBe('docx');
    expect(attachmentTypeOf(encode('MZ\x90\x00 this program cannot be run in DOS mode'))).toBeUndefined();
    expect(attachmentTypeOf(renamedEntry(docx, 'word/document.xml', 'word/documenX.xml'))).toBeUndefined();
    expect(attachmentTypeOf(renamedEntry(docx, 'word/styles.xml', 'wvbaProject.bin'))).toBeUndefined();
    expect(attachmentTypeOf(encode('PK\x03\x04 truncated'))).toBeUndefined();
  });

  test('each refusal names the file and says why; a safe name keeps the type the bytes have', () => {
    expect(checkAttachment('C:\\Users\\hv\\Report <final>.PDF', A_PDF)).toEqual({ name: 'Report final.pdf', type: 'pdf', size: A_PDF.length });
    expect(checkAttachment('notes', docx)).toMatchObject({ name: 'notes.docx', type: 'docx' });
    expect(userMessageOf(() => checkAttachment('invoice.pdf', encode('MZ\x90\x00')))).toMatch(/“invoice.pdf” is not a PDF or a Word document/);
    expect(userMessageOf(() => checkAttachment('report.pdf', docx))).toMatch(/“report.pdf” is named as .pdf but is a Word document/);
    expect(userMessageOf(() => checkAttachment('empty.pdf', new Uint8Array()))).toMatch(/“empty.pdf” is empty/);
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(A_PDF);
    expect(userMessageOf(() => checkAttachment('scan.pdf', big))).toMatch(/“scan.pdf” is 10.0 MB; files up to 10 MB/);
  });
});

describe.each(ENGINES.filter((engine) => engine.available))('filing e-mails from Outlook on $name', ({ name }) => {
  let database: TestDatabase;
  let store: Store;
  let docx: Uint8Array;
  beforeAll(async () => {
    database = await migratedDatabase(name);
    store = createStore(database);
    docx = new Uint8Array(await renderDocx(record));
  });
  afterAll(() => database.drop());

  async function aGroupWithReviewAndMeeting() {
    const group = aCoreGroup();
    await store.coreGroups.create(group.coreGroup, group.members);
    await store.plans.saveRevision({ plan: aPlan(group.coreGroup.id, group.healthVisitor.id), authorMemberId: group.lead.id, reason: 'ICPC', changes: [] }, clock.nowIso());
    const reviewConferenceId = randomUUID();
    await store.meetings.recordReviewConference({ id: reviewConferenceId, coreGroupId: group.coreGroup.id, date: REVIEW_ON, status: 'scheduled' });
    const meetingId = randomUUID();
    const chatId = `19:meeting_${meetingId}@thread.v2`;
    await store.meetings.create({ id: meetingId, coreGroupId: group.coreGroup.id, date: Temporal.PlainDate.from('2026-06-17'), status: 'scheduled', booking: { organiser: 'alex.lead@example.org', eventId: `event-${meetingId}`, chatId } });
    const heldId = randomUUID();
    await store.meetings.create({ id: heldId, coreGroupId: group.coreGroup.id, date: Temporal.PlainDate.from('2026-06-05'), status: 'held' });
    const deps = { ...store, clock, calendars, policy: (id: string) => catalogue.get(id), calendar: calendarWithNoSeries };
    const as = (member: CoreGroupMember) => ({ tenantId: TENANT, aadObjectId: member.aadObjectId ?? 'no-account' });
    return { ...group, reviewConferenceId, meetingId, heldId, chatId, as, deps, filing: createFiling(deps) };
  }

  const anEmail = (to: Filing['to'], attachments: Filing['attachments'] = [], messageId = `<${randomUUID()}@school.example>`): Filing => ({
    messageId,
    subject: 'Report for the review conference',
    sender: 'Sam Head <head@school.example>',
    receivedAt: '2026-06-09T16:20:00.000Z',
    body: 'Please find our report attached.\nAttendance is up to 96%.',
    to,
    attachments,
  });

  test('the lead social worker files the school’s e-mailed report: the school’s obligation is met today, the teacher stands “filed”, the attachments come back byte for byte, and filing it again adds nothing', async () => {
    const { coreGroup, lead, teacher, reviewConferenceId, as, deps, filing } = await aGroupWithReviewAndMeeting();
    const email = anEmail({ kind: 'agency-report', reviewConferenceId, agency: 'school' }, [
      { name: 'report.pdf', bytes: A_PDF },
      { name: 'attendance.docx', bytes: docx },
    ]);
    const filed = await filing.file(as(lead), coreGroup.id, email);
    expect(filed).toMatchObject({ outcome: 'changed', filedBy: 'Alex Lead', document: { kind: 'agency-report', agency: 'school', subject: 'Report for the review conference', attachments: [{ name: 'report.pdf', type: 'pdf' }, { name: 'attendance.docx', type: 'docx', size: docx.length }] } });

    const timeline = await store.meetings.loadCaseTimeline(coreGroup.id, coreGroup);
    const reports = computeObligations({ profile: catalogue.get(coreGroup.policyId), calendar: calendars['england-and-wales'], timeline, asOf: TODAY }).filter((obligation) => obligation.kind === 'agency-report');
    expect(reports.map((obligation) => [obligation.rule.split(' ').slice(3, 5).join(' '), obligation.status, obligation.metOn?.toString()])).toEqual([
      ["children's social", 'due', undefined],
      ['health visiting', 'due', undefined],
      ['school 5', 'met', '2026-06-10'],
    ]);

    const followed = await createAgencyReports(deps).of(as(lead), coreGroup.id, reviewConferenceId);
    expect(followed.standings?.map((entry) => [entry.member.displayName, entry.standing])).toEqual([
      ['Alex Lead', 'not-started'],
      ['Hana Visitor', 'not-started'],
      ['Toby Teacher', 'filed'],
    ]);
    expect(followed.filed?.map((entry) => [entry.document.id, entry.filedBy])).toEqual([[filed.document.id, 'Alex Lead']]);
    const [pdf, word] = filed.document.attachments;
    expect(Buffer.from((await filing.attachment(as(lead), coreGroup.id, filed.document.id, word!.id)).bytes).equals(Buffer.from(docx))).toBe(true);
    expect((await filing.attachment(as(lead), coreGroup.id, filed.document.id, pdf!.id)).attachment.name).toBe('report.pdf');

    const before = await store.filedDocuments.listByReview(reviewConferenceId);
    const again = await filing.file(as(lead), coreGroup.id, { ...email, subject: 'Retried' });
    expect(again).toMatchObject({ outcome: 'unchanged', document: { id: filed.document.id, subject: 'Report for the review conference' } });
    expect(await store.filedDocuments.listByReview(reviewConferenceId)).toEqual(before);
    expect((await createAgencyReports(deps).toDo(as(teacher)))[0]).toMatchObject({ mine: 'filed', submitted: 1, expected: 3 });
  });

  test('the conference pack prints the e-mailed report with its attachments named', async () => {
    const { coreGroup, lead, reviewConferenceId, as, deps, filing } = await aGroupWithReviewAndMeeting();
    await filing.file(as(lead), coreGroup.id, anEmail({ kind: 'agency-report', reviewConferenceId, agency: 'school' }, [{ name: 'report.pdf', bytes: A_PDF }]));
    const pack = await createConferencePack({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } }).download({ caller: as(lead), coreGroupId: coreGroup.id, reviewConferenceId, format: 'pdf' });
    const text = (await pdfText(pack.file)).text.replace(/\s+/g, ' ');
    expect(text).toContain('school — sent by e-mail');
    expect(text).toContain('“Report for the review conference” from Sam Head <head@school.example>, received Tue 9 Jun 2026, filed Wed 10 Jun 2026.');
    expect(text).toContain('Attendance is up to 96%.');
    expect(text).toMatch(/Attached, and kept in Core Group with the e-mail: report\.pdf \(PDF, 1 KB\)\./);
    expect(text).toMatch(/Toby Teacher\s+school\s+sent by e-mail \(below\)/);

    // A Welsh-speaking area: the same pack in Welsh, what the school wrote as it wrote it.
    await deps.documentLanguages.choose({ coreGroupId: coreGroup.id, language: 'cy', memberId: lead.id, at: '2026-06-10T12:00:00.000Z' });
    const welsh = (await pdfText((await createConferencePack({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } }).download({ caller: as(lead), coreGroupId: coreGroup.id, reviewConferenceId, format: 'pdf' })).file)).text.replace(/\s+/g, ' ');
    expect(welsh).toContain('Pecyn y gynhadledd: cynhadledd adolygu amddiffyn plant');
    expect(welsh).toContain('school — anfonwyd drwy e-bost');
    expect(welsh).toContain('“Report for the review conference” gan Sam Head <head@school.example>, derbyniwyd Maw, 9 Meh 2026, ffeiliwyd Mer, 10 Meh 2026.');
    expect(welsh).toContain('Attendance is up to 96%.');
    expect(welsh).toContain('Cronoleg y pryderon');
  });

  test('a professional files for their own agency only; the family and non-members file nothing; a bad attachment stores nothing', async () => {
    const { coreGroup, healthVisitor, parent, reviewConferenceId, as, filing } = await aGroupWithReviewAndMeeting();
    await expect(filing.file(as(healthVisitor), coreGroup.id, anEmail({ kind: 'agency-report', reviewConferenceId, agency: 'school' }))).rejects.toThrow(new ForbiddenError('You file reports for your own agency (health visiting) only; the lead social worker files other agencies’ reports.'));
    await expect(filing.file(as(healthVisitor), coreGroup.id, anEmail({ kind: 'agency-report', reviewConferenceId, agency: 'housing' }))).rejects.toThrow(/No member of this core group reports for “housing”/);
    expect((await filing.file(as(healthVisitor), coreGroup.id, anEmail({ kind: 'agency-report', reviewConferenceId, agency: 'health visiting' }))).outcome).toBe('changed');
    await expect(filing.file({ tenantId: TENANT, aadObjectId: randomUUID() }, coreGroup.id, anEmail({ kind: 'agency-report', reviewConferenceId, agency: 'school' }))).rejects.toThrow(NotFoundError);
    const parentAccount = { tenantId: TENANT, aadObjectId: randomUUID() };
    await database.db.updateTable('members').set({ aad_object_id: parentAccount.aadObjectId }).where('id', '=', parent.id).execute();
    await expect(filing.file(parentAccount, coreGroup.id, anEmail({ kind: 'agency-report', reviewConferenceId, agency: 'school' }))).rejects.toThrow(ForbiddenError);

    const stored = await store.filedDocuments.listByReview(reviewConferenceId);
    await expect(filing.file(as(healthVisitor), coreGroup.id, anEmail({ kind: 'agency-report', reviewConferenceId, agency: 'health visiting' }, [{ name: 'ok.pdf', bytes: A_PDF }, { name: 'invoice.pdf', bytes: encode('MZ\x90\x00') }]))).rejects.toThrow(RuleViolationError);
    expect(await store.filedDocuments.listByReview(reviewConferenceId)).toEqual(stored);
  });

  test('a paper for the next meeting: filed for a meeting still to come, read by the professionals, never by the family; not for a meeting already held', async () => {
    const { coreGroup, teacher, healthVisitor, manager, parent, meetingId, heldId, as, filing } = await aGroupWithReviewAndMeeting();
    await expect(filing.file(as(teacher), coreGroup.id, anEmail({ kind: 'meeting-paper', meetingId: heldId }))).rejects.toThrow(/The meeting of Fri 5 Jun 2026 is not still to come/);
    const paper = await filing.file(as(teacher), coreGroup.id, anEmail({ kind: 'meeting-paper', meetingId }, [{ name: 'attendance.docx', bytes: docx }]));
    expect(await store.filedDocuments.listByMeeting(meetingId)).toEqual([paper.document]);
    expect(await filing.papers(as(healthVisitor), meetingId)).toEqual({ coreGroupId: coreGroup.id, papers: [{ document: paper.document, filedBy: 'Toby Teacher' }] });
    expect((await filing.read(as(healthVisitor), coreGroup.id, paper.document.id)).document.body).toContain('Attendance is up to 96%.');
    expect((await filing.read(as(manager), coreGroup.id, paper.document.id)).filedBy).toBe('Toby Teacher');
    const parentAccount = { tenantId: TENANT, aadObjectId: randomUUID() };
    await database.db.updateTable('members').set({ aad_object_id: parentAccount.aadObjectId }).where('id', '=', parent.id).execute();
    await expect(filing.read(parentAccount, coreGroup.id, paper.document.id)).rejects.toThrow(ForbiddenError);
    await expect(filing.papers(parentAccount, meetingId)).rejects.toThrow(ForbiddenError);
    await expect(filing.attachment(as(healthVisitor), coreGroup.id, paper.document.id, randomUUID())).rejects.toThrow(NotFoundError);
  });

  test('an agency’s e-mailed report is read by the lead social worker and who filed it, not by another professional', async () => {
    const { coreGroup, healthVisitor, teacher, manager, reviewConferenceId, as, filing } = await aGroupWithReviewAndMeeting();
    const filed = await filing.file(as(teacher), coreGroup.id, anEmail({ kind: 'agency-report', reviewConferenceId, agency: 'school' }));
    expect((await filing.read(as(teacher), coreGroup.id, filed.document.id)).document.id).toBe(filed.document.id);
    expect((await filing.read(as(manager), coreGroup.id, filed.document.id)).filedBy).toBe('Toby Teacher');
    await expect(filing.read(as(healthVisitor), coreGroup.id, filed.document.id)).rejects.toThrow(ForbiddenError);
  });

  test('the add-in’s case list: each case with its next review’s agencies the caller may file for, and its next meeting', async () => {
    const { coreGroup, lead, healthVisitor, reviewConferenceId, meetingId, as, filing } = await aGroupWithReviewAndMeeting();
    const forLead = (await filing.cases(as(lead))).find((entry) => entry.coreGroupId === coreGroup.id);
    expect(forLead).toMatchObject({ caseReference: coreGroup.caseReference, review: { id: reviewConferenceId, agencies: ["children's social care", 'health visiting', 'school'] }, nextMeeting: { id: meetingId } });
    expect(forLead?.review?.reportsDue?.toString()).toBe('2026-07-02');
    expect((await filing.cases(as(healthVisitor))).find((entry) => entry.coreGroupId === coreGroup.id)?.review?.agencies).toEqual(['health visiting']);
  });

  test('a lead social worker with two core groups sees both, by case reference, each with its own review and meeting; a group whose plan ended is not offered', async () => {
    const first = await aGroupWithReviewAndMeeting();
    const second = await aGroupWithReviewAndMeeting();
    const ended = await aGroupWithReviewAndMeeting();
    for (const other of [second, ended]) await database.db.updateTable('members').set({ aad_object_id: first.lead.aadObjectId! }).where('id', '=', other.lead.id).execute();
    await database.db.updateTable('core_groups').set({ plan_ended_on: '2026-06-09' }).where('id', '=', ended.coreGroup.id).execute();
    const cases = await first.filing.cases(first.as(first.lead));
    expect(cases.map((entry) => entry.coreGroupId)).toEqual([first, second].sort((a, b) => a.coreGroup.caseReference.localeCompare(b.coreGroup.caseReference)).map((group) => group.coreGroup.id));
    for (const group of [first, second]) expect(cases.find((entry) => entry.coreGroupId === group.coreGroup.id)).toMatchObject({ review: { id: group.reviewConferenceId }, nextMeeting: { id: group.meetingId } });
  });

  test('a calendar event found by its meeting chat: the case reference and its next deadlines for a member; not found for anyone else', async () => {
    const { coreGroup, teacher, chatId, as, deps } = await aGroupWithReviewAndMeeting();
    const details = await calendarEventDetails(deps, as(teacher), chatId);
    expect(details).toMatchObject({ coreGroupId: coreGroup.id, caseReference: coreGroup.caseReference, meeting: { status: 'scheduled', chatId } });
    expect(details.deadlines.length).toBeGreaterThan(0);
    expect(details.deadlines.every((deadline) => deadline.status !== 'met')).toBe(true);
    expect(details.deadlines.map((deadline) => deadline.due.toString())).toEqual([...details.deadlines.map((deadline) => deadline.due.toString())].sort());
    await expect(calendarEventDetails(deps, { tenantId: TENANT, aadObjectId: randomUUID() }, chatId)).rejects.toThrow(NotFoundError);
    await expect(calendarEventDetails(deps, as(teacher), '19:meeting_unknown@thread.v2')).rejects.toThrow(NotFoundError);
  });
});
