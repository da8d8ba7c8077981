import { type IncomingHttpHeaders, request } from 'node:http';

/** An answer as it came over the wire. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/**
 * Sends one request exactly as a hostile client would: any Host, any Content-Type, any
 * bytes, any size. A server that answers before reading a large body may close the connection
 * while it is still being written; the answer it gave is what counts.
 */
export function sendRaw(base: string, options: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer; host?: string }): Promise<RawAnswer> {
  const url = new URL(options.path, base);
  const headers: Record<string, string> = { ...options.headers };
  if (options.host !== undefined) headers.host = options.host;
  if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request(url, { method: options.method, headers }, (incoming) => {
      answered = true;
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
      incoming.on('error', reject);
    });
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    outgoing.end(options.body);
  });
}

/** The answer's body as JSON (the edge always answers errors as `{ error: { code, message } }`). */
export function jsonOf(answer: RawAnswer): unknown {
  return JSON.parse(answer.text) as unknown;
}
