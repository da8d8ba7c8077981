import JSZip from 'jszip';
import { civilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember } from '../../src/domain/core-group';
import type { ChildProtectionPlan } from '../../src/domain/plan';
import { renderDocx } from '../../src/export/docx-renderer';
import { renderPdf } from '../../src/export/pdf-renderer';
import type { RecordDocument } from '../../src/services/ports/record-renderer.port';
import { documentIn, planBlocks } from '../../src/services/record-blocks';
import { docxProperties, docxText, pdfText } from '../support/documents';

/** Names with the Welsh letters a record must print: ŵ and ŷ (and their capitals), which the PDF's base fonts cannot. */
const members: CoreGroupMember[] = [
  { id: 'm1', displayName: 'Gwenllian ap Dafydd', role: 'lead-social-worker', agency: 'Gwasanaethau Plant Ŵyr', reach: 'tenant', active: true },
  { id: 'm2', displayName: 'Siôn Tŷ-Newydd', role: 'professional', agency: 'Ysgol Ŷr Afon', reach: 'tenant', active: true },
];
const plan: ChildProtectionPlan = {
  coreGroupId: 'cg',
  version: 2,
  outcomes: [{ id: 'o1', text: 'Mae’r plant yn ddiogel yn y tŷ' }],
  actions: [{ id: 'a1', outcomeId: 'o1', what: 'Ymweliad cartref bob wythnos', ownerMemberId: 'm2', agency: 'Ysgol', due: civilDate(2026, 12, 9), agreedOn: civilDate(2026, 11, 2), progressMeasure: 'Cofnod o bob ymweliad', state: 'in-progress' }],
  contingencyPlan: 'Trafodaeth strategaeth os gwrthodir ymweliad.',
  resources: 'Gweithiwr cymorth i’r teulu; Ŵyr a Ŷd yn y ddogfen.',
  monitoring: 'Ym mhob grŵp craidd.',
};

const planDocument = (language: 'cy' | 'both'): RecordDocument => ({
  ...documentIn(language, (words) => ({ title: words.t('record.planTitle'), subtitle: words.t('record.planSubtitle', { caseReference: 'CP/2026/9', version: 2, date: words.dates.date('2026-12-04') }), blocks: planBlocks(words, { plan, members, checkIns: [] }) })),
  caseReference: 'CP/2026/9',
  auditReference: 'CG-ABCDEF12-V2-20261204T1000Z',
});

describe('a record in Welsh', () => {
  test('the PDF reads back in Welsh — ŵ and ŷ, Welsh dates, page furniture, its properties — tagged cy-GB', async () => {
    const file = await renderPdf(planDocument('cy'));
    const read = await pdfText(file);
    expect(read.marked).toBe(true);
    // Table cells wrap: read as one line of words.
    const text = read.text.replace(/\s+/g, ' ');
    for (const words of ['Cynllun amddiffyn plant', 'Canlyniadau a chamau gweithredu', 'Ym mhob grŵp craidd', 'Ŵyr a Ŷd yn y ddogfen', 'Siôn Tŷ-', 'Ysgol Ŷr Afon', 'yn y tŷ', 'Ar y gweill', 'Cynllun wrth gefn', 'Cyfeirnod archwilio CG-ABCDEF12-V2-20261204T1000Z', 'Tudalen 1 o 1']) expect(text).toContain(words);
    // Wednesday 9 December 2026, in CLDR's Welsh (the separator may change with ICU's version, the words not).
    expect(text).toMatch(/Mer\W+9 Rhag 2026/);
    expect(text).not.toMatch(/Outcomes and actions|In progress|Page 1 of/);
    expect(file.toString('latin1')).toContain('/Lang (cy-GB)');
    expect(read.properties).toEqual({ title: 'Cynllun amddiffyn plant', subject: 'OFFICIAL-SENSITIVE · Achos CP/2026/9 · Cyfeirnod archwilio CG-ABCDEF12-V2-20261204T1000Z' });
  });

  test('both languages in one file: the Welsh part first, each part tagged with its language; the furniture in both', async () => {
    const pdf = renderPdf(planDocument('both'));
    const { text, pageTexts } = await pdfText(await pdf);
    expect(text.indexOf('Yn Gymraeg')).toBeLessThan(text.indexOf('In English'));
    expect(text.indexOf('Canlyniadau a chamau gweithredu')).toBeLessThan(text.indexOf('Outcomes and actions'));
    expect(pageTexts[0]).toContain('Cynllun amddiffyn plant / Child protection plan');
    for (const page of pageTexts) expect(page).toMatch(/Tudalen \d+ o \d+.*Page \d+ of \d+/s);
    const raw = (await pdf).toString('latin1');
    expect(raw).toContain('/Lang (cy-GB)');
    expect(raw).toContain('/Lang (en-GB)');

    const docx = await renderDocx(planDocument('both'));
    const words = await docxText(docx);
    expect(words.indexOf('Ym mhob grŵp craidd')).toBeLessThan(words.indexOf('In English'));
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:lang w:val="cy-GB"\/>/);
    expect(xml).toMatch(/<w:lang w:val="en-GB"\/>/);
    const footer = await (await JSZip.loadAsync(docx)).file(/word\/footer\d*\.xml/)[0]!.async('string');
    expect(footer).toContain('Cyfeirnod archwilio');
    expect(footer).toContain('Audit reference');
    expect((await docxProperties(docx)).description).toBe('OFFICIAL-SENSITIVE · Achos CP/2026/9 · Cyfeirnod archwilio CG-ABCDEF12-V2-20261204T1000Z · Case CP/2026/9 · Audit reference CG-ABCDEF12-V2-20261204T1000Z');
  });
});
