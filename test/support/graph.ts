import { type GraphSimulator, startGraphSimulator } from '../../src/local/graph-simulator/graph-simulator.server';
import { createGraphCalendar } from '../../src/graph/calendar.graph';
import { createGraphTokens } from '../../src/graph/graph-token';
import type { SimulatorState } from '../../src/local/graph-simulator/graph-simulator.state';
import type { Calendar, Directory } from '../../src/services/ports/calendar.port';
import type { Mailer } from '../../src/services/ports/mailer.port';
import type { Teamwork } from '../../src/services/ports/teamwork.port';

export const SIM_TENANT = '00000000-0000-4000-8000-00000000c0de';

/** A simulator and the real Graph adapter pointed at it, over https with the simulator's certificate. */
export async function simulatedGraph(state: SimulatorState, retry = { maxRetries: 4, delaySeconds: 0.05, maxRetryAfterSeconds: 5 }): Promise<{ simulator: GraphSimulator; calendar: Calendar & Directory & Mailer & Teamwork }> {
  const simulator = await startGraphSimulator({ state });
  const tokens = createGraphTokens({
    tenantId: SIM_TENANT,
    clientId: '11111111-1111-4111-8111-111111111111',
    credential: { secret: 'simulator-secret' },
    authorityHost: simulator.url,
    trustedCertificatePem: simulator.certificatePem,
  });
  const calendar = createGraphCalendar({ baseUrl: simulator.url, tokens, appId: '11111111-1111-4111-8111-111111111111', trustedCertificatePem: simulator.certificatePem, retry });
  return { simulator, calendar };
}

/** Requests other than token requests: the Graph round trips a test counts. */
export function graphCalls(simulator: GraphSimulator) {
  return simulator.requests.filter((request) => !request.path.includes('/oauth2/'));
}

/** A calendar with no series on it: for status reads in tests that book nothing on Graph. */
export const calendarWithNoSeries: Pick<Calendar, 'occurrences'> = { occurrences: async () => [] };
