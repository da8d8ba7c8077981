/**
 * Text as people type it, and what a store can keep whole. PostgreSQL refuses NUL in text
 * (`invalid byte sequence for encoding "UTF8": 0x00`); a lone surrogate (half of a character
 * such as an emoji) is not Unicode at all — PostgreSQL refuses it in JSON and drivers replace it
 * in text, so what is read back is not what was written.
 */

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether text can be stored and read back as it is: no NUL and no lone surrogate. */
export function isStorableText(text: string): boolean {
  return !text.includes(NUL) && !LONE_SURROGATE.test(text);
}

/**
 * Whether text fits a limit of `max` characters, counted as Unicode code points (an emoji is one),
 * as the contracts' zod schemas count. A browser's `maxlength` counts UTF-16 units (an emoji is
 * two), so the tab never sends more than this allows.
 */
export function fitsLimit(text: string, max: number): boolean {
  return text.length <= max || Array.from(text).length <= max;
}

/**
 * Text cut to at most `max` characters without splitting one: it is cut between code points, so
 * the result never ends in half of an emoji (a lone surrogate). For text only shown shortened (a
 * preview, a job's last error); text people typed is refused when too long, never cut.
 */
export function truncateText(text: string, max: number): string {
  return fitsLimit(text, max) ? text : Array.from(text).slice(0, Math.max(0, max)).join('');
}

/** A limit as people read it: `10,000 characters`. */
export function describeLimit(max: number): string {
  return `${max.toLocaleString('en-GB')} characters`;
}

/**
 * How a shared screen names the child instead: "the child", before what is theirs ("the child's"),
 * and after a word ending in a vowel — where Welsh elides its article, "'r plentyn", joined to
 * that word ("Mae'r plentyn", "gyda'r plentyn"); a form starting with an apostrophe is joined.
 */
export interface TheChild {
  readonly child: string;
  readonly childs: string;
  readonly afterVowel: string;
}

const ENDS_IN_VOWEL = /[aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ]$/iu;

/**
 * Text about a child with each part of their name (of two letters or more) replaced by "the
 * child" in the text's language: for a view that may be on a shared screen, such as the minutes
 * tab in a meeting.
 */
export function withoutChildName(text: string, childName: string, theChild: TheChild): string {
  const parts = childName.split(/\s+/).filter((part) => part.length >= 2).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (parts.length === 0) return text;
  const part = `(?:${parts.join('|')})`;
  const name = new RegExp(`( )?(?<![\\p{L}\\p{N}])${part}(?:\\s+${part})*(?:'s|’s)?(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(name, (match: string, space: string | undefined, offset: number) => {
    const possessive = /['’]s$/.test(match);
    if (space && !possessive && ENDS_IN_VOWEL.test(text.slice(0, offset))) return /^['’]/.test(theChild.afterVowel) ? theChild.afterVowel : `${space}${theChild.afterVowel}`;
    return `${space ?? ''}${possessive ? theChild.childs : theChild.child}`;
  });
}
