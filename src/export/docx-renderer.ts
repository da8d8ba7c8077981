import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { type RecordBlock, type RecordDocument, RenderError } from '../services/ports/record-renderer.port';
import { DEFAULT_PROTECTIVE_MARKING } from './protective-marking';
import { shownRecord } from './record-text';

const cell = (text: string, bold = false) => new TableCell({ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })) });

function block(item: RecordBlock): Paragraph | Table {
  if (item.kind === 'section') return new Paragraph({ text: item.text, heading: HeadingLevel.HEADING_1, pageBreakBefore: true });
  if (item.kind === 'heading') return new Paragraph({ text: item.text, heading: HeadingLevel.HEADING_2 });
  if (item.kind === 'paragraph') return new Paragraph({ children: item.text.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 })) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: item.header.map((text) => cell(text, true)) }), ...item.rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) }))],
  });
}

const marked = (marking: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: marking, bold: true, size: 18 })] });

/** "Case … · Audit reference … · Page n of m", the page numbers as Word fields so they are right on every page. */
function referencesLine(document: RecordDocument): Paragraph {
  const small = (options: { text: string } | { children: (typeof PageNumber)[keyof typeof PageNumber][] }) => new TextRun({ ...options, size: 16 });
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: [small({ text: `Case ${document.caseReference} · Audit reference ${document.auditReference} · Page ` }), small({ children: [PageNumber.CURRENT] }), small({ text: ' of ' }), small({ children: [PageNumber.TOTAL_PAGES] })],
  });
}

/**
 * A Word document (docx library): title, subtitle and the blocks; the protective marking in every
 * page header and footer, and in the footer the case reference, the audit reference and "Page n of
 * m". Its text is plain (`shownRecord`): the docx library writes U+FFFE, U+FFFF and unpaired
 * surrogates into the XML as they are, and Word then refuses the file. Failures are RenderErrors.
 */
export function docxRenderer(marking: string = DEFAULT_PROTECTIVE_MARKING): (given: RecordDocument) => Promise<Buffer> {
  return async (given) => {
    try {
      const document = shownRecord(given);
      const file = new Document({
        creator: 'Core Group',
        title: document.title,
        description: `${marking} · case ${document.caseReference} · ${document.auditReference}`,
        sections: [
          {
            headers: { default: new Header({ children: [marked(marking)] }) },
            footers: {
              default: new Footer({
                children: [
                  referencesLine(document),
                  marked(marking),
                ],
              }),
            },
            children: [new Paragraph({ text: document.title, heading: HeadingLevel.TITLE }), new Paragraph({ text: document.subtitle }), ...document.blocks.map(block)],
          },
        ],
      });
      return await Packer.toBuffer(file);
    } catch (cause) {
      throw new RenderError({ format: 'docx', cause });
    }
  };
}

/** The DOCX renderer with the default marking (tests, and tools without the area's configuration). */
export const renderDocx = docxRenderer();
