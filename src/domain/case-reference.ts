import { distance } from 'fastest-levenshtein';

/** How a case reference typed after a command matched the caller's own cases. */
export type CaseReferenceMatch<T> =
  | { readonly kind: 'found'; readonly item: T }
  /** Close to one or more of the caller's references, but none exactly: "did you mean …". */
  | { readonly kind: 'did-you-mean'; readonly suggestions: readonly T[] }
  /** Not one of the caller's: whether it exists elsewhere is never said. */
  | { readonly kind: 'not-found' };

/** A reference as compared: case, spaces and the separators people type in place of a hyphen ignored. */
export function normaliseCaseReference(typed: string): string {
  return typed.normalize('NFKC').toUpperCase().replace(/[\s_–—/.]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The most edits a typo may be from a reference and still be suggested (one in four characters, at most two). */
const tolerance = (reference: string) => Math.min(2, Math.max(1, Math.floor(reference.length / 4)));

const compact = (reference: string) => reference.replace(/-/g, '');

/**
 * Finds the case the caller named among their own (`items`, each with its reference): the same
 * reference whatever the case or separators; otherwise the closest within a typo or two as
 * suggestions (nearest first, at most three); otherwise not found. Only the caller's own cases
 * are ever compared, so the answer says nothing about anyone else's.
 */
export function matchCaseReference<T>(typed: string, items: readonly T[], referenceOf: (item: T) => string): CaseReferenceMatch<T> {
  const wanted = compact(normaliseCaseReference(typed));
  if (wanted === '') return { kind: 'not-found' };
  const exact = items.find((item) => compact(normaliseCaseReference(referenceOf(item))) === wanted);
  if (exact !== undefined) return { kind: 'found', item: exact };
  const near = items
    .map((item) => {
      const reference = compact(normaliseCaseReference(referenceOf(item)));
      return { item, edits: distance(wanted, reference), within: tolerance(reference) };
    })
    .filter((candidate) => candidate.edits <= candidate.within)
    .sort((a, b) => a.edits - b.edits);
  return near.length > 0 ? { kind: 'did-you-mean', suggestions: near.slice(0, 3).map((candidate) => candidate.item) } : { kind: 'not-found' };
}
