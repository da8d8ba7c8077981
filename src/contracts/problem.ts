import type { z } from 'zod';
import { type Said, said } from '../domain/errors';

/**
 * What is wrong with one field a request sent, as a code the catalogues word
 * (`refusals.problem.<code>`), so a refusal says it in the reader's language rather than zod's
 * English. A schema's own refinement names its code in `params.problem`.
 */
export const PROBLEMS = [
  'invalid',
  'missing-or-wrong-kind',
  'empty',
  'too-long',
  'too-short',
  'too-big',
  'too-small',
  'too-many',
  'too-few',
  'not-whole',
  'not-a-date',
  'not-a-time',
  'not-a-clock-time',
  'not-an-email',
  'not-an-id',
  'bad-form',
  'not-one-of',
  'unknown-fields',
  'unstorable',
  'confirm-recipients',
  'cancel-reason-needed',
  'outcome-or-reason-needed',
  'blocked-needs-note',
  'attachments-too-large',
] as const;
export type Problem = (typeof PROBLEMS)[number];

type ProblemValues = Readonly<Record<string, string | number>>;

/** A refinement's params naming its problem (and what its words name): `.refine(check, { message, params: problemParams('unstorable') })`. */
export function problemParams(problem: Problem, values: ProblemValues = {}): { problem: Problem; values: ProblemValues } {
  return { problem, values };
}

export interface FieldProblem {
  readonly problem: Problem;
  /** What the words name: a limit, the values a field takes, the fields it does not. */
  readonly values: ProblemValues;
}

type Issue = z.core.$ZodIssue;

const FORMATS: Readonly<Record<string, Problem>> = {
  date: 'not-a-date',
  datetime: 'not-a-time',
  time: 'not-a-time',
  email: 'not-an-email',
  uuid: 'not-an-id',
  guid: 'not-an-id',
};

function isProblem(value: unknown): value is Problem {
  return typeof value === 'string' && (PROBLEMS as readonly string[]).includes(value);
}

function valuesOf(values: unknown): ProblemValues {
  if (typeof values !== 'object' || values === null) return {};
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'));
}

function sizeProblem(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): FieldProblem {
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  if (issue.origin === 'string') return !big && limit === 1 ? { problem: 'empty', values: {} } : { problem: big ? 'too-long' : 'too-short', values: { limit } };
  if (issue.origin === 'array' || issue.origin === 'set') return { problem: big ? 'too-many' : 'too-few', values: { limit } };
  return { problem: big ? 'too-big' : 'too-small', values: { limit } };
}

/** The problem an issue names, with what its words need; a refinement without a code is `invalid`. */
export function problemOf(issue: Issue | undefined): FieldProblem {
  switch (issue?.code) {
    case 'too_big':
    case 'too_small':
      return sizeProblem(issue);
    case 'invalid_type':
      return { problem: issue.expected === 'int' ? 'not-whole' : 'missing-or-wrong-kind', values: {} };
    case 'invalid_format':
      return { problem: FORMATS[issue.format] ?? 'bad-form', values: {} };
    case 'invalid_value':
      return { problem: 'not-one-of', values: { options: issue.values.map(String).join(', ') } };
    case 'unrecognized_keys':
      return { problem: 'unknown-fields', values: {} };
    case 'not_multiple_of':
      return { problem: 'not-whole', values: {} };
    case 'custom':
      return isProblem(issue.params?.problem) ? { problem: issue.params.problem, values: valuesOf(issue.params.values) } : { problem: 'invalid', values: {} };
    default:
      return { problem: 'invalid', values: {} };
  }
}

/** The catalogue's words for a field that does not fit: `childsVoice: must be at most 10,000 characters`, in the reader's language. */
export function fieldRefusal(field: string, issue: Issue | undefined): Said {
  const { problem, values } = problemOf(issue);
  return said('refusals.invalidField', { ...values, field, problem });
}
