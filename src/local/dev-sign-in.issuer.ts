import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { TAB_SCOPE, type TabTokenVerifier, createTabTokenVerifier } from '../server/tab-auth';

const LOCAL_ISSUER = 'urn:core-group:local-dev-sign-in';
const LOCAL_AUDIENCE = 'api://localhost/core-group';

/** Local mode's stand-in for Teams SSO: tokens for demo people, and the verifier that accepts them. */
export interface DevSignIn {
  readonly verifier: TabTokenVerifier;
  issue(user: { tenantId: string; aadObjectId: string; name: string }): Promise<string>;
}

/**
 * Local mode's dev sign-in: a key pair made at start-up (never stored) signs short-lived tokens
 * for a chosen demo user, verified by the same verifier as Teams' tokens. The composition root
 * mounts it only in local mode, which Config allows only on loopback.
 */
export async function createDevSignIn(allowedTenantIds: readonly string[]): Promise<DevSignIn> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'local-dev', alg: 'RS256', use: 'sig' };
  return {
    verifier: createTabTokenVerifier({ keys: createLocalJWKSet({ keys: [jwk] }), audiences: [LOCAL_AUDIENCE], allowedTenantIds, issuersFor: () => [LOCAL_ISSUER] }),
    issue(user: { tenantId: string; aadObjectId: string; name: string }): Promise<string> {
      return new SignJWT({ tid: user.tenantId, oid: user.aadObjectId, name: user.name, scp: TAB_SCOPE })
        .setProtectedHeader({ alg: 'RS256', kid: 'local-dev' })
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('8h')
        .sign(privateKey);
    },
  };
}
