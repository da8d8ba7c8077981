import type { AddressInfo } from 'node:net';
import { createBotAdapter } from '../../bot/bot-adapter';
import type { WorkingDayCalendars } from '../../src/domain/working-days';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { demoOrganisation } from '../../src/local/demo/demo-organisation.seed';
import { botRouter } from '../../src/server/bot-mount';
import { createHttpApp } from '../../src/server/http-app';
import { createLogger } from '../../src/server/logger';
import type { Clock } from '../../src/services/ports/clock.port';
import type { Store } from '../../src/store/store';
import { BOT_APP_ID, localChannelCredentials, startChannelStandIn, teamsActivity } from './bot-channel';
import { type TestDatabase, demoDatabase } from './databases';
import type { AnsweredCard } from './adaptive-cards';
import { demoBot } from './demo-bot';
import { simulatedGraph } from './graph';

/**
 * The demo bot behind the real `/api/messages` endpoint with authentication on, the channel's
 * stand-in (tokens, connector) and the Graph simulator for the demo organisation. `stop` closes
 * all three.
 */
export async function startBotEndpoint(options: { store: Store; clock: Clock; calendars: WorkingDayCalendars; teamsAppId: string }) {
  const channel = await startChannelStandIn();
  const { simulator, calendar } = await simulatedGraph(demoOrganisation(options.clock.today()));
  const wired = demoBot({ ...options, calendar, allowedTenantIds: [DEMO_TENANT_ID] });
  const adapter = createBotAdapter({ appId: BOT_APP_ID, password: 'unused', tenantId: DEMO_TENANT_ID, openIdMetadataUrl: channel.metadataUrl, credentialsFactory: localChannelCredentials(), log: () => undefined });
  const app = createHttpApp({ logger: createLogger({ level: 'silent' }), version: 'test', health: { checkDatabase: async () => undefined }, routers: [botRouter({ adapter, bot: wired.bot, logger: createLogger({ level: 'silent' }), tokensRequired: true })] });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  const stop = async () => {
    server.close();
    await simulator.stop();
    await channel.stop();
  };
  return { ...wired, channel, simulator, calendar, adapter, botUrl, stop };
}

type ConversationType = 'personal' | 'groupChat' | 'channel';

/**
 * The demo bot behind the real endpoint over a fresh demo database, started before the file's
 * tests and stopped after them. `say` and `press` send as a demo person (by key), in the Teams
 * locale given, and return what the bot answered.
 */
export function botEndpointForTests(clock: Clock) {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  let coreGroupId: string | undefined;
  let endpoint: Awaited<ReturnType<typeof startBotEndpoint>> | undefined;
  beforeAll(async () => {
    let calendars: WorkingDayCalendars;
    ({ database, store, calendars, coreGroupId } = await demoDatabase(clock));
    endpoint = await startBotEndpoint({ store, clock, calendars, teamsAppId: 'a1b2c3d4-0000-4000-8000-000000000001' });
  });
  afterAll(async () => {
    await endpoint?.stop();
    await database?.drop();
  });

  /** An activity as Teams posts it to the bot, with the channel's token. */
  const post = async (activity: object) => {
    const { channel, botUrl } = endpoint!;
    return fetch(botUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await channel.token()}` }, body: JSON.stringify(activity) });
  };
  /** A message from a demo person (by key), in a 1:1 chat unless told, in the Teams locale given. */
  const activityFrom = (who: string, options: { text: string; locale?: string | undefined; conversationType?: ConversationType | undefined }) => ({
    ...teamsActivity({ serviceUrl: endpoint!.channel.serviceUrl, tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId(who), text: options.text, conversationType: options.conversationType }),
    ...(options.locale ? { locale: options.locale } : {}),
  });

  /** A message typed to the bot; the answer: the text of its reply, or its card's JSON, and the card. */
  const answer = async (who: string, text: string, options: { locale?: string; conversationType?: ConversationType } = {}) => {
    await post(activityFrom(who, { ...options, text }));
    const body = endpoint!.channel.sent.at(-1)!.body as { text?: string; attachments?: { content: AnsweredCard }[] };
    const card = body.attachments?.[0]?.content;
    return { text: body.text ?? JSON.stringify(card), card };
  };
  const say = async (who: string, text: string, options: { locale?: string; conversationType?: ConversationType } = {}) => (await answer(who, text, options)).text;

  /** A card button pressed (`Action.Execute`) with the inputs filled in; the card the bot returns, and its JSON. */
  const pressCard = async (who: string, action: { verb?: string | undefined; data?: object | undefined }, options: { inputs?: Record<string, string>; locale?: string } = {}) => {
    const response = await post({
      ...activityFrom(who, { text: '', locale: options.locale }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: action.verb, data: { ...action.data, ...options.inputs } }, trigger: 'manual' },
    });
    const card = ((await response.json()) as { value: AnsweredCard }).value;
    return { card, text: JSON.stringify(card) };
  };
  const press = async (who: string, action: { verb: string; data: object }, options: { locale?: string } = {}) => (await pressCard(who, action, options)).text;

  return { store: () => store!, coreGroupId: () => coreGroupId!, endpoint: () => endpoint!, post, activityFrom, say, answer, press, pressCard };
}
