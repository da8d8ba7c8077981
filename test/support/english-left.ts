import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import ts from 'typescript';
import { TAB_CATALOGUE_FILES, catalogueLeaves } from '../../src/i18n/welsh-review';
import { CATALOGUES } from '../../src/i18n/translate';

/** Shorter than this, an English piece is too common to tell catalogue text from anything else. */
const DISTINCTIVE_LENGTH = 12;
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Where a catalogue value's literal words stop: an interpolation, a nested key, a line break, markdown. */
const BETWEEN_LITERALS = /\{\{[^}]*\}\}|\$t\([^)]*\)|\n|\*\*|`/;

/** An English catalogue text whose words are on screen: its key, and the words. */
interface EnglishPiece {
  readonly key: string;
  readonly words: string;
}

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What the demo's people wrote — every string in the demo case seeds: names, agencies, the plans'
 * outcomes, actions and notes. It is English, as written, and some of it uses the catalogue's own
 * words ("the lead social worker convenes…"); it is not the catalogue's, so it is set aside.
 */
const DEMO_WRITTEN = ['demo-core-group.seed.ts', 'demo-caseload.seed.ts']
  .flatMap((file) => stringLiterals(ts.createSourceFile(file, readFileSync(join(__dirname, '..', '..', 'src', 'local', 'demo', file), 'utf8'), ts.ScriptTarget.ES2022)))
  .filter(isProse);

/** Words, as people write them: not a key, an id or a lone word ("lead", "professional") that would take a catalogue phrase's words with it. */
function isProse(text: string): boolean {
  return text.length >= DISTINCTIVE_LENGTH && text.includes(' ');
}

function stringLiterals(node: ts.Node): string[] {
  const own = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? [node.text] : [];
  const children: ts.Node[] = [];
  ts.forEachChild(node, (child) => {
    children.push(child);
  });
  return [...own, ...children.flatMap(stringLiterals)];
}


/**
 * The English catalogue's distinctive literal words: from each value that differs from the Welsh
 * at its key, the pieces between interpolations that are long enough to be the catalogue's and
 * appear in no Welsh value (a name such as "Microsoft Teams" that Welsh keeps is not English left over).
 */
function englishPieces(catalogues: { en: object; cy: object }): EnglishPiece[] {
  const welsh = new Map(catalogueLeaves(catalogues.cy));
  const welshText = [...welsh.values()].map(tidy).join('\n');
  return catalogueLeaves(catalogues.en)
    .filter(([key, english]) => english !== (welsh.get(key) ?? welsh.get(key.replace(PLURAL, '_other'))))
    .flatMap(([key, english]) => english.split(BETWEEN_LITERALS).map((piece) => ({ key, words: tidy(piece) })))
    .filter(({ words }) => words.length >= DISTINCTIVE_LENGTH && !welshText.includes(words));
}

const TAB_PIECES = englishPieces(TAB_CATALOGUE_FILES);
const BOT_PIECES = englishPieces(CATALOGUES);

/** Where set-aside user text was: no catalogue piece spans it. */
const GAP = '\u0000';

/** Written text as it may read back: a PDF breaks a line inside a word where a column is narrow ("Safeguardi ng"), and reads the break as a space. */
function asReadBack(userText: string): RegExp {
  const characters = [...userText.replace(/\s+/g, '')].map((character) => character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(characters.join('\\s*'), 'g');
}

const longestFirst = (a: string, b: string) => b.length - a.length;
/** The demo's written text as it may read back, longest first: made once, matched on every check. */
const DEMO_READ_BACK = DEMO_WRITTEN.map(tidy).sort(longestFirst).map(asReadBack);

/** The text with what people wrote — the demo's, then `written` — replaced by a gap no catalogue piece spans. */
function setAside(text: string, written: readonly string[] = []): string {
  const writtenHere = written.map(tidy).filter((userText) => userText !== '').sort(longestFirst).map(asReadBack);
  return [...DEMO_READ_BACK, ...writtenHere].reduce((rest, pattern) => rest.replace(pattern, GAP), tidy(text));
}

function found(pieces: readonly EnglishPiece[], text: string, written: readonly string[] = []): string[] {
  const shown = setAside(text, written);
  return pieces.filter(({ words }) => shown.includes(words)).map(({ key, words }) => `${key}: ${words}`);
}

/**
 * The English catalogue words a Welsh page shows — its visible text, what its fields hold,
 * placeholders, ARIA labels and titles — as `key: words`; empty when none: the tab's own, and the
 * server's (a refusal, a line the server words, shown as it answered). What the demo's people
 * wrote is set aside.
 */
export async function englishCatalogueTextOn(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[placeholder], [aria-label], [title]')].flatMap((element) => ['placeholder', 'aria-label', 'title'].map((name) => element.getAttribute(name) ?? ''));
    const filledIn = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type="hidden"]), textarea')].map((field) => field.value);
    return [document.body.innerText, ...attributes, ...filledIn].join('\n');
  });
  return found([...TAB_PIECES, ...BOT_PIECES], shown);
}

/**
 * The bot's English catalogue words in a Welsh reply — its text, or every string in its card's
 * JSON — as `key: words`; empty when none. What the demo's people wrote is set aside, as on a page.
 */
export function englishCatalogueTextIn(reply: string): string[] {
  const text = reply.trimStart().startsWith('{') ? stringsIn(JSON.parse(reply)).join('\n') : reply;
  return found(BOT_PIECES, text);
}

/**
 * Words of English grammar that no Welsh sentence holds (the Welsh catalogues have none of them:
 * `test/i18n/welsh-cards.test.ts` checks). "by" is left out: the Welsh help keeps the command's
 * own `by <dyddiad>`.
 */
const ENGLISH_GRAMMAR = /\b(?:the|and|of|with|your|you|this|is|are|was|for|only|not|has|have|will|there|what|when|which|from)\b/i;

/**
 * The sentences of a Welsh reply — its lines, or each string in its card's JSON that has a space
 * (not a code such as `tasks-not-done`) — that read as English, from the catalogues or not (a line
 * written straight into the code is no catalogue's), with what people wrote set aside; empty when none.
 */
export function englishSentencesIn(reply: string, written: readonly string[] = []): string[] {
  const pieces = reply.trimStart().startsWith('{') ? stringsIn(JSON.parse(reply)) : reply.split('\n');
  const sentences = pieces.map(tidy).filter((piece) => piece.includes(' '));
  return sentences.map((sentence) => setAside(sentence, written)).filter((sentence) => ENGLISH_GRAMMAR.test(sentence));
}

/** Whether a Welsh catalogue text would be taken for English by `englishSentencesIn`: none should be. */
export function welshTakenForEnglish(): string[] {
  return [...catalogueLeaves(CATALOGUES.cy), ...catalogueLeaves(TAB_CATALOGUE_FILES.cy)].filter(([, welsh]) => ENGLISH_GRAMMAR.test(welsh.replace(/\{\{[^}]*\}\}/g, ''))).map(([key, welsh]) => `${key}: ${welsh}`);
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * The English catalogue words in a document's text — a record read back from its PDF or Word
 * file, a CSV, an e-mail's subject and body — as `key: words`; empty when none. Documents are
 * worded from the server's catalogues (src/i18n/catalogues, through `documentIn` and `wordsIn`),
 * so those are what it looks for. What people wrote (`written`: names, the plan, the minutes, what
 * the area's policy profile holds) is theirs, in whatever language they wrote it, and is set aside.
 */
export function englishCatalogueTextInDocument(text: string, written: readonly string[] = []): string[] {
  return found(BOT_PIECES, text, written);
}
