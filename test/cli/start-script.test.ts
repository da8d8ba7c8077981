import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

test('a second npm start says in a sentence that Core Group is already running, before building anything', async () => {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const { port } = holder.address() as { port: number };
  try {
    const started = Date.now();
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.cjs')], { cwd: ROOT, env: { ...process.env, PORT: String(port) } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain(`Core Group is already running on port ${port}`);
    expect(err).toContain(`PORT=${port + 10} npm start`);
    expect(err).not.toMatch(/^\{/m); // a sentence, not a JSON log line
    expect(out).toBe(''); // no build output: vite never ran
    expect(Date.now() - started).toBeLessThan(5_000);
  } finally {
    holder.close();
  }
});
