import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { said } from '../domain/errors';
import { intlLocaleOf } from '../i18n/language';
import { type RecordBlock, type RecordDocument, RenderError } from '../services/ports/record-renderer.port';
import { DEFAULT_PROTECTIVE_MARKING } from './protective-marking';
import { recordFurniture } from './record-furniture';
import { shownRecord } from './record-text';

type Run = { text: string; bold?: boolean; language: { value: string } };
const runs = (text: string, run: Omit<Run, 'text'>) => text.split('\n').map((line, index) => new TextRun({ ...run, text: line, break: index > 0 ? 1 : 0 }));
const cell = (text: string, run: Omit<Run, 'text'>) => new TableCell({ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ ...run, text: line })] })) });

/** One block, its runs tagged with the language of the part it is in (`cy-GB`, `en-GB`), so Word checks each part's spelling in its own language. */
function block(item: RecordBlock, locale: string): Paragraph | Table {
  const language = { value: locale };
  if (item.kind === 'section') return new Paragraph({ children: runs(item.text, { language }), heading: HeadingLevel.HEADING_1, pageBreakBefore: true });
  if (item.kind === 'heading') return new Paragraph({ children: runs(item.text, { language }), heading: HeadingLevel.HEADING_2 });
  if (item.kind === 'paragraph') return new Paragraph({ children: runs(item.text, { language }) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: item.header.map((text) => cell(text, { bold: true, language })) }), ...item.rows.map((row) => new TableRow({ children: row.map((text) => cell(text, { language })) }))],
  });
}

/** The blocks in order, each in the language of the part it is in (a bilingual record's sections say theirs). */
function blocksIn(document: RecordDocument, locale: string): (Paragraph | Table)[] {
  let current = locale;
  return document.blocks.map((item) => {
    if (item.kind === 'section' && item.language) current = intlLocaleOf(item.language);
    return block(item, current);
  });
}

const marked = (marking: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: marking, bold: true, size: 18 })] });

/** "Case … · Audit reference … · Page n of m" in each of the record's languages, the page numbers as Word fields so they are right on every page. */
function referencesLines(document: RecordDocument): Paragraph[] {
  const small = (options: { text: string } | { children: (typeof PageNumber)[keyof typeof PageNumber][] }) => new TextRun({ ...options, size: 16 });
  const furniture = recordFurniture(document);
  return furniture.pageWords.map(
    (words) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [small({ text: words.before }), small({ children: [PageNumber.CURRENT] }), small({ text: words.between }), small({ children: [PageNumber.TOTAL_PAGES] })],
      }),
  );
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
      const { locale, references } = recordFurniture(document);
      const file = new Document({
        styles: { default: { document: { run: { language: { value: locale } } } } },
        creator: 'Core Group',
        title: document.title,
        description: [marking, ...references].join(' · '),
        sections: [
          {
            headers: { default: new Header({ children: [marked(marking)] }) },
            footers: {
              default: new Footer({
                children: [
                  ...referencesLines(document),
                  marked(marking),
                ],
              }),
            },
            children: [new Paragraph({ children: runs(document.title, { language: { value: locale } }), heading: HeadingLevel.TITLE }), new Paragraph({ children: runs(document.subtitle, { language: { value: locale } }) }), ...blocksIn(document, locale)],
          },
        ],
      });
      return await Packer.toBuffer(file);
    } catch (cause) {
      throw new RenderError({ format: 'docx', cause, said: said('serviceRefusals.records.renderFailed') });
    }
  };
}

/** The DOCX renderer with the default marking (tests, and tools without the area's configuration). */
export const renderDocx = docxRenderer();
