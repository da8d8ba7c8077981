#!/usr/bin/env node
// `npm test`: runs jest (extra arguments pass through) and closes with the line CI reads,
// `N passed, N failed, N skipped`, alone and last. A suite that cannot run (compile error, crash
// in a hook) counts as a failure, so a run that tested nothing cannot look green.
// Just before it comes the counted attack suite's line, `N attacks tried, N refused, N let in`,
// from what test/security/support/attack.ts recorded. `npm run test:security` (`--security`) runs
// only test/security and prints the attack line last.
const { spawnSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

// The browser tests drive the built tab, so it is built first (a few seconds, offline).
const build = spawnSync(process.execPath, [join(__dirname, '..', 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'tab/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', cwd: join(__dirname, '..') });
if (build.status !== 0) process.stderr.write('building the tab failed; the browser tests of the tab will fail\n');

const securityOnly = process.argv.includes('--security');
const jestArguments = process.argv.slice(2).filter((argument) => argument !== '--security');
if (securityOnly) jestArguments.push('test/security');

const dir = mkdtempSync(join(tmpdir(), 'coregroup-jest-'));
const resultsFile = join(dir, 'results.json');
const attackLog = join(dir, 'attacks');
mkdirSync(attackLog);
const jest = require.resolve('jest/bin/jest');
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${resultsFile}`, ...jestArguments], {
  stdio: ['inherit', 'ignore', 'inherit'],
  env: { ...process.env, CORE_GROUP_ATTACK_LOG: attackLog },
});

/** Each attack's last outcome (a retried test counts once). */
const attacks = new Map();
for (const file of readdirSync(attackLog)) {
  for (const line of readFileSync(join(attackLog, file), 'utf8').split('\n').filter(Boolean)) {
    const { name, outcome } = JSON.parse(line);
    attacks.set(name, outcome);
  }
}
const letIn = [...attacks.values()].filter((outcome) => outcome === 'let-in').length;
const attackLine = `${attacks.size} attacks tried, ${attacks.size - letIn} refused, ${letIn} let in\n`;

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
const countLine = `${passed} passed, ${failed} failed, ${skipped} skipped\n`;
if (securityOnly) process.stdout.write(countLine + attackLine);
else process.stdout.write(attackLine + countLine);
process.exitCode = run.status === 0 && failed === 0 && letIn === 0 ? 0 : 1;
