import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import express, { type Request, type Response } from 'express';
import { generate } from 'selfsigned';
import { Agent, fetch as undiciFetch } from 'undici';
import { type SimRequest, type SimResponse, type SimulatorHooks, route } from './graph-simulator.routes';
import { SimulatorState } from './graph-simulator.state';

/** A fault to inject: the next `times` requests whose path matches answer with it. */
export interface Fault {
  readonly match?: RegExp;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly dropConnection?: boolean;
  readonly latencyMs?: number;
  times: number;
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** For `$batch`, the requests inside it. */
  readonly batched?: readonly string[];
}

/** A running Graph simulator. */
export interface GraphSimulator {
  /** Base URL for the Graph client, e.g. `https://127.0.0.1:4443/`. */
  readonly url: string;
  /** The simulator's self-signed certificate, for the client to trust. */
  readonly certificatePem: string;
  readonly state: SimulatorState;
  readonly requests: LoggedRequest[];
  /** Queues a fault for the next matching requests. */
  inject(fault: Fault): void;
  clearFaults(): void;
  stop(): Promise<void>;
}

/**
 * A local stand-in for Microsoft Graph (and the Entra token endpoint) over https, so the real
 * `@microsoft/microsoft-graph-client` and `@azure/msal-node` code paths run with no tenant and no
 * network. It checks bearer tokens it issued, logs every request so tests can count round trips,
 * and injects faults (429 with Retry-After, 503, latency, dropped connections) on demand.
 */
export async function startGraphSimulator(options: { state?: SimulatorState; port?: number; host?: string } = {}): Promise<GraphSimulator> {
  const host = options.host ?? '127.0.0.1';
  const state = options.state ?? new SimulatorState();
  const requests: LoggedRequest[] = [];
  const faults: Fault[] = [];
  const pems = await generate([{ name: 'commonName', value: host }], {
    keyType: 'ec',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] }],
  });
  const outbound = new Agent({ connect: { rejectUnauthorized: false } });
  const hooks: SimulatorHooks = {
    async notify(url, payload) {
      const response = await undiciFetch(url, {
        method: 'POST',
        dispatcher: outbound,
        headers: { 'content-type': payload === undefined ? 'text/plain' : 'application/json' },
        body: payload === undefined ? '' : JSON.stringify(payload),
        signal: AbortSignal.timeout(10_000),
      });
      return { status: response.status, text: await response.text() };
    },
  };

  const app = express();
  app.use(express.json({ limit: '2mb' }));
  app.use(express.urlencoded({ extended: false }));

  app.post('/:tenant/oauth2/v2.0/token', (request: Request, response: Response) => {
    const body = request.body as Record<string, string>;
    if (body.grant_type !== 'client_credentials' && body.grant_type !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      response.status(400).json({ error: 'unsupported_grant_type', error_description: 'AADSTS70003: the simulator supports client credentials and on-behalf-of' });
      return;
    }
    if (!body.client_id || (!body.client_secret && !body.client_assertion)) {
      response.status(401).json({ error: 'invalid_client', error_description: 'AADSTS7000215: client credential missing' });
      return;
    }
    const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${segment({ typ: 'JWT', alg: 'RS256' })}.${segment({ aud: 'https://graph.microsoft.com', tid: request.params.tenant, appid: body.client_id, roles: ['Calendars.ReadWrite'] })}.${randomBytes(32).toString('base64url')}`;
    state.issuedTokens.add(token);
    requests.push({ method: 'POST', path: request.path, status: 200 });
    response.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
  });

  const authorised = (headers: Record<string, string | undefined>) => {
    const match = /^Bearer (.+)$/.exec(headers.authorization ?? '');
    return match?.[1] !== undefined && match[1].split('.').length === 3 && state.issuedTokens.has(match[1]);
  };

  app.use(async (request: Request, response: Response) => {
    const fault = faults.find((candidate) => candidate.times > 0 && (!candidate.match || candidate.match.test(request.path)));
    if (fault) {
      fault.times--;
      if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
      if (fault.dropConnection) {
        requests.push({ method: request.method, path: request.path, status: 0 });
        (request.socket as Socket).destroy();
        return;
      }
      if (fault.status) {
        requests.push({ method: request.method, path: request.path, status: fault.status });
        if (fault.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(fault.retryAfterSeconds));
        response.status(fault.status).json({ error: { code: fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: 'Injected by the simulator' } });
        return;
      }
    }
    const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value]));
    if (!request.path.startsWith('/_simulator/') && !authorised(headers)) {
      requests.push({ method: request.method, path: request.path, status: 401 });
      response.status(401).json({ error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty or was not issued by this simulator' } });
      return;
    }
    const query = new URLSearchParams(request.originalUrl.split('?')[1] ?? '');
    let result: SimResponse;
    let batched: string[] | undefined;
    if (request.method === 'POST' && request.path === '/v1.0/$batch') {
      const inner = ((request.body as { requests?: { id: string; method: string; url: string; body?: unknown; headers?: Record<string, string> }[] }).requests ?? []);
      if (inner.length > 20) {
        result = { status: 400, body: { error: { code: 'BadRequest', message: 'A batch holds at most 20 requests' } } };
      } else {
        batched = inner.map((item) => `${item.method} ${item.url}`);
        const responses = await Promise.all(
          inner.map(async (item) => {
            const [path, search] = item.url.replace(/^\/?/, '/v1.0/').split('?');
            const sub = await route({ method: item.method, path: path!, query: new URLSearchParams(search ?? ''), body: item.body ?? {}, headers: item.headers ?? {} }, state, hooks);
            return { id: item.id, status: sub.status, headers: { 'Content-Type': 'application/json', ...sub.headers }, body: sub.body ?? {} };
          }),
        );
        result = { status: 200, body: { responses } };
      }
    } else {
      const simRequest: SimRequest = { method: request.method, path: request.path, query, body: request.body ?? {}, headers };
      result = await route(simRequest, state, hooks);
    }
    requests.push({ method: request.method, path: request.path, status: result.status, ...(batched ? { batched } : {}) });
    response.setHeader('request-id', randomBytes(8).toString('hex'));
    for (const [key, value] of Object.entries(result.headers ?? {})) response.setHeader(key, value);
    if (result.body === undefined) response.status(result.status).end();
    else response.status(result.status).json(result.body);
  });

  const server: Server = createServer({ key: pems.private, cert: pems.cert }, app);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${host}:${port}/`,
    certificatePem: pems.cert,
    state,
    requests,
    inject: (fault) => faults.push({ ...fault }),
    clearFaults: () => faults.splice(0),
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await outbound.close();
    },
  };
}
