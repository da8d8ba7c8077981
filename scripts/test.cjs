#!/usr/bin/env node
// `npm test`: runs jest (extra arguments pass through) and closes with the line CI reads,
// `N passed, N failed, N skipped`, alone and last. A suite that cannot run (compile error, crash
// in a hook) counts as a failure, so a run that tested nothing cannot look green.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

// The browser tests drive the built tab, so it is built first (a few seconds, offline).
const build = spawnSync(process.execPath, [join(__dirname, '..', 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'tab/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', cwd: join(__dirname, '..') });
if (build.status !== 0) process.stderr.write('building the tab failed; the browser tests of the tab will fail\n');

const dir = mkdtempSync(join(tmpdir(), 'coregroup-jest-'));
const resultsFile = join(dir, 'results.json');
const jest = require.resolve('jest/bin/jest');
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], {
  stdio: ['inherit', 'ignore', 'inherit'],
});

let passed = 0;
let failed = 1;
let skipped = 0;
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  skipped = results.numPendingTests + results.numTodoTests;
} catch (error) {
  process.stderr.write(`jest wrote no results (${error.message}); counting the run as failed\n`);
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exitCode = run.status === 0 && failed === 0 ? 0 : 1;
