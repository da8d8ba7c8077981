/**
 * What user text (names, notes, decisions, actions, reasons) may carry when it is shown to anyone
 * outside the form it was typed in: in a card, an exported record, an e-mail. Two things it may not:
 *
 * - characters XML 1.0 does not allow (C0 controls but tab, line feed and carriage return; U+FFFE,
 *   U+FFFF; a surrogate without its pair). One of them in a Word document makes
 *   `word/document.xml` not well-formed and the record will not open.
 * - directional formatting characters (embeddings and overrides U+202A–U+202E, isolates
 *   U+2066–U+2069, the marks U+200E, U+200F and U+061C). An override in a name can reorder the
 *   words around it, so "owner: Alice due 2026-01-05" reads as something else.
 *
 * Both are removed, not replaced: neither is something a person meant to show.
 * https://www.w3.org/TR/xml/#charsets · https://www.unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const DIRECTIONAL_FORMATTING = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/** User text without the characters no document can carry and without directional formatting: safe in XML, a PDF or plain-text e-mail. */
export function plainUserText(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '').replace(DIRECTIONAL_FORMATTING, '');
}

/** Plain user text on one line, for a header line (an e-mail subject) and the plain-text body beside it. */
export function oneLineUserText(text: string): string {
  return plainUserText(text).replace(/\s+/g, ' ');
}

/**
 * The blocks Unicode keeps for right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, Adlam
 * and the historic ones): every right-to-left letter and Arabic digit is in one of them, and even
 * their unassigned code points default to right-to-left (UAX #9, DerivedBidiClass.txt).
 */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * Plain user text that cannot move the text around it, for renderers that apply the bidirectional
 * algorithm (Teams cards, browsers). Text with a right-to-left character is set apart (FIRST
 * STRONG ISOLATE … POP DIRECTIONAL ISOLATE): it takes its direction from its first letter, and
 * nothing in it moves the words, numbers or punctuation outside it. Text without one is left as
 * typed: in a left-to-right line with no right-to-left character every character keeps its place.
 */
export function isolatedUserText(text: string): string {
  const plain = plainUserText(text);
  return RIGHT_TO_LEFT.test(plain) ? `${FIRST_STRONG_ISOLATE}${plain}${POP_DIRECTIONAL_ISOLATE}` : plain;
}
