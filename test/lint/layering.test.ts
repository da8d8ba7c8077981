import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');
const ESLINT = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

/** Lints a piece of code as if it were the given file, and returns the rule ids it broke. */
async function brokenRules(filePath: string, code: string): Promise<string[]> {
  const child = promisify(execFile)(process.execPath, [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', filePath], { cwd: ROOT });
  child.child.stdin?.end(code);
  const output = await child.then((result) => result.stdout, (error: { stdout: string }) => error.stdout);
  return (JSON.parse(output) as { messages: { ruleId: string }[] }[]).flatMap((file) => file.messages.map((message) => message.ruleId));
}

/** Each check starts ESLint (and typescript-eslint) afresh: seconds each, more on a busy machine. */
const ESLINT_RUNS_MS = 60_000;

describe('the layering rules in eslint.config.mjs', () => {
  test('src/domain may not import another layer, an SDK, or read the environment or the clock', async () => {
    const rules = await brokenRules(
      'src/domain/leak.ts',
      ["import { loadConfig } from '../config/config';", "import pino from 'pino';", 'export const x = [loadConfig, pino, process.env.X, Date.now(), new Date()];'].join('\n'),
    );
    expect(rules.filter((rule) => rule === 'no-restricted-imports')).toHaveLength(2);
    expect(rules.filter((rule) => rule === 'no-restricted-syntax').length).toBeGreaterThanOrEqual(3);
  }, ESLINT_RUNS_MS);

  test('src/domain may import itself and temporal-polyfill', async () => {
    const rules = await brokenRules('src/domain/fine.ts', "import { Temporal } from 'temporal-polyfill';\nimport { parseCivilDate } from './civil-date';\nexport const x = [Temporal, parseCivilDate];\n");
    expect(rules).toEqual([]);
  }, ESLINT_RUNS_MS);

  test('a .catch handler in src/ or bot/ takes the error: one that takes none cannot log its code', async () => {
    const swallowing = 'export const x = (work: Promise<void>) => [work.catch(() => undefined), work.catch(() => {})];\n';
    const logging = 'export const x = (work: Promise<void>, log: (fields: object) => void) => work.catch((err: unknown) => log({ err }));\n';
    const [inBot, inDomain, logged] = await Promise.all([brokenRules('bot/x.ts', swallowing), brokenRules('src/domain/x.ts', swallowing), brokenRules('src/services/x.ts', logging)]);
    expect(inBot.filter((rule) => rule === 'no-restricted-syntax')).toHaveLength(2);
    expect(inDomain.filter((rule) => rule === 'no-restricted-syntax')).toHaveLength(2);
    expect(logged).toEqual([]);
  }, 60_000);

  test('only src/config reads process.env, and botbuilder stays under bot/', async () => {
    expect(await brokenRules('src/services/x.ts', 'export const x = process.env.X;\n')).toContain('no-restricted-properties');
    expect(await brokenRules('src/services/y.ts', "import { TurnContext } from 'botbuilder';\nexport const y = TurnContext;\n")).toContain('no-restricted-imports');
  }, ESLINT_RUNS_MS);

  test('the tab takes the contracts as types only, and nothing of zod or the server', async () => {
    const leaks = [
      "import { MINUTES_SECTIONS } from '@contracts/minutes.contract';",
      // `import { type X }` leaves `import {} from …` behind, which would still bundle the module.
      "import { type MinutesView } from '@contracts/minutes.contract';",
      "import { z } from 'zod';",
      "import type { Caller } from '../../../src/services/authorise';",
      'export const x: [unknown, unknown, MinutesView | undefined, Caller | undefined] = [MINUTES_SECTIONS, z, undefined, undefined];',
    ];
    const [typesOnly, leaking] = await Promise.all([
      brokenRules('tab/src/minutes/fine.ts', "import type { MinutesView } from '@contracts/minutes.contract';\nexport type View = MinutesView;\n"),
      brokenRules('tab/src/minutes/leak.ts', `${leaks.join('\n')}\n`),
    ]);
    expect(typesOnly).toEqual([]);
    expect(leaking.sort()).toEqual(['@typescript-eslint/no-import-type-side-effects', ...Array(3).fill('@typescript-eslint/no-restricted-imports')]);
  }, ESLINT_RUNS_MS);

  const LOCAL_RULE = 'local-mode/only-from-composition-root';

  test('nothing under src/ or bot/ imports src/local (local mode): statically, by type, re-export, import() or require()', async () => {
    const [fromServices, fromBot] = await Promise.all([
      brokenRules(
        'src/services/leak.ts',
        [
          "import { DEMO_TENANT_ID } from '../local/demo/demo-core-group.seed';",
          "import type { DevSignIn } from '../local/dev-sign-in.issuer';",
          "import { createLocalObjectGraph } from '../local';",
          "export { startPlayground } from '../local/playground.launcher';",
          "export const later = () => import('../local/local-mode');",
          "export const lazily = () => require('../local/local-mode');",
          "import { nearby } from './local/nearby';", // src/services/local is not src/local
          'export type Signing = DevSignIn | typeof DEMO_TENANT_ID;',
          'export const used = [createLocalObjectGraph, nearby];',
        ].join('\n'),
      ),
      brokenRules('bot/leak.ts', "import { DEMO_PEOPLE } from '../src/local/demo/demo-core-group.seed';\nexport const people = DEMO_PEOPLE;\n"),
    ]);
    expect(fromServices.filter((rule) => rule === LOCAL_RULE)).toHaveLength(6);
    expect(fromBot).toContain(LOCAL_RULE);
  }, ESLINT_RUNS_MS);

  test('the composition roots and src/local itself may import src/local', async () => {
    const results = await Promise.all([
      brokenRules('src/main.ts', "import type { LocalObjectGraph } from './local/local-mode';\nexport type L = LocalObjectGraph;\n"),
      brokenRules('src/cli/main.ts', "import type { LocalObjectGraph } from '../local/local-mode';\nexport type L = LocalObjectGraph;\n"),
      brokenRules('src/local/more.ts', "import { seedDemoCoreGroup } from './demo/demo-core-group.seed';\nimport { connectMicrosoftGraph } from '../graph/graph-wiring';\nexport const x = [seedDemoCoreGroup, connectMicrosoftGraph];\n"),
    ]);
    expect(results).toEqual([[], [], []]);
  }, ESLINT_RUNS_MS);
});
