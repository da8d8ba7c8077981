import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CATALOGUES } from '../../src/i18n/translate';

const ROOT = join(__dirname, '..', '..');

/** The errors people are told about: every domain error class, and the ports' failures. */
const TOLD = /\bnew (InvalidInput|NotFound|Forbidden|VersionConflict|AlreadyExists|RuleViolation|OutsideHolidayData|NotConfigured|CaseHistory|Calendar|Mail|Delivery|Render)Error\(/g;

/**
 * Where errors are raised that reach a practitioner (the bot, the tab, e-mails): not the CLI and
 * the configuration an administrator reads at start-up, the backup tool, or the local stand-ins.
 */
const NOT_TOLD = [/^src\/cli\//, /^src\/config\//, /^src\/store\/backup/, /^src\/local\//];

/** Raised only while the server or the CLI starts, from what an administrator configured: a database schema name, the policy profiles' files. */
const AT_START_UP = [
  { path: 'src/store/database.ts', says: 'is not a usable PostgreSQL schema name' },
  { path: 'src/policies/policy-catalogue.ts', says: '`policy profile ' },
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

/** The text of a call's arguments: from its opening parenthesis to the one that closes it (quoted text skipped). */
function argumentsAt(code: string, open: number): string {
  let depth = 0;
  let quote: string | undefined;
  for (let index = open; index < code.length; index += 1) {
    const char = code[index];
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')' && (depth -= 1) === 0) return code.slice(open, index + 1);
  }
  return code.slice(open);
}

function hasKey(tree: object, key: string): boolean {
  const parts = key.split('.');
  const last = parts.pop()!;
  let node: unknown = tree;
  for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
  const parent = node as Record<string, unknown> | undefined;
  return typeof parent?.[last] === 'string' || typeof parent?.[`${last}_other`] === 'string';
}

const raised = ['src', 'bot']
  .flatMap((root) => sources(join(ROOT, root)))
  .map((path) => ({ path: relative(ROOT, path), code: readFileSync(path, 'utf8') }))
  .filter(({ path }) => !NOT_TOLD.some((pattern) => pattern.test(path)));

describe('every refusal a person is told is in the catalogues', () => {
  test('each error raised where a practitioner sees it says its catalogue words (said(…)), not English alone', () => {
    const unsaid = raised.flatMap(({ path, code }) =>
      [...code.matchAll(TOLD)]
        .map((match) => ({ match, args: argumentsAt(code, match.index + match[0].length - 1) }))
        .filter(({ args }) => !/\bsaid\s*[(:]/.test(args) && !AT_START_UP.some((site) => site.path === path && args.includes(site.says)))
        .map(({ match }) => match)
        .map((match) => `${path}: ${code.slice(match.index, match.index + 90).split('\n')[0]}`),
    );
    expect(unsaid).toEqual([]);
  });

  test('each key a refusal names is in the English and the Welsh catalogue', () => {
    const keys = raised.flatMap(({ path, code }) => [...code.matchAll(/\bsaid\(\s*'([^']+)'/g)].map((match) => ({ path, key: match[1]! })));
    expect(keys.length).toBeGreaterThan(20);
    const missing = keys.filter(({ key }) => !key.includes('${') && (!hasKey(CATALOGUES.en, key) || !hasKey(CATALOGUES.cy, key)));
    expect(missing).toEqual([]);
  });
});
