import { z } from 'zod';
import { describeLimit, isStorableText } from '../domain/text';
import { problemParams } from './problem';

/**
 * How long free text may be, one table for every side: the meeting chat's contributions and the
 * tab's fields they land in use the same numbers, so nothing the chat takes is refused by the tab
 * later. Counted in characters (Unicode code points: an emoji is one), as zod and
 * `fitsLimit` (src/domain/text.ts) count.
 */
export const TEXT_LIMITS = {
  /** A name: an agency, a representative. */
  name: 200,
  /** A progress measure. */
  short: 1000,
  /** One line from the meeting chat (a note, a decision, an action), and the tab's decisions, new actions, notes and reasons. */
  line: 2000,
  /** An update on an action, a disagreement. */
  paragraph: 4000,
  /** A free-text section of the minutes (the child's voice, a Signs of Safety column, the contingency review). */
  section: 10_000,
} as const;

const STORABLE = { message: 'must not contain NUL or broken characters (half of an emoji, a lone surrogate)', params: problemParams('unstorable') };

/**
 * Free text from a person, at most `max` characters, that a store keeps whole: NUL and lone
 * surrogates are refused (src/domain/text.ts says why), never stripped or cut. The one text
 * builder for every contract field people type into.
 */
export function freeText(max: number) {
  return z.string().max(max, `must be at most ${describeLimit(max)}`).refine(isStorableText, STORABLE);
}

/** Free text that must say something: trimmed, then not empty. */
export function requiredText(max: number) {
  return z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${describeLimit(max)}`).refine(isStorableText, STORABLE);
}

/** An id a client sends (a member, an action, a chat): not empty, short, storable (it may reach a query). */
export function clientId(max = 100) {
  return z.string().min(1).max(max).refine(isStorableText, STORABLE);
}
