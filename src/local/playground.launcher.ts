import { type ChildProcess, spawn } from 'node:child_process';
import type { Logger } from '../server/logger';

/**
 * Run before the Playground's CLI (`process.argv[1]`): a server that is told to listen without a
 * host listens on loopback, not on every interface. The Playground (0.2.x) calls
 * `server.listen(port)` and has no option or variable for the host.
 */
const ON_LOOPBACK = `
const net = require('node:net');
const listen = net.Server.prototype.listen;
const numeric = (value) => typeof value === 'number' || (typeof value === 'string' && /^\\d+$/.test(value));
net.Server.prototype.listen = function (...args) {
  if (numeric(args[0]) && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  else if (args[0] === undefined || typeof args[0] === 'function') args.unshift(0, '127.0.0.1');
  else if (args[0] && typeof args[0] === 'object' && args[0].port !== undefined && args[0].host === undefined) args[0] = { ...args[0], host: '127.0.0.1' };
  return listen.apply(this, args);
};
require(process.argv[1]);
`;

/**
 * Starts Microsoft's local Teams chat client, the Agents Playground, pointed at the bot endpoint
 * (local mode only; it sends no token, which Config allows only on loopback), listening on
 * 127.0.0.1 only: it drives the bot as the demo lead social worker, so nobody else on the network
 * may reach it. Its mock users are the demo core group's members, from `.m365agentsplayground.yml`.
 * Returns how to stop it.
 */
export function startPlayground(options: { botEndpoint: string; port: number; cwd: string; env: NodeJS.ProcessEnv; logger: Logger }): { url: string; stop(): void } | undefined {
  let cli: string;
  try {
    cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  } catch (error) {
    // A production install has no dev dependencies; the Playground is a local-mode convenience.
    options.logger.debug({ err: error }, 'Agents Playground not installed');
    return undefined;
  }
  const child: ChildProcess = spawn(process.execPath, ['-e', ON_LOOPBACK, cli, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port)], {
    cwd: options.cwd,
    env: { ...options.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: 'ignore',
  });
  child.on('exit', (code) => {
    if (code) options.logger.warn({ code }, 'the Agents Playground stopped');
  });
  return { url: `http://127.0.0.1:${options.port}`, stop: () => child.kill() };
}
