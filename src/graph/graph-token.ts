import { ConfidentialClientApplication, type INetworkModule, type NetworkResponse } from '@azure/msal-node';
import { Agent, fetch as undiciFetch } from 'undici';

/** Where tokens come from: Entra ID in production, the Graph simulator locally. */
export interface GraphTokenOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly credential: { readonly secret: string } | { readonly certificate: { readonly thumbprintSha256: string; readonly privateKey: string } };
  /** `https://login.microsoftonline.com/` unless pointed at a local stand-in. */
  readonly authorityHost?: string;
  /** A local authority's certificate; set only with a local `authorityHost`. */
  readonly trustedCertificatePem?: string;
}

/** A bearer token source: app-only for background work, on-behalf-of for a signed-in user's action. */
export interface GraphTokens {
  appOnly(): Promise<string>;
  onBehalfOf(userAssertion: string): Promise<string>;
}

const GRAPH_DEFAULT_SCOPE = ['https://graph.microsoft.com/.default'];

/**
 * msal-node refuses http authorities and discovers metadata over the network; for a local
 * authority the metadata is given up front and requests go through a network module that trusts
 * the stand-in's self-signed certificate (see PLATFORM-NOTES.md).
 */
function localAuthority(options: GraphTokenOptions, host: string) {
  const base = host.endsWith('/') ? host : `${host}/`;
  const authority = `${base}${options.tenantId}`;
  const hostAndPort = new URL(base).host;
  const dispatcher = new Agent({ connect: { ca: options.trustedCertificatePem } });
  const send = async (url: string, method: 'GET' | 'POST', init?: { headers?: Record<string, string>; body?: string }): Promise<NetworkResponse<never>> => {
    const response = await undiciFetch(url, { method, headers: init?.headers, body: init?.body, dispatcher });
    return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: (await response.json()) as never };
  };
  const networkClient: INetworkModule = {
    sendGetRequestAsync: (url, init) => send(url, 'GET', init as never),
    sendPostRequestAsync: (url, init) => send(url, 'POST', init as never),
  };
  return {
    authority,
    knownAuthorities: [hostAndPort],
    authorityMetadata: JSON.stringify({
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
      jwks_uri: `${authority}/discovery/v2.0/keys`,
      issuer: `${authority}/v2.0`,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      response_modes_supported: ['query'],
    }),
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: hostAndPort, preferred_cache: hostAndPort, aliases: [hostAndPort] }],
    }),
    networkClient,
  };
}

/** Builds the token source on MSAL's confidential client (tokens are cached by MSAL until near expiry). */
export function createGraphTokens(options: GraphTokenOptions): GraphTokens {
  const local = options.authorityHost && options.trustedCertificatePem ? localAuthority(options, options.authorityHost) : undefined;
  const credential = 'secret' in options.credential ? { clientSecret: options.credential.secret } : { clientCertificate: options.credential.certificate };
  const client = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      authority: local?.authority ?? `${options.authorityHost ?? 'https://login.microsoftonline.com/'}${options.tenantId}`,
      ...credential,
      ...(local ? { knownAuthorities: local.knownAuthorities, authorityMetadata: local.authorityMetadata, cloudDiscoveryMetadata: local.cloudDiscoveryMetadata } : {}),
    },
    ...(local ? { system: { networkClient: local.networkClient } } : {}),
  });
  const token = (result: { accessToken: string } | null) => {
    if (!result?.accessToken) throw new Error('Entra ID returned no access token');
    return result.accessToken;
  };
  return {
    appOnly: async () => token(await client.acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT_SCOPE })),
    onBehalfOf: async (userAssertion) => token(await client.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes: GRAPH_DEFAULT_SCOPE })),
  };
}
