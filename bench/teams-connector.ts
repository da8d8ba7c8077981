import { createServer } from 'node:http';

/**
 * Teams' rate limits for sending to a conversation, as published (not imported from the product,
 * so a wrong limit there shows up as 429s here):
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit
 */
const PER_THREAD = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];
const PER_TENANT = [{ limit: 50, windowMs: 1_000 }];

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/;
const PROMPT_ID = /"promptId":"([0-9a-f-]{36})"/;

/** Sliding windows over accepted sends: how long until `key` has room in all of `windows` (0 if it has). */
function createWindows() {
  const accepted = new Map<string, number[]>();
  return {
    waitMs(key: string, windows: readonly { limit: number; windowMs: number }[], at: number): number {
      const times = accepted.get(key) ?? [];
      let wait = 0;
      for (const window of windows) {
        const inWindow = times.filter((time) => time > at - window.windowMs);
        if (inWindow.length >= window.limit) wait = Math.max(wait, inWindow[inWindow.length - window.limit]! + window.windowMs - at);
      }
      return wait;
    },
    accept(key: string, at: number): void {
      accepted.set(key, [...(accepted.get(key) ?? []).filter((time) => time > at - 3_600_000), at]);
    },
  };
}

/**
 * A Bot Connector stand-in for the fan-out benchmark, run as its own process so its clock is not
 * held up by the bot's event loop. `POST /v3/conversations/{id}/activities` is throttled per
 * conversation thread and per tenant as Teams does: over a limit it answers 429 with `Retry-After`
 * (whole seconds) and records nothing; otherwise it records the card's prompt id and when it
 * arrived, and answers 200. `GET /records` returns what it saw. Prints `READY <url>` when listening.
 */
function main(): void {
  /** The answer comes back after this long, as across the internet to Teams (argument 1, ms). */
  const roundTripMs = Number(process.argv[2] ?? 0);
  const answer = (send: () => void) => (roundTripMs > 0 ? setTimeout(send, roundTripMs) : send());
  const windows = createWindows();
  const recorded: string[] = [];
  /** When each recorded card arrived (ms, by this process's clock). */
  const arrivals: number[] = [];
  let throttled = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = ACTIVITIES.exec(request.url ?? '');
      if (request.method === 'GET' && request.url === '/records') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ recorded, throttled, arrivals }));
        return;
      }
      if (request.method !== 'POST' || !path) {
        response.writeHead(404).end();
        return;
      }
      const body = Buffer.concat(chunks).toString();
      const activity = JSON.parse(body) as { conversation?: { tenantId?: string } };
      const thread = `thread:${decodeURIComponent(path[1]!)}`;
      const tenant = `tenant:${activity.conversation?.tenantId ?? 'unknown'}`;
      const at = performance.timeOrigin + performance.now();
      const waitMs = Math.max(windows.waitMs(thread, PER_THREAD, at), windows.waitMs(tenant, PER_TENANT, at));
      if (waitMs > 0) {
        throttled++;
        answer(() => {
          response.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) });
          response.end('{"error":{"code":"Throttled","message":"Too many requests"}}');
        });
        return;
      }
      windows.accept(thread, at);
      windows.accept(tenant, at);
      recorded.push(PROMPT_ID.exec(body)?.[1] ?? 'no prompt id');
      arrivals.push(at);
      const id = `activity-${recorded.length}`;
      answer(() => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id }));
      });
    });
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`READY http://127.0.0.1:${(server.address() as { port: number }).port}/\n`));
}

main();
