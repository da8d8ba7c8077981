// Preloaded (`node --require`) into a service started as a child process: when that process
// exits, it writes the path of every module it loaded (require.cache) to LOADED_MODULES_FILE as
// JSON, so a test can see what a start-up pulled in.
const { writeFileSync } = require('node:fs');

process.once('exit', () => {
  writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache)));
});
