import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { said } from '../domain/errors';
import { intlLocaleOf } from '../i18n/language';
import { type RecordBlock, type RecordDocument, RenderError } from '../services/ports/record-renderer.port';
import { DEFAULT_PROTECTIVE_MARKING } from './protective-marking';
import { recordFurniture } from './record-furniture';
import { shownRecord } from './record-text';

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package, embedded in every PDF: it prints every name a
 * record holds (Welsh ŵ ŷ, Polish ł, accents), which pdfkit's built-in Helvetica cannot. Read from
 * the installed package; nothing is fetched.
 */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');
let fontFiles: { regular: Buffer; bold: Buffer } | undefined;
/** The font files, read once (on the first PDF, so a missing package is that render's RenderError, not a crash at start-up). */
const fonts = () => (fontFiles ??= { regular: readFileSync(REGULAR), bold: readFileSync(BOLD) });

const MARGIN = 50;
/** Room at the top and bottom of each page for the marking and the references. */
const BAND = 62;

type Pdf = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Pdf['struct']>;

/**
 * A table as Table → TR → TH/TD. A row starts on a new page when it would not fit; where the table
 * runs onto a new page its header row is printed again there, as an artifact, so the reader of a printed page
 * knows the columns and a screen reader does not hear the header twice.
 */
function writeTable(options: { pdf: Pdf; root: Struct; item: Extract<RecordBlock, { kind: 'table' }>; width: number }): void {
  const { pdf, root, item, width } = options;
  const table = pdf.struct('Table');
  root.add(table);
  const columnWidth = width / Math.max(1, item.header.length);
  const cellOptions = { width: columnWidth - 6 };
  const heightOf = (cells: readonly string[], font: 'bold' | 'regular') => Math.max(0, ...cells.map((text) => pdf.font(font).heightOfString(text || '—', cellOptions)));
  const print = (cells: readonly string[], font: 'bold' | 'regular', mark: (draw: () => void) => void) => {
    const y = pdf.y;
    cells.forEach((text, index) => mark(() => pdf.font(font).text(text || '—', MARGIN + index * columnWidth, y, cellOptions)));
    pdf.x = MARGIN;
    pdf.y = y + heightOf(cells, font) + 4;
  };
  const structRow = (cells: readonly string[], header: boolean) => {
    const tr = pdf.struct('TR');
    table.add(tr);
    print(cells, header ? 'bold' : 'regular', (draw) => tr.add(pdf.struct(header ? 'TH' : 'TD', {}, draw)));
    tr.end();
  };
  const headerAgain = () => {
    pdf.markContent('Artifact', { type: 'Pagination' });
    print(item.header, 'bold', (draw) => draw());
    pdf.endMarkedContent();
  };
  const fits = (height: number) => pdf.y + height <= pdf.page.height - BAND - 10;
  if (!fits(heightOf(item.header, 'bold') + 4)) pdf.addPage();
  structRow(item.header, true);
  for (const cells of item.rows) {
    if (!fits(heightOf(cells, 'regular'))) {
      pdf.addPage();
      headerAgain();
    }
    structRow(cells, false);
  }
  table.end();
}

/**
 * Writes one block into the structure tree as it prints it: the title is the H1, sections H2,
 * headings H3 under sections (H2 in a document without any), text P, tables Table → TR → TH/TD,
 * so a screen reader reads the record in order.
 */
function writeBlock(options: { pdf: Pdf; root: Struct; item: RecordBlock; width: number; headingTag: 'H2' | 'H3' }): void {
  const { pdf, root, item, width } = options;
  if (item.kind === 'section') {
    pdf.addPage();
    root.add(pdf.struct('H2', item.language ? { lang: intlLocaleOf(item.language) } : {}, () => pdf.font('bold').fontSize(15).text(item.text)));
    pdf.font('regular').fontSize(10).moveDown(0.3);
  } else if (item.kind === 'heading') {
    pdf.moveDown(0.5);
    root.add(pdf.struct(options.headingTag, {}, () => pdf.font('bold').fontSize(13).text(item.text)));
    pdf.font('regular').fontSize(10);
  } else if (item.kind === 'paragraph') {
    root.add(pdf.struct('P', {}, () => pdf.font('regular').fontSize(10).text(item.text || '—')));
    pdf.moveDown(0.3);
  } else {
    writeTable({ pdf, root, item, width });
    pdf.font('regular').moveDown(0.3);
  }
}

/**
 * The protective marking at the top and bottom of every page, and at the bottom the case
 * reference, the audit reference and "Page n of m": page furniture, marked as artifacts so a
 * screen reader does not read it into the record.
 */
function writePageFurniture(options: { pdf: Pdf; document: RecordDocument; marking: string; width: number }): void {
  const { pdf, marking, width } = options;
  const furniture = recordFurniture(options.document);
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
    // One line a language, the last just above the marking: a bilingual record's Welsh line above its English.
    const references = furniture.references;
    const numbers = furniture.page(index + 1, pages.count);
    references.forEach((line, at) => {
      const y = pdf.page.height - 46 - (references.length - 1 - at) * 11;
      pdf.text(line, MARGIN, y, { width: width * 0.75, lineBreak: false });
      pdf.text(numbers[at]!, MARGIN + width * 0.75, y, { width: width * 0.25, align: 'right', lineBreak: false });
    });
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
      const furniture = recordFurniture(document);
      const pdf = new PDFDocument({
        size: 'A4',
        margins: { top: BAND, bottom: BAND, left: MARGIN, right: MARGIN },
        bufferPages: true,
        tagged: true,
        pdfVersion: '1.7',
        lang: furniture.locale,
        displayTitle: true,
        info: { Title: document.title, Subject: [marking, ...furniture.references].join(' · '), Creator: 'Core Group' },
      });
      const chunks: Buffer[] = [];
      pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.on('error', reject);
      pdf.registerFont('regular', fonts().regular);
      pdf.registerFont('bold', fonts().bold);
      const width = pdf.page.width - 2 * MARGIN;
      const root = pdf.struct('Document');
      pdf.addStructure(root);
      root.add(pdf.struct('H1', {}, () => pdf.font('bold').fontSize(18).text(document.title)));
      root.add(pdf.struct('P', {}, () => pdf.font('regular').fontSize(10).fillColor('#444444').text(document.subtitle).fillColor('#000000')));
      pdf.moveDown();
      // Headings sit under sections where there are any, so no level is skipped (H1 → H3).
      const headingTag = document.blocks.some((item) => item.kind === 'section') ? 'H3' : 'H2';
      // A bilingual record's parts each go under a Sect tagged with its language, so a screen reader reads each in its own voice.
      let part: { struct: Struct } | undefined;
      for (const item of document.blocks) {
        if (item.kind === 'section' && item.language) {
          part?.struct.end();
          part = { struct: pdf.struct('Sect', { lang: intlLocaleOf(item.language) }) };
          root.add(part.struct);
        }
        writeBlock({ pdf, root: part?.struct ?? root, item, width, headingTag });
      }
      part?.struct.end();
      root.end();
      writePageFurniture({ pdf, document, marking, width });
      pdf.end();
    }).catch((cause: unknown) => {
      throw new RenderError({ format: 'pdf', cause, said: said('serviceRefusals.records.renderFailed') });
    });
}

/** The PDF renderer with the default marking (tests, and tools without the area's configuration). */
export const renderPdf = pdfRenderer();
