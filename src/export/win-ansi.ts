/**
 * pdfkit's built-in fonts (Helvetica) encode text as Windows-1252: a character outside it is
 * written as the hex of its UTF-16 code, which the PDF reads as two or three other characters
 * ("Łukasz" prints as "V¶ 7¢ æðwak"). So a PDF gets text in that set only: letters with accents
 * lose the accents Windows-1252 lacks (Ševčík → Sevcik), a few letters with no decomposition are
 * spelled as English readers would (Ł → L), invisible format and control characters go, anything else becomes
 * "?". The DOCX keeps the text exactly.
 */

/** Windows-1252's characters above Latin-1's printable range (0x80–0x9F), which pdfkit maps itself. */
const WINDOWS_1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Latin letters Unicode does not decompose into a base letter and a mark. */
const SPELLED: Readonly<Record<string, string>> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŧ: 'T', ŧ: 't', ĸ: 'k', Ŋ: 'N', ŋ: 'n', ſ: 's' };
const COMBINING_MARK = /\p{M}/u;
const INVISIBLE = /[\p{Cf}\p{Cc}]/u;

function printable(character: string): boolean {
  const code = character.codePointAt(0)!;
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WINDOWS_1252_EXTRAS.has(character);
}

/** One character (code point) as Helvetica can print it. */
function inWindows1252(character: string): string {
  if (printable(character)) return character;
  if (SPELLED[character]) return SPELLED[character];
  if (INVISIBLE.test(character) || COMBINING_MARK.test(character)) return '';
  const base = [...character.normalize('NFKD')].filter((part) => !COMBINING_MARK.test(part));
  return base.length > 0 && base.every(printable) ? base.join('') : '?';
}

/** Text that pdfkit's built-in fonts print as written, near enough (see above). */
export function windows1252Text(text: string): string {
  return Array.from(text.normalize('NFC'), inWindows1252).join('');
}
