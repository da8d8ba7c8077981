import fc from 'fast-check';

/**
 * Marks every string the fuzzers make, so "the input reached a log line" is one search: no log
 * line may contain it. Plain ASCII letters, so JSON escaping in the log cannot hide it.
 */
export const CANARY = 'qzxCanaryqzx';

/** What hostile text is made of: control and format characters, broken UTF-16, markup, injections, long runs. */
const FRAGMENTS = [
  '',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202e\u2066evil\u2069',
  '\u200b\u200f\u061c',
  '\uffff\ufffe',
  '\u0085\u2028\u2029',
  '\r\n\t\u001b[31m',
  '😀'.repeat(3),
  '<script>alert(1)</script>',
  '[link](http://evil.example) ![x](http://evil.example/x.png)',
  '{{DATE(2026-01-01T00:00:00Z)}} <at>Someone</at>',
  "'; drop table minutes; --",
  '${7*7} %s %n %00 ../../etc/passwd',
  '__proto__',
  'constructor',
  'A'.repeat(5000),
] as const;

/** A hostile string, always carrying the canary. */
export const hostileText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 24 }), fc.constantFrom(...FRAGMENTS))
  .map(([before, middle, after]) => `${CANARY}${before}${middle}${after}`);

/** Object keys: hostile ones, and the ones that pollute prototypes. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(hostileText, fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'verb', 'action', 'value', 'data'));

/** Numbers JSON can carry that code often mishandles. */
const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0, 0.1, 1e308, -1e308, 5e-324, 2 ** 53 + 2, -(2 ** 63), 10 ** 21, 1.5),
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(hostileText, hostileNumber, fc.boolean(), fc.constant(null));

/** Any JSON value with hostile strings, keys and numbers, a few levels deep (the root an object or array). */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ tree: unknown; array: unknown[]; object: Record<string, unknown>; root: unknown }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('tree'), { maxLength: 5 }),
  object: fc.dictionary(hostileKey, tie('tree'), { maxKeys: 5 }),
  root: fc.oneof(tie('array'), tie('object')),
})).root;

/** fast-check's `anything` as an object or array, with the hostile strings and keys (boxed values, null prototypes, sparse arrays…). */
export const anythingHostile: fc.Arbitrary<unknown> = fc.object({ key: hostileKey, values: [hostileText, hostileNumber, fc.boolean(), fc.constant(null)], maxDepth: 4, withBoxedValues: true, withNullPrototype: true, withSparseArray: true });

/** Bodies that only raw JSON text can carry: very deep nesting, numbers beyond doubles, duplicate keys. */
export const rawHostileBodies: readonly string[] = [
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
  `{"baseVersion":1e400,"section":"childsVoice","value":"${CANARY}"}`,
  `{"baseVersion":123456789012345678901234567890,"section":"childsVoice","value":"${CANARY}"}`,
  `{"baseVersion":-0,"section":"childsVoice","value":"${CANARY}"}`,
  `{"section":"childsVoice","section":"__proto__","value":"${CANARY}","baseVersion":1}`,
  `{"__proto__":{"polluted${CANARY}":true},"constructor":{"prototype":{"polluted${CANARY}":true}}}`,
  `[{"${CANARY}":"${'\\u0000'.repeat(100)}"}]`,
  `{"value":"\\ud800\\udc00\\ud800","${CANARY}":"\\u202e"}`,
];

/** JSON bodies whose root is no object or array (JSON allows them; the routes take objects). */
export const bareJsonBodies: fc.Arbitrary<string> = fc.oneof(fc.oneof(hostileText, hostileNumber, fc.boolean(), fc.constant(null)).map((value) => JSON.stringify(value)), fc.constantFrom('12345', 'null', 'true', `"${CANARY}"`));

/** A JSON text for a generated value (JSON has no `undefined`: that is sent as `null`). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

type Path = readonly (string | number)[];

function pathsOf(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [at];
  const children = Array.isArray(value) ? value.map((item, index) => pathsOf(item, [...at, index])) : Object.entries(value).map(([key, item]) => pathsOf(item, [...at, key]));
  return [at, ...children.flat()];
}

function replaceAt(value: unknown, path: Path, change: (old: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaceAt(item, rest, change) : item));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) Object.defineProperty(copy, key, { value: key === head ? replaceAt(item, rest, change) : item, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** An object with a key set as an own property, `__proto__` included (JSON.parse makes the same). */
function withKey(target: unknown, key: string, value: unknown): unknown {
  const base = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as object) } : {};
  Object.defineProperty(base, key, { value, enumerable: true, writable: true, configurable: true });
  return base;
}

/** Every string in a value replaced by hostile text, keeping the shape (and so, mostly, the schema). */
export function withHostileStrings(sample: unknown): fc.Arbitrary<unknown> {
  const strings = pathsOf(sample).filter((path) => typeof path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], sample) === 'string');
  return fc.array(hostileText, { minLength: strings.length, maxLength: strings.length }).map((texts) => strings.reduce<unknown>((value, path, index) => replaceAt(value, path, () => texts[index]), sample));
}

/**
 * A valid sample made wrong in one place: a value replaced by hostile JSON, a key dropped, a
 * prototype-polluting key added, or the whole wrapped in an array.
 */
export function mutated(sample: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(sample);
  return fc.record({ at: fc.constantFrom(...paths), op: fc.constantFrom('replace', 'drop', 'pollute', 'wrap'), value: hostileJson }).map(({ at, op, value }) => {
    if (op === 'replace') return replaceAt(sample, at, () => value);
    if (op === 'wrap') return replaceAt(sample, at, (old) => [old, value]);
    if (op === 'pollute') return replaceAt(sample, at, (old) => withKey(old, '__proto__', { [`polluted${CANARY}`]: value }));
    if (at.length === 0) return {};
    const parent = at.slice(0, -1);
    const last = at.at(-1)!;
    return replaceAt(sample, parent, (old) => (Array.isArray(old) ? old.filter((_item, index) => index !== last) : Object.fromEntries(Object.entries(old as object).filter(([key]) => key !== last))));
  });
}

/** Text for a URL: each UTF-8 byte percent-encoded (a lone surrogate, which has none, goes as U+FFFD). */
export function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

/** The log lines that carry fuzzed input. */
function leakedLines(lines: readonly string[]): string[] {
  return lines.filter((line) => line.includes(CANARY)).map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line));
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/**
 * What went wrong with one fuzzed request, if anything: a 5xx (also inside an invoke's 200), the
 * input in a log line, or `Object.prototype` polluted in this process. Empty means it was handled.
 */
export function problemsWith(answer: { status: number; text: string; json: unknown }, logLines: readonly string[]): string[] {
  const invokeStatus = (answer.json as { statusCode?: unknown } | undefined)?.statusCode;
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  if (typeof invokeStatus === 'number' && invokeStatus >= 500) problems.push(`the invoke answered ${invokeStatus}`);
  problems.push(...leakedLines(logLines).map((line) => `logged the input: ${line}`));
  if (Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== PROTOTYPE_KEYS || `polluted${CANARY}` in {}) problems.push('Object.prototype was polluted');
  return problems;
}
