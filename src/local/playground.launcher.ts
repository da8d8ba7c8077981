import { type ChildProcess, spawn } from 'node:child_process';
import type { Logger } from '../server/logger';

/**
 * Starts Microsoft's local Teams chat client, the Agents Playground, pointed at the bot endpoint
 * (local mode only; it sends no token, which Config allows only on loopback). Its mock users are
 * the demo core group's members, from `.m365agentsplayground.yml`. Returns how to stop it.
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
  const child: ChildProcess = spawn(process.execPath, [cli, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port)], {
    cwd: options.cwd,
    env: { ...options.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: 'ignore',
  });
  child.on('exit', (code) => {
    if (code) options.logger.warn({ code }, 'the Agents Playground stopped');
  });
  return { url: `http://127.0.0.1:${options.port}`, stop: () => child.kill() };
}
