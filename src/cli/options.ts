import { parseArgs } from 'node:util';
import { parseCivilDate } from '../domain/civil-date';
import { UsageError } from './cli-io';

type Spec = Record<string, { type: 'string' | 'boolean' }>;

/** Parses a sub-command's flags strictly: an unknown flag or a stray argument is a usage error. */
export function parseFlags<S extends Spec>(args: readonly string[], spec: S): { [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean } {
  try {
    return parseArgs({ args: joinNegativeValues(args, spec), options: spec, strict: true, allowPositionals: false }).values as never;
  } catch (error) {
    throw new UsageError((error instanceof Error ? error.message : String(error)).split('\n')[0]!);
  }
}

/** A flag that must be present. */
export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${flag} is required`);
  return value;
}

/** A `YYYY-MM-DD` flag value. */
export function dateFlag(value: string | undefined, flag: string) {
  return parseCivilDate(required(value, flag), `--${flag}`);
}

/** `--days -3` would read "-3" as a flag; join it to its option so validation can name the problem. */
function joinNegativeValues(args: readonly string[], spec: Spec): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const next = args[index + 1];
    const takesValue = arg.startsWith('--') && spec[arg.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else joined.push(arg);
  }
  return joined;
}
