import JSZip from 'jszip';
import { civilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { emptyMinutesContent } from '../../src/domain/minutes';
import type { ChildProtectionPlan } from '../../src/domain/plan';
import { renderDocx } from '../../src/export/docx-renderer';
import { renderPdf } from '../../src/export/pdf-renderer';
import { createRecordRenderer } from '../../src/export/record-renderer';
import type { RecordBlock, RecordDocument } from '../../src/services/ports/record-renderer.port';
import { concernChronologyBlocks } from '../../src/services/conference-pack/conference-pack-blocks';
import { wordsIn } from '../../src/i18n/words';
import { minutesBlocks, planBlocks } from '../../src/services/record-blocks';
import { membersBlocks, reviewsBlocks } from '../../src/services/record-pack/record-pack-blocks';
import { docxText, pdfText } from '../support/documents';

const WELSH = 'Gwenllian ap Dafydd, Tŷ Mawr, ŵyr';
const POLISH = 'Łukasz Włodarczyk';
const ACCENTED = 'Siân Ó Briain';
const CASE = 'CP/2026/7';
const AUDIT = 'CG-ABCDEF12-V4-20260612T1000Z';

const member = (id: string, displayName: string, role: CoreGroupMember['role'], agency: string): CoreGroupMember => ({ id, displayName, role, agency, reach: 'tenant', active: true });
const members = [
  member('m1', WELSH, 'lead-social-worker', 'Children’s social care'),
  member('m2', POLISH, 'professional', 'School'),
  member('m3', ACCENTED, 'family-member', 'Family'),
  member('m4', 'Team Manager', 'team-manager', 'Children’s social care'),
  member('m5', 'Conference Chair', 'conference-chair', 'Safeguarding unit'),
];

const plan: ChildProtectionPlan = {
  coreGroupId: 'cg',
  version: 3,
  outcomes: [{ id: 'o1', text: 'The children are safe at home' }],
  actions: [
    { id: 'a1', outcomeId: 'o1', what: 'Weekly home visits', ownerMemberId: 'm1', agency: 'Children’s social care', due: civilDate(2026, 7, 1), agreedOn: civilDate(2026, 5, 1), progressMeasure: 'Visits recorded', state: 'in-progress' },
    { id: 'a2', outcomeId: 'o1', what: 'School attendance check', ownerMemberId: 'm2', agency: 'School', due: civilDate(2026, 6, 20), agreedOn: civilDate(2026, 5, 1), progressMeasure: 'Attendance above 90%', state: 'not-started' },
  ],
  contingencyPlan: 'A strategy discussion if a visit is refused.',
  resources: 'Family support worker.',
  monitoring: 'At each core group.',
};
const checkIns = [
  { actionId: 'a1', memberId: 'm1', status: 'on-track' as const, note: '', recordedAt: '2026-06-01T09:00:00Z' },
  { actionId: 'a2', memberId: 'm2', status: 'at-risk' as const, note: '', recordedAt: '2026-06-02T09:00:00Z' },
];

/** Minutes built with record-blocks, as the minutes export builds them, with enough rows to run over several pages. */
function minutesDocument(): RecordDocument {
  const content = {
    ...emptyMinutesContent(members),
    attendance: members.map((person) => ({ memberId: person.id, attendance: 'present' as const })),
    childsVoice: `${WELSH} said the house is calmer; ${POLISH} agreed.`,
    nextMeetingDate: civilDate(2026, 7, 10),
  };
  const blocks = [
    ...minutesBlocks(wordsIn('en'), { minutes: { id: 'min1', meetingId: 'meeting', coreGroupId: 'cg', version: 4, content }, members, plan, checkIns, concerns: [] }),
    ...planBlocks(wordsIn('en'), { plan, members, checkIns }),
    { kind: 'table' as const, header: ['Visit', 'Seen by'], rows: Array.from({ length: 150 }, (_unused, index) => [`Visit ${index + 1}`, index % 2 ? WELSH : POLISH]) },
  ];
  return { title: 'Core group meeting minutes', subtitle: `Case ${CASE} · meeting of Fri 12 Jun 2026`, caseReference: CASE, auditReference: AUDIT, blocks };
}

async function docxParts(file: Buffer): Promise<{ headers: string; footers: string }> {
  const archive = await JSZip.loadAsync(file);
  const read = async (pattern: RegExp) => (await Promise.all(Object.keys(archive.files).filter((name) => pattern.test(name)).map((name) => archive.file(name)!.async('string')))).join('\n');
  return { headers: await read(/^word\/header\d*\.xml$/), footers: await read(/^word\/footer\d*\.xml$/) };
}

describe('a record export a records team accepts', () => {
  test('every PDF page carries the marking at its top and bottom, the case and audit references and "Page n of m"', async () => {
    const { pages, pageTexts } = await pdfText(await renderPdf(minutesDocument()));
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((page, index) => {
      expect(page.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2);
      expect(page).toContain(`Case ${CASE}`);
      expect(page).toContain(`Audit reference ${AUDIT}`);
      expect(page).toContain(`Page ${index + 1} of ${pages}`);
    });
    // The long table's header row is printed again on each page it runs onto.
    for (const page of pageTexts.slice(2)) expect(page).toMatch(/^Visit\s+Seen by/);
  });

  test('Welsh, Polish and accented names print intact in the embedded font; the PDF is tagged with its title and language', async () => {
    const file = await renderPdf(minutesDocument());
    const { text, marked } = await pdfText(file);
    for (const name of [WELSH, POLISH, ACCENTED]) expect(text).toContain(name);
    expect(marked).toBe(true);
    const raw = file.toString('latin1');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/DejaVuSans/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/StructTreeRoot/);
    // Headings, paragraphs and tables in the structure tree; the minutes have no sections, so headings are H2 under the title's H1.
    for (const tag of ['H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD']) expect(raw).toMatch(new RegExp(`/S /${tag}\\b`));
    expect(raw).not.toMatch(/\/S \/H3\b/);
    expect(raw.slice(0, 8)).toBe('%PDF-1.7');
  });

  test('minutes built with record-blocks print roles, action states and check-ins as words and dates the UK way, never codes or ISO dates', async () => {
    const document = minutesDocument();
    const [{ text }, word] = await Promise.all([pdfText(await renderPdf(document)), renderDocx(document).then(docxText)]);
    for (const printed of [text, word]) {
      for (const code of ['lead-social-worker', 'team-manager', 'family-member', 'conference-chair', 'at-risk', 'on-track', 'not-started', 'in-progress']) expect(printed).not.toContain(code);
      for (const label of ['Lead social worker', 'Team manager', 'Family member', 'Conference chair', 'Professional', 'At risk', 'On track', 'In progress']) expect(printed).toContain(label);
      expect(printed).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(printed).toContain('Fri 10 Jul 2026');
    }
  });

  test('the DOCX has the marking in its header and footer, and the references and page fields in its footer', async () => {
    const file = await renderDocx(minutesDocument());
    const { headers, footers } = await docxParts(file);
    expect(headers).toContain('OFFICIAL-SENSITIVE');
    expect(footers).toContain('OFFICIAL-SENSITIVE');
    expect(footers).toContain(`Case ${CASE} · Audit reference ${AUDIT} · Page `);
    expect(footers).toMatch(/\bPAGE\b/);
    expect(footers).toMatch(/\bNUMPAGES\b/);
    const text = await docxText(file);
    for (const name of [WELSH, POLISH, ACCENTED]) expect(text).toContain(name);
  });

  test('the marking the area configures replaces the default in the PDF and the DOCX', async () => {
    const renderer = createRecordRenderer({ protectiveMarking: 'OFFICIAL' });
    const { pageTexts } = await pdfText(await renderer.pdf(minutesDocument()));
    for (const page of pageTexts) {
      expect(page.match(/\bOFFICIAL\b/g)).toHaveLength(2);
      expect(page).not.toContain('OFFICIAL-SENSITIVE');
    }
    const { headers, footers } = await docxParts(await renderer.docx(minutesDocument()));
    expect(headers).toContain('OFFICIAL');
    expect(footers).toContain('OFFICIAL');
    expect(`${headers}${footers}`).not.toContain('OFFICIAL-SENSITIVE');
  });

  test('the record pack and the conference pack name roles, review conferences and concerns in words', () => {
    const cells = (blocks: readonly RecordBlock[]) => blocks.flatMap((block) => (block.kind === 'table' ? block.rows.flat() : [block.text]));
    const printed = [
      ...cells(membersBlocks(wordsIn('en'), members)),
      ...cells(reviewsBlocks(wordsIn('en'), [{ id: 'r1', coreGroupId: 'cg', date: civilDate(2026, 6, 5), status: 'held', outcome: 'continue' }, { id: 'r2', coreGroupId: 'cg', date: civilDate(2026, 11, 20), status: 'scheduled' }])),
      ...cells(concernChronologyBlocks(wordsIn('en'), { members, from: civilDate(2026, 1, 1), concerns: [
        { id: 'c1', coreGroupId: 'cg', kind: 'increased-risk', raisedByMemberId: 'm2', step: 1, status: 'open', raisedAt: '2026-06-01T09:00:00Z', stepStartedAt: '2026-06-03T09:00:00Z' },
        { id: 'c2', coreGroupId: 'cg', kind: 'changed-circumstances', raisedByMemberId: 'm2', step: 0, status: 'resolved', raisedAt: '2026-06-02T09:00:00Z', stepStartedAt: '2026-06-02T09:00:00Z' },
      ] })),
    ];
    expect(printed).toEqual(expect.arrayContaining(['Lead social worker', 'Conference chair', 'Held', 'Booked', 'Open, at step 2', 'Resolved', 'Mon 1 Jun 2026']));
    for (const code of ['lead-social-worker', 'conference-chair', 'held', 'scheduled', 'resolved', 'open, at step 2', '2026-06-01']) expect(printed).not.toContain(code);
  });
});
