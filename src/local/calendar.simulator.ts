import { Temporal } from 'temporal-polyfill';
import type { Config } from '../config/config';
import { createGraphCalendar } from '../graph/calendar.graph';
import { createGraphTokens } from '../graph/graph-token';
import type { CalendarConnection } from '../graph/graph-wiring';
import { DEMO_TENANT_ID } from './demo/demo-core-group.seed';
import { demoOrganisation } from './demo/demo-organisation.seed';
import { startGraphSimulator } from './graph-simulator/graph-simulator.server';

/**
 * Local mode's calendar: starts the Graph simulator on loopback with the demo organisation and
 * points the same real Graph client and MSAL at it, trusting the simulator's self-signed
 * certificate for those calls.
 */
export async function connectSimulatedCalendar(config: Config): Promise<CalendarConnection> {
  const simulator = await startGraphSimulator({
    state: demoOrganisation(Temporal.Now.plainDateISO('Europe/London').subtract({ days: 7 })),
    port: config.graph.simulatorPort,
    host: '127.0.0.1',
  });
  const tokens = createGraphTokens({
    tenantId: DEMO_TENANT_ID,
    clientId: config.graph.clientId ?? '11111111-1111-4111-8111-111111111111',
    credential: { secret: 'local-simulator' },
    authorityHost: simulator.url,
    trustedCertificatePem: simulator.certificatePem,
  });
  const calendar = createGraphCalendar({ baseUrl: simulator.url, tokens, appId: config.graph.clientId ?? '11111111-1111-4111-8111-111111111111', trustedCertificatePem: simulator.certificatePem });
  return { calendar, simulatorUrl: simulator.url, stop: () => simulator.stop() };
}
