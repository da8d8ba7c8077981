import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ASSETS = join(ROOT, 'tab', 'dist', 'assets');

/**
 * Strings that only code from outside the tab would bring into its bundle, each with a file of
 * the thing it stands for: the tab takes the contracts (src/contracts) as types only, so neither
 * zod, nor the contracts' schemas, nor the domain's Temporal dates may be in what the browser loads.
 */
const MARKERS = [
  { what: 'zod', marker: '$ZodType', source: 'node_modules/zod/v4/core/schemas.js' },
  { what: 'zod', marker: 'ZodError', source: 'node_modules/zod/v4/classic/errors.js' },
  { what: 'the contracts’ schemas', marker: 'a date as YYYY-MM-DD', source: 'src/contracts/wire-values.contract.ts' },
  { what: 'temporal-polyfill (the domain’s dates)', marker: 'PlainDate', source: 'node_modules/temporal-polyfill/global.js' },
];

describe('the built tab (tab/dist, built by npm test)', () => {
  const scripts = existsSync(ASSETS) ? readdirSync(ASSETS).filter((file) => file.endsWith('.js')) : [];

  test('has been built', () => {
    expect(scripts.length).toBeGreaterThan(0);
  });

  test.each(MARKERS)('carries nothing of $what ("$marker"), which the tab takes as types only', ({ marker, source }) => {
    // The marker is really that library's or module's own: otherwise this test could not fail.
    expect(readFileSync(join(ROOT, source), 'utf8')).toContain(marker);
    const carrying = scripts.filter((file) => readFileSync(join(ASSETS, file), 'utf8').includes(marker));
    expect(carrying).toEqual([]);
  });
});
