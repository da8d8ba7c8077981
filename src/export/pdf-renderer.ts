import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { type RecordBlock, type RecordDocument, RenderError } from '../services/ports/record-renderer.port';
import { DEFAULT_PROTECTIVE_MARKING } from './protective-marking';
import { shownRecord } from './record-text';

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package, embedded in every PDF: it prints every name a
 * record holds (Welsh ŵ ŷ, Polish ł, accents), which pdfkit's built-in Helvetica cannot. Read from
 * the installed package; nothing is fetched.
 */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');

const MARGIN = 50;
/** Room at the top and bottom of each page for the marking and the references. */
const BAND = 62;

type Pdf = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Pdf['struct']>;

/**
 * Writes one block into the structure tree as it prints it: sections as H2, headings as H3 (the
 * title is the H1), text as P, tables
 * as Table → TR → TH/TD, so a screen reader reads the record in order.
 */
function writeBlock(pdf: Pdf, root: Struct, item: RecordBlock, width: number): void {
  if (item.kind === 'section') {
    pdf.addPage();
    root.add(pdf.struct('H2', {}, () => pdf.font('bold').fontSize(15).text(item.text)));
    pdf.font('regular').fontSize(10).moveDown(0.3);
  } else if (item.kind === 'heading') {
    pdf.moveDown(0.5);
    root.add(pdf.struct('H3', {}, () => pdf.font('bold').fontSize(13).text(item.text)));
    pdf.font('regular').fontSize(10);
  } else if (item.kind === 'paragraph') {
    root.add(pdf.struct('P', {}, () => pdf.font('regular').fontSize(10).text(item.text || '—')));
    pdf.moveDown(0.3);
  } else {
    const table = pdf.struct('Table');
    root.add(table);
    const columnWidth = width / Math.max(1, item.header.length);
    const row = (cells: readonly string[], header: boolean) => {
      const font = header ? 'bold' : 'regular';
      const heights = cells.map((text) => pdf.font(font).heightOfString(text || '—', { width: columnWidth - 6 }));
      if (pdf.y + Math.max(...heights) > pdf.page.height - BAND - 10) pdf.addPage();
      const y = pdf.y;
      const tr = pdf.struct('TR');
      table.add(tr);
      cells.forEach((text, index) => tr.add(pdf.struct(header ? 'TH' : 'TD', {}, () => pdf.font(font).text(text || '—', MARGIN + index * columnWidth, y, { width: columnWidth - 6 }))));
      tr.end();
      pdf.x = MARGIN;
      pdf.y = y + Math.max(...heights) + 4;
    };
    row(item.header, true);
    for (const cells of item.rows) row(cells, false);
    table.end();
    pdf.font('regular').moveDown(0.3);
  }
}

/**
 * The protective marking at the top and bottom of every page, and at the bottom the case
 * reference, the audit reference and "Page n of m": page furniture, marked as artifacts so a
 * screen reader does not read it into the record.
 */
function writePageFurniture(pdf: Pdf, document: RecordDocument, marking: string, width: number): void {
  const pages = pdf.bufferedPageRange();
  for (let index = 0; index < pages.count; index++) {
    pdf.switchToPage(pages.start + index);
    // Writing in the margins would otherwise start a new page.
    pdf.page.margins.top = 0;
    pdf.page.margins.bottom = 0;
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf.font('bold').fontSize(9).fillColor('#000000');
    pdf.text(marking, MARGIN, 24, { width, align: 'center', lineBreak: false });
    pdf.text(marking, MARGIN, pdf.page.height - 30, { width, align: 'center', lineBreak: false });
    pdf.font('regular').fontSize(8).fillColor('#444444');
    pdf.text(`Case ${document.caseReference} · Audit reference ${document.auditReference}`, MARGIN, pdf.page.height - 46, { width: width * 0.75, lineBreak: false });
    pdf.text(`Page ${index + 1} of ${pages.count}`, MARGIN + width * 0.75, pdf.page.height - 46, { width: width * 0.25, align: 'right', lineBreak: false });
    pdf.endMarkedContent();
  }
}

/**
 * A tagged PDF (pdfkit) for upload to the child's social care record: title, subtitle, sections
 * (each on a new page), headings, paragraphs and tables in its structure tree, in DejaVu Sans;
 * the protective marking top and bottom, and the case reference, audit reference and page
 * number on every page. Failures are RenderErrors.
 */
export function pdfRenderer(marking: string = DEFAULT_PROTECTIVE_MARKING): (given: RecordDocument) => Promise<Buffer> {
  return (given) =>
    new Promise<Buffer>((resolve, reject) => {
      const document = shownRecord(given);
      const pdf = new PDFDocument({
        size: 'A4',
        margins: { top: BAND, bottom: BAND, left: MARGIN, right: MARGIN },
        bufferPages: true,
        tagged: true,
        pdfVersion: '1.7',
        lang: 'en-GB',
        displayTitle: true,
        info: { Title: document.title, Subject: `${marking} · case ${document.caseReference} · ${document.auditReference}`, Creator: 'Core Group' },
      });
      const chunks: Buffer[] = [];
      pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.on('error', reject);
      pdf.registerFont('regular', REGULAR);
      pdf.registerFont('bold', BOLD);
      const width = pdf.page.width - 2 * MARGIN;
      const root = pdf.struct('Document');
      pdf.addStructure(root);
      root.add(pdf.struct('H1', {}, () => pdf.font('bold').fontSize(18).text(document.title)));
      root.add(pdf.struct('P', {}, () => pdf.font('regular').fontSize(10).fillColor('#444444').text(document.subtitle).fillColor('#000000')));
      pdf.moveDown();
      for (const item of document.blocks) writeBlock(pdf, root, item, width);
      root.end();
      writePageFurniture(pdf, document, marking, width);
      pdf.end();
    }).catch((cause: unknown) => {
      throw new RenderError({ format: 'pdf', cause });
    });
}

/** The PDF renderer with the default marking (tests, and tools without the area's configuration). */
export const renderPdf = pdfRenderer();
