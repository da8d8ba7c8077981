import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { type JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { type ChannelCredentialsFactory, createBotAdapter } from '../../bot/bot-adapter';
import { createTeamsNotifier } from '../../bot/teams-notifier';
import { createRateLimiter } from '../../src/jobs/rate-limiter';
import { createConversations } from '../../src/services/conversations.service';
import type { ConversationReferenceRepository } from '../../src/services/ports/store.port';
import { DEMO_PEOPLE, DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';

export const BOT_APP_ID = '33333333-4444-4555-8666-777777777777';

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * The Bot Framework channel's side, locally: an OpenID metadata + JWKS endpoint publishing a
 * signing key endorsed for msteams, a signer for channel tokens, and a recording connector that
 * receives the bot's replies and card updates.
 */
export async function startChannelStandIn() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  // Published too, but endorsed for another channel only: a token it signs must not pass for msteams.
  const otherChannel = await generateKeyPair('RS256');
  const kid = 'local-channel-key';
  const otherChannelKid = 'other-channel-key';
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const otherChannelJwk: JWK = { ...(await exportJWK(otherChannel.publicKey)), kid: otherChannelKid, use: 'sig', alg: 'RS256' };
  const openId = express();
  let metadataUrl = '';
  openId.get('/v1/.well-known/openidconfiguration', (_request, response) => {
    response.json({ issuer: 'https://api.botframework.com', jwks_uri: metadataUrl.replace('/v1/.well-known/openidconfiguration', '/keys'), id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] });
  });
  openId.get('/keys', (_request, response) => response.json({ keys: [{ ...jwk, endorsements: ['msteams'] }, { ...otherChannelJwk, endorsements: ['webchat'] }] }));
  const metadata = await listen(openId);
  metadataUrl = `${metadata.url}/v1/.well-known/openidconfiguration`;

  const sent: { method: string; path: string; body: Record<string, unknown>; authorization?: string | undefined }[] = [];
  const failures: { status: number; retryAfterSeconds?: number }[] = [];
  const roster = new Map<string, { id: string; name: string; aadObjectId: string }>();
  const connector = express();
  connector.use(express.json({ limit: '2mb' }));
  // Teams' member lookup (TeamsInfo.getMember): answered from the roster, not recorded as a send.
  connector.get('/v3/conversations/:conversationId/members/:memberId', (request, response) => {
    const member = roster.get(request.params.memberId);
    if (member) response.json({ ...member, userPrincipalName: `${member.aadObjectId}@demo.example` });
    else response.status(404).json({ error: { code: 'MemberNotFoundInConversation', message: 'Not a member of this conversation' } });
  });
  connector.all('/v3/conversations/{*rest}', (request, response) => {
    const failure = failures.shift();
    if (failure) {
      if (failure.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(failure.retryAfterSeconds));
      response.status(failure.status).json({ error: { code: 'Throttled', message: 'Injected by the stand-in' } });
      return;
    }
    sent.push({ method: request.method, path: request.path, body: request.body as Record<string, unknown>, authorization: request.headers.authorization });
    response.status(request.method === 'PUT' ? 200 : 201).json({ id: `activity-${sent.length}` });
  });
  const connectorServer = await listen(connector);

  return {
    metadataUrl,
    serviceUrl: `${connectorServer.url}/`,
    sent,
    /** The connector answers the next request with this status (Teams' 429 + Retry-After, 503, …). */
    failNext: (failure: { status: number; retryAfterSeconds?: number }) => failures.push(failure),
    clearFailures: () => failures.splice(0),
    /** The connector knows this person as a member of the conversations it is asked about (Teams id `29:…`). */
    knowsMember: (member: { id: string; name: string; aadObjectId: string }) => roster.set(member.id, member),
    /**
     * A channel token as Teams' Bot Connector would send it; options break it on purpose: `serviceUrl`
     * claims another connector, `signWithOtherChannelKey` signs with a published key endorsed for another channel only.
     */
    async token(options: { audience?: string; issuer?: string; expiresIn?: string | number; signWithStranger?: boolean; signWithOtherChannelKey?: boolean; notBefore?: number; serviceUrl?: string } = {}) {
      const jwt = new SignJWT({ serviceurl: options.serviceUrl ?? `${connectorServer.url}/` })
        .setProtectedHeader({ alg: 'RS256', kid: options.signWithOtherChannelKey ? otherChannelKid : kid, typ: 'JWT' })
        .setIssuer(options.issuer ?? 'https://api.botframework.com')
        .setAudience(options.audience ?? BOT_APP_ID)
        .setIssuedAt(options.notBefore)
        .setNotBefore(options.notBefore ?? Math.floor(Date.now() / 1000) - 60)
        .setExpirationTime(options.expiresIn ?? '10m');
      return jwt.sign(options.signWithStranger ? stranger.privateKey : options.signWithOtherChannelKey ? otherChannel.privateKey : privateKey);
    },
    /** An unsigned token (`alg: none`), which must never be accepted. */
    unsignedToken() {
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      return `${part({ alg: 'none', typ: 'JWT', kid })}.${part({ iss: 'https://api.botframework.com', aud: BOT_APP_ID, serviceurl: `${connectorServer.url}/`, nbf: now - 60, exp: now + 600 })}.`;
    },
    async stop() {
      metadata.server.close();
      connectorServer.server.close();
    },
  };
}

/** Signs the bot's outbound calls with a fixed local token instead of asking Entra ID. */
export function localChannelCredentials(): ChannelCredentialsFactory {
  return {
    isValidAppId: async (appId: string) => appId === BOT_APP_ID,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({
      signRequest: async (webResource: { headers: { set(name: string, value: string): void } }) => {
        webResource.headers.set('Authorization', 'Bearer local-outbound');
        return webResource;
      },
    }),
  } as unknown as ChannelCredentialsFactory;
}

/** A Teams activity from a user, personal chat by default. */
export function teamsActivity(options: { serviceUrl: string; tenantId: string; aadObjectId: string; text?: string; conversationType?: 'personal' | 'groupChat' | 'channel'; type?: string; name?: string; value?: unknown; replyToId?: string }) {
  return {
    type: options.type ?? 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${options.aadObjectId}`, aadObjectId: options.aadObjectId, name: 'Member' },
    conversation: { id: `a:${options.conversationType ?? 'personal'}-${options.aadObjectId}`, conversationType: options.conversationType ?? 'personal', tenantId: options.tenantId },
    recipient: { id: `28:${BOT_APP_ID}`, name: 'Core Group' },
    channelData: { tenant: { id: options.tenantId } },
    ...(options.text !== undefined ? { text: options.text } : {}),
    ...(options.name ? { name: options.name } : {}),
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
  };
}

/**
 * The demo people as the bot knows them after each opened a 1:1 chat (`a:<key>`, Teams id
 * `29:<key>`), pointing at the stand-in connector; and a notifier that sends through the real
 * adapter, signed with the local channel credentials. `keys` picks people (default: everyone the
 * bot can reach in Teams).
 */
export async function demoPeopleInTeams(
  store: { conversationReferences: { upsert(entry: { tenantId: string; key: string; reference: unknown; at: string }): Promise<void> } },
  serviceUrl: string,
  options: { at: string; keys?: readonly string[] },
): Promise<void> {
  const keys = options.keys ?? DEMO_PEOPLE.filter((person) => person.reach !== 'email-only').map((person) => person.key);
  for (const key of keys) {
    const aadObjectId = demoObjectId(key);
    await store.conversationReferences.upsert({
      tenantId: DEMO_TENANT_ID,
      key: `user:${aadObjectId}`,
      reference: { channelId: 'msteams', serviceUrl, conversation: { id: `a:${key}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID }, bot: { id: `28:${BOT_APP_ID}` }, user: { id: `29:${key}`, aadObjectId } },
      at: options.at,
    });
  }
}

/** The product's Teams notifier over the real CloudAdapter, with the local channel credentials. */
export function localNotifier(references: Pick<ConversationReferenceRepository, 'upsert' | 'find'>, teamsAppId = 'app') {
  const adapter = createBotAdapter({ appId: BOT_APP_ID, tenantId: DEMO_TENANT_ID, credentialsFactory: localChannelCredentials(), log: () => undefined });
  const conversations = createConversations({ references, clock: { nowIso: () => new Date().toISOString() } });
  return createTeamsNotifier({ adapter, appId: BOT_APP_ID, teamsAppId, conversations, limiter: createRateLimiter() });
}
