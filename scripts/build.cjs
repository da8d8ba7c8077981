#!/usr/bin/env node
// `npm run build`: the production build, in dist/. Production runs this compiled JavaScript
// (`npm run serve`, `node bin/coregroup.cjs`) and never tsx, a dev dependency.
//
// tsc (tsconfig.build.json) compiles src/ and bot/ file by file into dist/src and dist/bot, after
// type checking them, so a build that fails the type check ships nothing. The files the code
// finds relative to itself come along at the same relative places: the policy profiles
// (src/policies reads `../../policies`) into dist/policies, and the built tab (src/main.ts serves
// `../tab/dist`) into dist/tab/dist. dist/ with bin/, package.json and package-lock.json is
// therefore the whole deployed app (.webappignore leaves out everything else).
const { spawnSync } = require('node:child_process');
const { cpSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist');

/** Runs a Node script of a dev dependency; stops the build if it fails. */
function run(what, script, args) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', ...script), ...args], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    process.stderr.write(`build: ${what} failed\n`);
    process.exit(result.status ?? 1);
  }
}

rmSync(dist, { recursive: true, force: true });
run('building the tab', ['vite', 'bin', 'vite.js'], ['build', '--config', 'tab/vite.config.ts', '--logLevel', 'warn']);
run('compiling the server', ['typescript', 'bin', 'tsc'], ['-p', 'tsconfig.build.json']);
cpSync(join(root, 'policies'), join(dist, 'policies'), { recursive: true });
cpSync(join(root, 'tab', 'dist'), join(dist, 'tab', 'dist'), { recursive: true });
process.stdout.write('built dist/: npm run serve starts it\n');
