/**
 * User text (names, agencies, actions, notes, reasons) as the tab shows it outside the field it is
 * edited in: the same rule as the server's src/domain/display-text.ts, which the tab may not import
 * (it takes only types from outside tab/). test/domain/display-text.test.ts checks the two agree.
 *
 * Removed: characters XML 1.0 forbids and every directional formatting character (an override in a
 * name could reorder "owner: Alice due 5 Jan" around it). Text with a right-to-left letter is then
 * isolated (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, what `<bdi>` does, but usable in
 * labels, options and attributes too), so nothing in it moves the tab's words around it.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const DIRECTIONAL_FORMATTING = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** The blocks Unicode keeps for right-to-left scripts (see the server's copy). */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** User text without characters no document can carry and without directional formatting. */
export function plainUserText(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '').replace(DIRECTIONAL_FORMATTING, '');
}

/** Plain user text that cannot move the text around it: isolated when it holds a right-to-left letter. */
export function isolatedUserText(text: string): string {
  const plain = plainUserText(text);
  return RIGHT_TO_LEFT.test(plain) ? `\u2068${plain}\u2069` : plain;
}
