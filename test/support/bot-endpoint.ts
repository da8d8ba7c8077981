import type { AddressInfo } from 'node:net';
import { createBotAdapter } from '../../bot/bot-adapter';
import type { WorkingDayCalendars } from '../../src/domain/working-days';
import { DEMO_TENANT_ID } from '../../src/local/demo/demo-core-group.seed';
import { demoOrganisation } from '../../src/local/demo/demo-organisation.seed';
import { botRouter } from '../../src/server/bot-mount';
import { createHttpApp } from '../../src/server/http-app';
import { createLogger } from '../../src/server/logger';
import type { Clock } from '../../src/services/ports/clock.port';
import type { Store } from '../../src/store/store';
import { BOT_APP_ID, localChannelCredentials, startChannelStandIn } from './bot-channel';
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
