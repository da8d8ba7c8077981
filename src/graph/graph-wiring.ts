import { Temporal } from 'temporal-polyfill';
import type { AppCertificate } from '../adapters/app-certificate';
import type { Config } from '../config/config';
import { DEMO_TENANT_ID } from '../services/demo-core-group';
import type { Calendar, Directory } from '../services/ports/calendar.port';
import type { Mailer } from '../services/ports/mailer.port';
import { createGraphCalendar } from './calendar.graph';
import { createGraphTokens } from './graph-token';
import { demoOrganisation } from './simulator/demo-organisation';
import { startGraphSimulator } from './simulator/graph-simulator';

/** The calendar the service uses, and what has to stop with it. */
export interface CalendarConnection {
  readonly calendar: Calendar & Directory & Mailer;
  /** Set in local mode: the simulator's base URL. */
  readonly simulatorUrl?: string | undefined;
  stop(): Promise<void>;
}

/**
 * Connects to Microsoft Graph (production: app-only tokens from Entra ID) or, in local mode,
 * starts the Graph simulator on loopback with the demo organisation and points the same real
 * Graph client and MSAL at it.
 */
export async function connectCalendar(config: Config, certificate?: AppCertificate): Promise<CalendarConnection> {
  if (config.graph.mode === 'microsoft') {
    const credential = certificate ? { certificate: { thumbprintSha256: certificate.thumbprintSha256, privateKey: certificate.privateKeyPem } } : { secret: config.graph.clientSecret ?? '' };
    const tokens = createGraphTokens({ tenantId: config.bot.tenantId ?? '', clientId: config.graph.clientId ?? '', credential });
    return { calendar: createGraphCalendar({ tokens }), stop: async () => undefined };
  }
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
  const calendar = createGraphCalendar({ baseUrl: simulator.url, tokens, trustedCertificatePem: simulator.certificatePem });
  return { calendar, simulatorUrl: simulator.url, stop: () => simulator.stop() };
}
