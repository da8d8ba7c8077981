import { docxRenderer, renderDocx } from '../../src/export/docx-renderer';
import { pdfRenderer, renderPdf } from '../../src/export/pdf-renderer';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { emptyMinutesContent } from '../../src/domain/minutes';
import type { RecordDocument } from '../../src/services/ports/record-renderer.port';
import { minutesBlocks } from '../../src/services/record-blocks';
import { docxText, pdfText } from '../support/documents';

const WELSH = 'Gwenllian ap Dafydd o Dŷ Mawr, ŵyr';
const POLISH = 'Łukasz Włodarczyk';
const member = (id: string, displayName: string, role: CoreGroupMember['role'], agency: string): CoreGroupMember => ({ id, displayName, role, agency, reach: 'tenant', active: true });
const members = [member('m1', WELSH, 'lead-social-worker', "children's social care"), member('m2', POLISH, 'professional', 'school'), member('m3', 'Siân Ó Briain', 'family-member', 'family')];

/** Minutes with enough attendance rows to run over several pages. */
function longMinutes(): RecordDocument {
  const content = { ...emptyMinutesContent(members), attendance: members.map((person) => ({ memberId: person.id, attendance: 'present' as const })), childsVoice: `${WELSH} said the house is calmer; ${POLISH} agreed.` };
  const blocks = [
    ...minutesBlocks({ minutes: { id: 'min1', meetingId: 'm', coreGroupId: 'cg', version: 4, content }, members, plan: undefined, checkIns: [], concerns: [] }),
    { kind: 'table' as const, header: ['Row', 'Who'], rows: Array.from({ length: 120 }, (_unused, index) => [String(index + 1), index % 2 ? WELSH : POLISH]) },
  ];
  return { title: 'Core group meeting minutes', subtitle: 'Case CP/2026/7 · meeting of Fri 12 Jun 2026', caseReference: 'CP/2026/7', auditReference: 'CG-ABCDEF12-V4-20260612T1000Z', blocks };
}

describe('a record export a records team accepts', () => {
  test('every PDF page carries the marking top and bottom, the case and audit references and "Page n of m"; every name prints intact in the embedded font; the PDF is tagged', async () => {
    const { pages, pageTexts, text, marked } = await pdfText(await renderPdf(longMinutes()));
    expect(pages).toBeGreaterThanOrEqual(3);
    pageTexts.forEach((page, index) => {
      expect(page.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2);
      expect(page).toContain('Case CP/2026/7 · Audit reference CG-ABCDEF12-V4-20260612T1000Z');
      expect(page).toContain(`Page ${index + 1} of ${pages}`);
    });
    expect(text).toContain(WELSH);
    expect(text).toContain(POLISH);
    expect(text).toContain('Siân Ó Briain');
    expect(marked).toBe(true);
  });

  test('plain labels, never codes, and UK dates', async () => {
    const { text } = await pdfText(await renderPdf(longMinutes()));
    for (const code of ['lead-social-worker', 'family-member', 'not-recorded']) expect(text).not.toContain(code);
    expect(text).toContain('Lead social worker');
    expect(text).toContain('Family member');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  test('the marking the area configures replaces the default, in the PDF and the DOCX', async () => {
    const { pageTexts } = await pdfText(await pdfRenderer('OFFICIAL-SENSITIVE PERSONAL')(longMinutes()));
    expect(pageTexts.every((page) => page.includes('OFFICIAL-SENSITIVE PERSONAL'))).toBe(true);
    const word = await docxText(await docxRenderer('OFFICIAL-SENSITIVE PERSONAL')(longMinutes()));
    expect(word).toContain(WELSH);
  });

  test('the DOCX has the marking in its header and footer, the references and the page fields in its footer', async () => {
    const file = await renderDocx(longMinutes());
    const zip = file.toString('latin1');
    expect(zip).toContain('word/header1.xml');
    expect(zip).toContain('word/footer1.xml');
    const { default: JSZip } = await import('jszip');
    const archive = await JSZip.loadAsync(file);
    const header = await archive.file('word/header1.xml')!.async('string');
    const footer = await archive.file('word/footer1.xml')!.async('string');
    expect(header).toContain('OFFICIAL-SENSITIVE');
    expect(footer).toContain('OFFICIAL-SENSITIVE');
    expect(footer).toContain('Case CP/2026/7 · Audit reference CG-ABCDEF12-V4-20260612T1000Z · Page ');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(await docxText(file)).toContain(POLISH);
  });
});
