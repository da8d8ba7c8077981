import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { cancelSeriesRequestSchema, moveSeriesRequestSchema } from '../../src/contracts/series.contract';
import { distributeRequestSchema } from '../../src/contracts/family-version.contract';
import { PROBLEMS, fieldRefusal, problemOf } from '../../src/contracts/problem';
import { concernDecisionRequestSchema } from '../../src/contracts/concerns.contract';
import { freeText, requiredText } from '../../src/contracts/text.contract';
import { civilDateSchema } from '../../src/contracts/wire-values.contract';
import { CATALOGUES } from '../../src/i18n/translate';
import { wordsIn } from '../../src/i18n/words';

const CONTRACTS = join(__dirname, '..', '..', 'src', 'contracts');

/** Contracts of what no person sends: the job queue's payloads, the CLI's case-events file (the CLI speaks English). */
const NOT_FROM_PEOPLE = ['jobs.contract.ts', 'case-events.contract.ts'];

const firstIssue = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error(`${JSON.stringify(value)} was taken`);
  return parsed.error.issues[0];
};

const said = (schema: z.ZodType, value: unknown, language: 'en' | 'cy') => {
  const issue = firstIssue(schema, value);
  const refusal = fieldRefusal(issue?.path.join('.') || 'body', issue);
  return wordsIn(language).t(refusal.key, refusal.values ?? {});
};

describe('what is wrong with a field a request sent is said from the catalogues, not in zod’s English', () => {
  test.each([
    ['too long', freeText(2000), 'x'.repeat(2001), 'too-long', { limit: 2000 }],
    ['empty', requiredText(10), '   ', 'empty', {}],
    ['a day that does not exist', civilDateSchema, '2026-02-30', 'not-a-date', {}],
    ['not written as a date', civilDateSchema, 'next Tuesday', 'not-a-date', {}],
    ['a NUL', freeText(10), 'a\u0000b', 'unstorable', {}],
    ['a value not on the list', z.enum(['done', 'blocked']), 'finished', 'not-one-of', { options: 'done, blocked' }],
    ['a fraction for a count', z.number().int(), 1.5, 'not-whole', {}],
    ['missing', z.string(), undefined, 'missing-or-wrong-kind', {}],
    ['too many entries', z.array(z.string()).max(2), ['a', 'b', 'c'], 'too-many', { limit: 2 }],
    ['a field the request does not take', z.object({}).strict(), { childName: 'x' }, 'unknown-fields', {}],
    ['an id that is not one', z.uuid(), 'meeting-1', 'not-an-id', {}],
  ])('%s', (_what, schema, value, problem, values) => {
    expect(problemOf(firstIssue(schema as z.ZodType, value))).toEqual({ problem, values });
  });

  test.each([
    ['a cancellation without a reason', cancelSeriesRequestSchema, { reason: '  ' }, 'cancel-reason-needed'],
    ['a move to a time that is not one', moveSeriesRequestSchema, { date: '2026-12-07', time: '25:00' }, 'not-a-clock-time'],
    ['Distribute without the confirmed list', distributeRequestSchema, { listHash: 'yes' }, 'confirm-recipients'],
    ['resolving a concern without the outcome', concernDecisionRequestSchema, { decision: 'resolve', requestId: '0b6c1f4e-2d7a-4c1e-9f3b-5a8d2e6c7b10' }, 'outcome-or-reason-needed'],
  ])('a contract’s own rule names its problem: %s', (_what, schema, value, problem) => {
    const issues = (schema as z.ZodType).safeParse(value).error?.issues ?? [];
    expect(issues.map((issue) => problemOf(issue).problem)).toContain(problem);
  });

  test('in Welsh to a Welsh reader and in English to an English one, with the limit as a number in the reader’s form', () => {
    expect(said(z.object({ childsVoice: freeText(10_000) }), { childsVoice: 'x'.repeat(10_001) }, 'en')).toBe('childsVoice: must be at most 10,000 characters');
    expect(said(z.object({ childsVoice: freeText(10_000) }), { childsVoice: 'x'.repeat(10_001) }, 'cy')).toBe('childsVoice: rhaid iddo fod yn 10,000 nod ar y mwyaf');
    expect(said(z.object({ due: civilDateSchema }), { due: '2026-02-30' }, 'cy')).toBe("due: rhaid iddo fod yn ddyddiad go iawn, wedi'i ysgrifennu YYYY-MM-DD");
  });

  test('every problem has words in both languages', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      const words = (catalogue as { refusals: { problem: Record<string, unknown> } }).refusals.problem;
      expect(Object.keys(words).sort()).toEqual([...PROBLEMS].sort());
    }
  });

  test('every rule a contract words for people names its problem, so none is said as “is not valid” for want of one', () => {
    const unnamed = readdirSync(CONTRACTS)
      .filter((file) => file.endsWith('.ts') && !NOT_FROM_PEOPLE.includes(file))
      .flatMap((file) => [...readFileSync(join(CONTRACTS, file), 'utf8').matchAll(/\.(refine|regex)\(([^\n]*)/g)].map((match) => ({ file, call: match[0] })))
      .filter(({ call }) => /['`]|message|STORABLE/.test(call) && !/problemParams\(|STORABLE\)/.test(call));
    expect(unnamed).toEqual([]);
  });
});
