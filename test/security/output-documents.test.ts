import { strFromU8, unzipSync } from 'fflate';
import { docxText, pdfText } from '../support/documents';
import { attack } from './support/attack';
import { DIRECTIONAL, DIRECTIONAL_SHOWN, LONG_WORD, MARKUP, MINUTES_LABELS, NOT_XML, PACK_LABELS, PLAN_LABELS, hostileRecord } from './support/hostile-record';
import { wellFormednessProblems } from './support/well-formed-xml';

/** Each XML part of a Word package that is not well-formed, with why. */
function brokenParts(docx: Buffer): Record<string, string[]> {
  const parts = Object.entries(unzipSync(new Uint8Array(docx))).filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'));
  return Object.fromEntries(parts.map(([name, bytes]) => [name, wellFormednessProblems(strFromU8(bytes))] as const).filter(([, problems]) => problems.length > 0));
}

/** Text as one line; a PDF wraps at spaces and after hyphens. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').replace(/- /g, '-');
/** Each label's text as a reader should see it, missing from the document's text. */
const missing = (text: string, labels: readonly string[], shown: string) => labels.map((label) => `${label} ${shown} ${label}-after`).filter((expected) => !oneLine(text).includes(oneLine(expected)));
const DIRECTIONAL_CHARACTERS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

describe('user text in the exported record (DOCX and PDF)', () => {
  attack('F11 minutes holding U+FFFF, U+FFFE, C0 controls and lone surrogates export as a DOCX whose XML is well-formed, with markup in them kept as text', async () => {
    const { file } = await hostileRecord(`${NOT_XML} ${MARKUP}`).minutes('docx');
    expect(brokenParts(file)).toEqual({});
    expect(missing(await docxText(file), MINUTES_LABELS, `abcdefghi ${MARKUP}`)).toEqual([]);
  });

  attack('F11 a plan holding characters XML 1.0 forbids exports as a well-formed DOCX that still reads', async () => {
    const { file } = await hostileRecord(`${NOT_XML} ${MARKUP}`).plan('docx');
    expect(brokenParts(file)).toEqual({});
    expect(missing(await docxText(file), PLAN_LABELS, `abcdefghi ${MARKUP}`)).toEqual([]);
  });

  attack('F11 a record pack holding characters XML 1.0 forbids and markup exports as a well-formed DOCX that still reads, and as a PDF', async () => {
    const record = hostileRecord(`${NOT_XML} ${MARKUP}`);
    const { file } = await record.pack('docx');
    expect(brokenParts(file)).toEqual({});
    expect(missing(await docxText(file), PACK_LABELS, `abcdefghi ${MARKUP}`)).toEqual([]);
    const pdf = await pdfText((await hostileRecord(NOT_XML).pack('pdf')).file);
    expect(missing(pdf.text, PACK_LABELS, 'abcdefghi')).toEqual([]);
  }, 30_000);

  attack('F11 the same characters in a PDF export: the record renders and reads without stray glyphs', async () => {
    const minutes = await pdfText((await hostileRecord(NOT_XML).minutes('pdf')).file);
    expect(missing(minutes.text, MINUTES_LABELS, 'abcdefghi')).toEqual([]);
    const plan = await pdfText((await hostileRecord(NOT_XML).plan('pdf')).file);
    expect(missing(plan.text, PLAN_LABELS, 'abcdefghi')).toEqual([]);
  }, 30_000);

  attack('directional overrides, embeddings, isolates and marks in names and notes never reach the DOCX, so they cannot reorder the record', async () => {
    const record = hostileRecord(DIRECTIONAL);
    for (const file of [(await record.minutes('docx')).file, (await record.plan('docx')).file]) {
      const xml = Object.values(unzipSync(new Uint8Array(file))).map((bytes) => strFromU8(bytes)).join('');
      expect(xml).not.toMatch(DIRECTIONAL_CHARACTERS);
    }
    expect(missing(await docxText((await record.minutes('docx')).file), MINUTES_LABELS, DIRECTIONAL_SHOWN)).toEqual([]);
  });

  attack('directional formatting characters in a PDF export print nothing (they were bytes of stray glyphs)', async () => {
    const { text } = await pdfText((await hostileRecord(DIRECTIONAL).minutes('pdf')).file);
    expect(missing(text, MINUTES_LABELS, DIRECTIONAL_SHOWN)).toEqual([]);
  }, 30_000);

  attack('names outside Latin-1 (Polish, Czech, Hungarian, Welsh) print exactly as written in a PDF export (DejaVu Sans is embedded); an emoji and Hebrew do not turn it into garbage', async () => {
    const { text } = await pdfText((await hostileRecord('Łukasz Ševčík Zoë ő Tŷ ŵyr').minutes('pdf')).file);
    expect(missing(text, MINUTES_LABELS, 'Łukasz Ševčík Zoë ő Tŷ ŵyr')).toEqual([]);
    const mixed = await pdfText((await hostileRecord('Zoë 😀 שלום').minutes('pdf')).file);
    expect(mixed.text).toContain('😀');
    expect(mixed.text).toContain('שלום');
  }, 30_000);

  test('a 1,000-character word in every field renders as DOCX and PDF with the whole word kept (held before these fixes; kept as a guard)', async () => {
    const record = hostileRecord(LONG_WORD);
    expect(missing(await docxText((await record.minutes('docx')).file), MINUTES_LABELS, LONG_WORD)).toEqual([]);
    const { text } = await pdfText((await record.minutes('pdf')).file);
    expect(text.replace(/[^W]/g, '').length).toBeGreaterThanOrEqual(LONG_WORD.length * MINUTES_LABELS.length);
  }, 30_000);
});
