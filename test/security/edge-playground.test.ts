import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { startPlayground } from '../../src/local/playground.launcher';
import { createLogger } from '../../src/server/logger';
import { freePort } from '../support/browser';
import { attack } from './support/attack';

/** Whether a TCP connection to the address and port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** An address of this machine that is not loopback: what another machine on the network would connect to. */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address !== undefined && !address.internal && address.family === 'IPv4')?.address;

(networkAddress ? describe : describe.skip)('the Agents Playground as npm start launches it', () => {
  let playground: ReturnType<typeof startPlayground>;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    playground = startPlayground({ botEndpoint: 'http://127.0.0.1:9/api/messages', port, cwd: join(__dirname, '..', '..'), env: process.env, logger: createLogger({ level: 'silent' }) });
    for (let waited = 0; waited < 30_000 && !(await accepts('127.0.0.1', port)); waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
  }, 40_000);
  afterAll(() => playground?.stop());

  attack('the Playground (which drives the bot as the lead social worker) cannot be reached from the network: it listens on 127.0.0.1 only', async () => {
    expect(await accepts('127.0.0.1', port)).toBe(true);
    expect(await accepts(networkAddress!, port)).toBe(false);
  });
});
