#!/usr/bin/env node
// The `coregroup` admin CLI. TypeScript runs through tsx, so no build step stands between a
// clone and `npx coregroup`.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`coregroup: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
