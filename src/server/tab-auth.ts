import type { NextFunction, Request, Response } from 'express';
import { type JWTPayload, type JWTVerifyGetKey, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { ErrorBody } from '../contracts/errors.contract';
import { ERROR_TRANSLATIONS } from '../errors/error-codes';
import type { Caller } from '../services/authorise';

/** The scope the tab's SSO token must carry (the app registration's exposed API). */
export const TAB_SCOPE = 'access_as_user';

/** Who the tab's caller is, from the verified token only. */
export interface TabCaller extends Caller {
  readonly name?: string | undefined;
}

export interface TabTokenVerifier {
  verify(token: string): Promise<TabCaller>;
}

/** Why a token was refused; the HTTP edge answers 401 with a generic message whatever the reason. */
export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';
}

/**
 * Verifies a Teams SSO token (an Entra ID access token for the app's own API): the signature
 * against the published keys (RS256 only, so never `alg: none`), expiry, the audience, an issuer
 * that is Entra's for the token's own tenant, the tenant on the allow-list and the
 * `access_as_user` scope. The caller is the token's `tid` and `oid` — nothing from the request.
 */
export function createTabTokenVerifier(options: {
  keys: JWTVerifyGetKey;
  audiences: readonly string[];
  allowedTenantIds: readonly string[];
  /** Entra's issuers for a tenant (v2 and v1 tokens); local mode passes its own. */
  issuersFor?: (tenantId: string) => readonly string[];
}): TabTokenVerifier {
  const issuersFor = options.issuersFor ?? ((tenantId: string) => [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`]);
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, options.keys, { audience: [...options.audiences], algorithms: ['RS256'], clockTolerance: 60, requiredClaims: ['exp', 'iss', 'aud'] }));
      } catch (error) {
        throw new TokenRejectedError(error instanceof errors.JOSEError ? error.code : 'unreadable', { cause: error });
      }
      const tenantId = typeof payload.tid === 'string' ? payload.tid : undefined;
      const aadObjectId = typeof payload.oid === 'string' ? payload.oid : undefined;
      if (!tenantId || !aadObjectId) throw new TokenRejectedError('no tenant or object id');
      if (!issuersFor(tenantId).includes(payload.iss ?? '')) throw new TokenRejectedError('issuer');
      if (options.allowedTenantIds.length > 0 && !options.allowedTenantIds.includes(tenantId)) throw new TokenRejectedError('tenant not allowed');
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scopes.includes(TAB_SCOPE)) throw new TokenRejectedError('scope');
      return { tenantId, aadObjectId, name: typeof payload.name === 'string' ? payload.name : undefined };
    },
  };
}

/** Entra ID's signing keys for access tokens (all tenants), fetched and cached by jose. */
export function entraSigningKeys(): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL('https://login.microsoftonline.com/common/discovery/v2.0/keys'));
}

/** Express middleware: a verified caller in `response.locals.caller`, or a 401 that says nothing more. */
export function requireCaller(verifier: TabTokenVerifier) {
  return async (request: Request, response: Response, next: NextFunction) => {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    try {
      if (!token) throw new TokenRejectedError('missing');
      response.locals.caller = await verifier.verify(token);
      next();
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) {
        next(error);
        return;
      }
      const refused: ErrorBody = { error: { code: 'unauthorized', message: 'Sign in again to use Core Group.' } };
      response.setHeader('WWW-Authenticate', 'Bearer');
      response.status(ERROR_TRANSLATIONS.unauthorized.http.status).json(refused);
    }
  };
}

/** The verified caller that `requireCaller` put on the response. */
export function callerOf(response: Response): TabCaller {
  return response.locals.caller as TabCaller;
}
