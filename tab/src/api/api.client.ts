/** Where the tab gets its bearer token: Teams SSO in Teams, the dev sign-in in local mode. */
export interface TokenSource {
  getToken(): Promise<string>;
}

/**
 * The server answered with an error (`{ error: { code, message } }`); `userMessage` is safe to show,
 * in the language the request asked for. An answer without that body (a proxy's) has the code
 * `http-<status>` and English words, for the page to say in its own.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly userMessage: string;
  /** The whole error body: a 409 on autosave carries `current` beside `error`. */
  readonly body: unknown;

  constructor(options: { status: number; code: string; userMessage: string; body: unknown }) {
    super(`${options.status} ${options.code}: ${options.userMessage}`);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.userMessage = options.userMessage;
    this.body = options.body;
  }
}

/** The request did not get an answer from the app (no network, timeout, gateway down): try again later. */
export class UnreachableError extends Error {
  readonly status: number | undefined;

  constructor(message: string, options: { cause?: unknown; status?: number | undefined } = {}) {
    super(message, { cause: options.cause });
    this.name = 'UnreachableError';
    this.status = options.status;
  }
}

export interface Download {
  blob: Blob;
  /** From the server's Content-Disposition, when it sent one. */
  filename: string | undefined;
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown): Promise<T>;
  download(path: string): Promise<Download>;
}

/** Statuses that say "not now" rather than "no": the request may be repeated as it is. */
const TRANSIENT_STATUSES = new Set([408, 429, 502, 503, 504]);
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * The one way the tab talks to its API: same origin, a bearer token on every request, JSON in and
 * out, errors as `ApiError` (an answer) or `UnreachableError` (no answer), asked for in the page's
 * language (`Accept-Language` from `<html lang>`, which each page sets). A 401 is retried once
 * with a freshly asked-for token (Teams renews SSO tokens); a second 401 calls `onSignedOut`.
 */
export function createApiClient(options: { tokens: TokenSource; onSignedOut?: () => void; fetch?: typeof fetch; baseUrl?: string; language?: () => string }): ApiClient {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const baseUrl = options.baseUrl ?? '';
  const language = options.language ?? (() => document.documentElement.lang);

  const request = async (method: string, path: string, body: unknown, accept: string): Promise<Response> => {
    for (let attempt = 1; ; attempt += 1) {
      const token = await options.tokens.getToken();
      const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: accept };
      const pageLanguage = language();
      if (pageLanguage) headers['Accept-Language'] = pageLanguage;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch (error) {
        throw new UnreachableError('The app could not be reached', { cause: error });
      }
      if (response.status === 401 && attempt === 1) continue;
      if (response.ok) return response;
      if (TRANSIENT_STATUSES.has(response.status)) throw new UnreachableError(`The app answered ${response.status}`, { status: response.status });
      const errorBody = await readJson(response);
      const error = isErrorBody(errorBody) ? errorBody.error : undefined;
      if (response.status === 401) options.onSignedOut?.();
      throw new ApiError({
        status: response.status,
        code: error?.code ?? `http-${response.status}`,
        userMessage: error?.message ?? fallbackMessage(response.status),
        body: errorBody,
      });
    }
  };

  return {
    async get<T>(path: string) {
      return (await readJson(await request('GET', path, undefined, 'application/json'))) as T;
    },
    async send<T>(method: 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown) {
      return (await readJson(await request(method, path, body ?? {}, 'application/json'))) as T;
    },
    async download(path: string) {
      const response = await request('GET', path, undefined, '*/*');
      return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('Content-Disposition')) };
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A proxy's HTML error page, say: the status alone tells the caller what happened.
    return undefined;
  }
}

function isErrorBody(body: unknown): body is { error: { code?: string; message?: string } } {
  return typeof body === 'object' && body !== null && 'error' in body && typeof (body as { error: unknown }).error === 'object' && (body as { error: unknown }).error !== null;
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'You are signed out. Sign in again.';
  if (status === 403) return 'You do not have access to this.';
  if (status === 404) return 'That could not be found.';
  return 'Something went wrong. Try again.';
}

/** The file name from `Content-Disposition` (RFC 6266: `filename*` wins over `filename`). */
export function filenameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain filename parameter below.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : undefined;
}
