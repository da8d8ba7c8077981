import { AlignmentType, Document, Footer, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { type RecordBlock, type RecordDocument, RenderError } from '../services/ports/record-renderer.port';
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

/**
 * A Word document (docx library): title, subtitle, the blocks, and the audit reference in every
 * page footer. Its text is plain (`shownRecord`): the docx library writes U+FFFE, U+FFFF and
 * unpaired surrogates into the XML as they are, and Word then refuses the file. Failures are RenderErrors.
 */
export async function renderDocx(given: RecordDocument): Promise<Buffer> {
  try {
    const document = shownRecord(given);
    const file = new Document({
      creator: 'Core Group',
      title: document.title,
      description: document.auditReference,
      sections: [
        {
          footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `Audit reference ${document.auditReference}`, size: 16 })] })] }) },
          children: [new Paragraph({ text: document.title, heading: HeadingLevel.TITLE }), new Paragraph({ text: document.subtitle }), ...document.blocks.map(block)],
        },
      ],
    });
    return await Packer.toBuffer(file);
  } catch (cause) {
    throw new RenderError({ format: 'docx', cause });
  }
}
