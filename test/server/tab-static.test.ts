import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createHttpApp } from '../../src/server/http-app';
import { createLogger } from '../../src/server/logger';
import { tabRouter } from '../../src/server/tab-static';

const app = (distDir: string) => createHttpApp({ logger: createLogger({ level: 'silent' }), version: 'test', health: { checkDatabase: async () => undefined }, routers: [tabRouter(distDir)] });

describe('the built tab', () => {
  const dist = mkdtempSync(join(tmpdir(), 'coregroup-tab-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'minutes.html'), '<!doctype html><title>Minutes</title>');
  writeFileSync(join(dist, 'assets', 'minutes-abc.js'), 'export {};');
  writeFileSync(join(dist, 'outlook.html'), '<!doctype html><title>Core Group in Outlook</title>');

  test('is served under a CSP that loads code only from this server and lets only Microsoft hosts frame it', async () => {
    const response = await request(app(dist)).get('/tab/minutes');
    expect(response.status).toBe(200);
    const policy = response.headers['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com .*https:\/\/outlook\.office\.com/);
    expect(policy).not.toMatch(/frame-ancestors[^;]*\*(?!\.)/);
  });

  test('only the Outlook add-in’s page may also run Office’s scripts (Office.js), and nothing else of Microsoft’s', async () => {
    const scripts = async (path: string) => /script-src ([^;]*)/.exec((await request(app(dist)).get(path)).headers['content-security-policy'] ?? '')?.[1];
    expect(await scripts('/tab/outlook')).toBe("'self' https://appsforoffice.microsoft.com");
    expect(await scripts('/tab/outlook.html')).toBe("'self' https://appsforoffice.microsoft.com");
    expect(await scripts('/tab/minutes')).toBe("'self'");
    expect(await scripts('/tab/assets/minutes-abc.js')).toBe("'self'");
    expect(await scripts('/tab/outlook-but-not.html')).toBe("'self'");
  });

  test('hashed assets are cached, pages are not', async () => {
    expect((await request(app(dist)).get('/tab/assets/minutes-abc.js')).headers['cache-control']).toContain('immutable');
    expect((await request(app(dist)).get('/tab/minutes.html')).headers['cache-control']).toBe('no-store');
  });

  test('says how to build it when it has not been built', async () => {
    const response = await request(app(join(dist, 'missing'))).get('/tab/minutes.html');
    expect(response.status).toBe(503);
    expect(response.text).toContain('npm run build:tab');
  });
});
