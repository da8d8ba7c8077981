#!/usr/bin/env node
// `npm start`: the local demo. Checks first that nothing already listens on the service's port, so
// a second `npm start` says so in a sentence and builds nothing; then builds the tab and starts
// the service (src/main.ts, through tsx), passing on its arguments (`npm start -- --reset`).
const { spawn, spawnSync } = require('node:child_process');
const { createConnection } = require('node:net');
const { join } = require('node:path');

const root = join(__dirname, '..');
const port = Number(process.env.PORT ?? 3978);

/** Whether something accepts connections on the loopback port (Core Group listens there in local mode). */
function listening(onPort) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: onPort });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Runs a Node script of a dev dependency in the foreground; its exit code is ours. */
function run(script, args) {
  return spawnSync(process.execPath, [join(root, 'node_modules', ...script), ...args], { stdio: 'inherit', cwd: root }).status ?? 1;
}

async function main() {
  if (Number.isInteger(port) && port > 0 && (await listening(port))) {
    process.stderr.write(
      `Core Group is already running on port ${port} (http://localhost:${port}/tab/dashboard), or something else is using that port.\n` +
        `Use the one that is running, stop it with Ctrl-C in its terminal, or start another on a free port: PORT=${port + 10} npm start\n`,
    );
    return 1;
  }
  const built = run(['vite', 'bin', 'vite.js'], ['build', '--config', 'tab/vite.config.ts', '--logLevel', 'warn']);
  if (built !== 0) return built;
  // The service runs as a child that hears Ctrl-C itself (same terminal); a SIGTERM sent to this
  // script is passed on, and this script ends with the service's exit code.
  const service = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/main.ts', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => service.kill(signal));
  return new Promise((resolve) => service.once('exit', (code) => resolve(code ?? 1)));
}

main().then((code) => {
  process.exitCode = code;
});
