// @ts-check
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const CLOCK_AND_ENVIRONMENT = [
  { selector: "MemberExpression[object.name='process']", message: 'src/domain is pure: no process, no environment. Pass values in.' },
  { selector: "NewExpression[callee.name='Date']", message: 'src/domain never reads the clock or builds instants: take the date as a parameter.' },
  { selector: "MemberExpression[object.name='Date']", message: 'src/domain never reads the clock: take the date as a parameter.' },
  { selector: "MemberExpression[object.name='Temporal'][property.name='Now']", message: 'src/domain never reads the clock: take the date as a parameter.' },
  { selector: "CallExpression[callee.name='require']", message: 'src/domain uses imports only.' },
];

/** Local mode's folder: the Graph simulator, demo data, dev sign-in and Playground launcher. */
const LOCAL_MODE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'src', 'local');

/**
 * Production never imports src/local: only the composition roots (which load it lazily, in local
 * mode only) and src/local itself may. Checks every way in — static and type imports, re-exports,
 * `import()`, `require()` and `import x = require()` — by resolving the path against the file, so
 * `../local/…` from src/server and `../src/local/…` from bot/ are both caught.
 */
const localModeOnlyFromCompositionRoot = {
  meta: { type: 'problem', schema: [], messages: { local: 'src/local is local mode only: production code never imports it. The composition root (src/main.ts, src/cli/main.ts) loads it lazily in local mode.' } },
  create(context) {
    const check = (node, source) => {
      const path = source?.type === 'Literal' ? source.value : source?.type === 'TemplateLiteral' && source.expressions.length === 0 ? source.quasis[0].value.cooked : undefined;
      if (typeof path !== 'string' || !path.startsWith('.')) return;
      const target = resolve(dirname(context.filename), path);
      if (target === LOCAL_MODE_DIR || target.startsWith(LOCAL_MODE_DIR + sep)) context.report({ node, messageId: 'local' });
    };
    const fromSource = (node) => check(node, node.source);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: fromSource,
      TSImportType: (node) => check(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.source),
      TSExternalModuleReference: (node) => check(node, node.expression),
      "CallExpression[callee.name='require']": (node) => check(node, node.arguments[0]),
    };
  },
};

// One error model (src/errors/README.md): a `.catch` handler that takes no error cannot rethrow,
// translate or log its code. A deliberate swallow says why in an eslint-disable comment.
const CATCH_TAKES_THE_ERROR = {
  selector: "CallExpression[callee.property.name='catch'] > :function[params.length=0]",
  message: 'A .catch handler must take the error and rethrow it, translate it, or log it with its code ({ code, err }).',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'tab/dist/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config/**', 'src/main.ts', 'src/cli/main.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only src/config reads the environment; take Config instead.' }],
    },
  },
  {
    files: ['src/**/*.ts', 'tab/**/*.ts', 'tab/**/*.tsx'],
    ignores: ['src/server/bot-mount.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'botbuilder lives under bot/ only.' }] }],
    },
  },
  {
    files: ['src/**/*.ts', 'bot/**/*.ts'],
    ignores: ['src/local/**', 'src/main.ts', 'src/cli/main.ts'],
    plugins: { 'local-mode': { rules: { 'only-from-composition-root': localModeOnlyFromCompositionRoot } } },
    rules: { 'local-mode/only-from-composition-root': 'error' },
  },
  {
    files: ['src/**/*.ts', 'bot/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', CATCH_TAKES_THE_ERROR] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./[^/]+$|temporal-polyfill$|fastest-levenshtein$)',
              message: 'src/domain depends on nothing but itself, temporal-polyfill and fastest-levenshtein: no other layer, no SDK.',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...CLOCK_AND_ENVIRONMENT, CATCH_TAKES_THE_ERROR],
    },
  },
  {
    // The tab takes the API's wire types from src/contracts as types only (`@contracts/*`), and
    // nothing else from outside tab/: zod and the server stay out of the browser bundle.
    files: ['tab/**/*.ts', 'tab/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@contracts/*'], allowTypeImports: true, message: 'The tab takes only types from the contracts: import type { … } from "@contracts/…".' },
            { group: ['zod', 'zod/*'], message: 'zod stays on the server; the tab takes the contracts as types only.' },
            { regex: '(^|/)\\.\\./(\\.\\./)*(src|bot)/', message: 'The tab imports nothing of the server or the bot; the API types come from "@contracts/…".' },
          ],
        },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    // The tab's React code (browser): hooks called by the rules, effects listing what they use.
    files: ['tab/**/*.ts', 'tab/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['bin/**/*.cjs', 'scripts/**/*.cjs', 'test/support/*.js', '*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
