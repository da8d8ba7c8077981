import { type IncomingMessage, type ServerResponse, createServer, request as forward } from 'node:http';

/**
 * A load balancer on loopback, as App Service's front end is to its instances: each request goes
 * to the next instance in turn, whole (method, path, headers, body), and its answer comes back as
 * the instance gave it. An instance that does not answer (killed) makes that request a 502, as a
 * front end says when an instance is gone before health checks have taken it out; the caller
 * (Teams) tries again. `backends` can change while it runs: a new instance joins the rotation.
 */
export async function startRoundRobinProxy(initial: readonly string[]) {
  let backends = [...initial];
  let next = 0;
  const served = new Map<string, number>();
  let badGateways = 0;
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const backend = backends[next++ % backends.length]!;
    const target = new URL(incoming.url ?? '/', backend);
    const upstream = forward(target, { method: incoming.method, headers: { ...incoming.headers, host: target.host } }, (answer) => {
      served.set(backend, (served.get(backend) ?? 0) + 1);
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('error', () => {
      badGateways++;
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end('bad gateway');
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    join(backend: string) {
      backends = [...backends, backend];
    },
    /** Requests each instance answered. */
    served: () => new Map(served),
    /** Requests that met an instance that did not answer. */
    badGateways: () => badGateways,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
