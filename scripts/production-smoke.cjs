#!/usr/bin/env node
// CI's proof that the deployed app starts: `node scripts/production-smoke.cjs <app folder>`, where
// the folder holds what is deployed (dist/, bin/, package.json, package-lock.json) installed the
// way App Service installs it (`npm install --omit=dev --omit=optional`: no tsx, no
// better-sqlite3, nothing built natively). It runs App Service's start command against a fresh
// PostgreSQL database, `node bin/coregroup.cjs migrate && npm run serve`, in production mode with
// made-up credentials, and waits for /healthz and the tab. Nothing reaches Microsoft: tokens and
// signing keys are fetched only when a request needs them. The `node` and `npm` on PATH are the
// ones tested (CI puts Node 24 first). DATABASE_URL names the PostgreSQL server; the smoke test
// creates its own database there and drops it afterwards.
const { spawn, spawnSync } = require('node:child_process');
const { get } = require('node:http');
const { createServer } = require('node:net');
const { resolve } = require('node:path');
const { clearTimeout, setTimeout } = require('node:timers');
const { setTimeout: sleep } = require('node:timers/promises');
const { URL } = require('node:url');
const { Client } = require('pg');

const STARTUP_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;
const SMOKE_DATABASE = 'coregroup_production_smoke';

const appDir = resolve(process.argv[2] ?? '.');
const serverUrl = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');

function say(line) {
  process.stdout.write(`production smoke: ${line}\n`);
}

/** Creates (or drops) the smoke test's own database on the server DATABASE_URL names. */
async function onServer(statement) {
  const client = new Client({ connectionString: serverUrl.href });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** GET over plain HTTP: the status and the body as text; undefined while nothing listens. */
function fetchText(url) {
  return new Promise((done) => {
    get(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => done({ status: response.statusCode, body }));
    }).once('error', () => done(undefined));
  });
}

function productionEnv(databaseUrl, port) {
  const tenant = '11111111-2222-4333-8444-555555555555';
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    CORE_GROUP_MODE: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    MICROSOFT_APP_ID: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
    MICROSOFT_APP_TENANT_ID: tenant,
    MICROSOFT_APP_PASSWORD: 'not a real secret',
    ALLOWED_TENANT_IDS: tenant,
    GRAPH_CLIENT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    GRAPH_CLIENT_SECRET: 'not a real secret',
    TEAMS_APP_ID: '0b6c1f4e-2d7a-4c1e-9f3b-5a8d2e6c7b10',
    PUBLIC_BASE_URL: 'https://core-group.invalid',
    LOG_LEVEL: 'info',
  };
}

/** A production install leaves out the dev and optional dependencies: prove it before relying on it. */
function checkInstall() {
  for (const name of ['tsx', 'better-sqlite3', 'typescript']) {
    let found = false;
    try {
      require.resolve(`${name}/package.json`, { paths: [appDir] });
      found = true;
    } catch {
      // not installed: what a production install should give
    }
    if (found) throw new Error(`${name} is installed in ${appDir}: this is not a production install`);
  }
  say(`${appDir} has no tsx, typescript or better-sqlite3`);
}

async function waitForHealth(url, server) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`npm run serve ended (${server.exitCode ?? server.signalCode}) before answering`);
    const response = await fetchText(`${url}/healthz`);
    if (response?.status === 200) return JSON.parse(response.body);
    await sleep(500);
  }
  throw new Error(`no answer on ${url}/healthz within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

/**
 * The service logs that it is listening once its first hourly review has run, which can be after
 * /healthz first answers: wait for the line rather than read the log the moment health is good.
 */
async function waitForListening(lines, server) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const listening = lines().find((line) => line.includes('core group service listening'));
    if (listening) return listening;
    if (server.exitCode !== null || server.signalCode !== null) return undefined;
    await sleep(200);
  }
  return undefined;
}

/** Sends a signal to `npm run serve` and everything under it (its own process group). */
function signal(server, name) {
  try {
    process.kill(-server.pid, name);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error; // ESRCH: every process of the group has ended
  }
}

/**
 * Stops the server the way App Service does, with SIGTERM, and resolves once every process under
 * `npm run serve` has ended (the 'close' event: node, the last to hold its stdout, has exited).
 * npm itself dies of the signal at once, so its exit says nothing about node's; node's log does.
 */
function stop(server, closed) {
  signal(server, 'SIGTERM');
  let timer;
  const timeout = new Promise((done) => {
    timer = setTimeout(() => {
      signal(server, 'SIGKILL');
      done(false);
    }, STOP_TIMEOUT_MS);
  });
  return Promise.race([closed.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  checkInstall();
  await onServer(`drop database if exists ${SMOKE_DATABASE}`);
  await onServer(`create database ${SMOKE_DATABASE}`);
  const database = new URL(serverUrl.href);
  database.pathname = `/${SMOKE_DATABASE}`;
  const port = await freePort();
  const env = productionEnv(database.href, port);
  let server;
  let closed;
  try {
    const migrate = spawnSync(process.execPath, ['bin/coregroup.cjs', 'migrate'], { cwd: appDir, env, encoding: 'utf8' });
    if (migrate.status !== 0) throw new Error(`coregroup migrate failed (${migrate.status}): ${migrate.stderr}`);
    say(`migrate: ${migrate.stdout.trim()}`);
    // Its own process group, so a signal reaches node under npm's shell.
    server = spawn('npm', ['run', 'serve'], { cwd: appDir, env, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    closed = new Promise((done) => server.once('close', done));
    let log = '';
    server.stdout.on('data', (chunk) => {
      log += chunk;
    });
    const url = `http://127.0.0.1:${port}`;
    const health = await waitForHealth(url, server);
    if (health.status !== 'ok' || health.database !== 'ok') throw new Error(`/healthz answered ${JSON.stringify(health)}`);
    say(`/healthz ${JSON.stringify(health)}`);
    const tab = await fetchText(`${url}/tab/minutes`);
    if (tab?.status !== 200 || !tab.body.includes('<script')) throw new Error(`/tab/minutes answered ${tab?.status}: the built tab is not in dist/`);
    say('/tab/minutes serves the built tab');
    const lines = () => log.split('\n').filter(Boolean);
    const listening = await waitForListening(lines, server);
    if (!listening?.includes('"mode":"production"') || !listening.includes('"database":"postgres"')) throw new Error(`unexpected start-up log:\n${log}`);
    if (!(await stop(server, closed))) throw new Error(`still running ${STOP_TIMEOUT_MS / 1000} s after SIGTERM`);
    const problems = lines().filter((line) => /"level":(40|50|60)/.test(line));
    if (problems.length > 0) throw new Error(`warnings or errors logged:\n${problems.join('\n')}`);
    say('stopped on SIGTERM, nothing worse than info logged');
  } finally {
    if (server) await stop(server, closed);
    await onServer(`drop database if exists ${SMOKE_DATABASE}`);
  }
}

main().then(
  () => say('passed'),
  (error) => {
    process.stderr.write(`production smoke: FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
