import type { NextFunction, Request, Response } from 'express';
import { RequestRefusedError } from './request-refused';

/** Names a browser uses for this machine's loopback interface: no other site can answer for them. */
const LOOPBACK_NAME = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
/** Methods that change nothing, which a page elsewhere may cause without the Origin check. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a Host header (`name[:port]`) names the loopback interface. */
function isLoopbackHost(host: string | undefined): boolean {
  const name = /^(\[[^\]]*\]|[^:[\]]*)(?::\d{1,5})?$/.exec(host ?? '')?.[1];
  return name !== undefined && LOOPBACK_NAME.test(name);
}

/** Whether an Origin header (`scheme://name[:port]`) is a page served from the loopback interface. */
function isLoopbackOrigin(origin: string): boolean {
  const authority = /^https?:\/\/([^/]+)$/i.exec(origin)?.[1];
  return authority !== undefined && isLoopbackHost(authority);
}

/**
 * Local mode's guard (it listens on loopback with the dev sign-in and a bot without tokens): a page
 * on another site that points its own name at 127.0.0.1 (DNS rebinding) reaches this server with
 * that name in `Host`, which is refused (421); a page on another site that asks for a change
 * carries it in `Origin`, which is refused (403). Any port is accepted: no page elsewhere can make
 * a browser send a loopback name, and Vite's dev server (`npx vite tab`) proxies the tab's calls
 * with its own port in `Host` and `Origin`.
 */
export function loopbackOnly(request: Request, _response: Response, next: NextFunction): void {
  if (!isLoopbackHost(request.headers.host)) {
    next(new RequestRefusedError('misdirected-request'));
    return;
  }
  const origin = request.headers.origin;
  const foreign = origin !== undefined && !SAFE_METHODS.has(request.method) && !isLoopbackOrigin(origin);
  next(foreign ? new RequestRefusedError('foreign-origin') : undefined);
}
