#!/usr/bin/env node
// The `coregroup` admin CLI. In a clone it runs the TypeScript source through tsx, so no build
// step stands between a clone and `npx coregroup`, and it never runs a stale build. A deployed
// production install has neither: no src/ (.webappignore) and no tsx (a dev dependency), so it
// runs the compiled dist/ that `npm run build` made — as App Service's start command does
// (`node bin/coregroup.cjs migrate && npm run serve`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const source = join(__dirname, '..', 'src', 'cli', 'main.ts');
const compiled = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');

function tsxInstalled() {
  try {
    require.resolve('tsx/cjs');
    return true;
  } catch {
    return false;
  }
}

function loadCli() {
  if (existsSync(source) && tsxInstalled()) {
    require('tsx/cjs');
    return require(source);
  }
  if (existsSync(compiled)) return require(compiled);
  throw new Error('no TypeScript source with tsx, and no compiled build: run `npm install`, or `npm run build` for dist/');
}

function fail(error) {
  process.stderr.write(`coregroup: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

let cli;
try {
  cli = loadCli();
} catch (error) {
  fail(error);
}
cli?.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, fail);
