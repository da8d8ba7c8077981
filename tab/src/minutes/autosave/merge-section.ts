/** Compares two section values as JSON, ignoring key order and absent-versus-undefined. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    return Object.fromEntries(
      Object.entries(inner)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
}

/** The path of a clash over a value merged as one (a text, a list changed in place). */
export const WHOLE_SECTION = 'the whole section';

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** `base` is where `list` started: the list is `base` with items added after it. */
const extends_ = (list: readonly unknown[], base: readonly unknown[]) => list.length >= base.length && base.every((item, index) => sameValue(item, list[index]));

/** What a three-way merge of a section gives: the merged value, or the fields both people changed differently. */
export type Merged = { readonly merged: unknown } | { readonly clashes: readonly string[] };

/**
 * Merges what this person typed (`mine`) with what someone else saved (`theirs`), both changed
 * from `base` (the section as this page last saw it saved), field by field: a field only one of
 * them changed takes that change; a field both changed the same way is kept; a field both changed
 * differently is a clash, named by its path ("worries", "signsOfSafety.scaling"). Lists both only
 * added to keep every addition (theirs first). Anything else both changed is a clash at that path.
 */
export function mergeThreeWay(base: unknown, mine: unknown, theirs: unknown, path = ''): Merged {
  return merge(base, mine, theirs, path, undefined);
}

/**
 * The same merge, with each clash settled for one side: what "Keep mine" and "Use theirs" save
 * (every field only the other side changed still takes their change).
 */
export function mergeSettlingClashes(base: unknown, mine: unknown, theirs: unknown, side: 'mine' | 'theirs'): unknown {
  const merged = merge(base, mine, theirs, '', side);
  return 'merged' in merged ? merged.merged : side === 'mine' ? mine : theirs;
}

function merge(base: unknown, mine: unknown, theirs: unknown, path: string, settle: 'mine' | 'theirs' | undefined): Merged {
  if (sameValue(mine, base) || sameValue(mine, theirs)) return { merged: theirs };
  if (sameValue(theirs, base)) return { merged: mine };
  if (isRecord(base) && isRecord(mine) && isRecord(theirs)) {
    const merged: Record<string, unknown> = {};
    const clashes: string[] = [];
    for (const key of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
      const field = merge(base[key], mine[key], theirs[key], path ? `${path}.${key}` : key, settle);
      if ('clashes' in field) clashes.push(...field.clashes);
      else if (field.merged !== undefined) merged[key] = field.merged;
    }
    return clashes.length > 0 ? { clashes } : { merged };
  }
  if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs) && extends_(mine, base) && extends_(theirs, base)) {
    return { merged: [...theirs, ...mine.slice(base.length)] };
  }
  if (settle) return { merged: settle === 'mine' ? mine : theirs };
  return { clashes: [path || WHOLE_SECTION] };
}
