import type { AppCertificate } from '../adapters/app-certificate';
import type { Config } from '../config/config';
import type { Calendar, Directory } from '../services/ports/calendar.port';
import type { Mailer } from '../services/ports/mailer.port';
import type { Teamwork } from '../services/ports/teamwork.port';
import { createGraphCalendar } from './calendar.graph';
import { createGraphTokens } from './graph-token';

/** The calendar the service uses, and what has to stop with it. */
export interface CalendarConnection {
  readonly calendar: Calendar & Directory & Mailer & Teamwork;
  /** Set in local mode: the simulator's base URL. */
  readonly simulatorUrl?: string | undefined;
  stop(): Promise<void>;
}

/**
 * Connects to Microsoft Graph with app-only tokens from Entra ID, signed with the app's
 * certificate when there is one, else its client secret. Local mode's Graph simulator is wired in
 * `src/local/calendar.simulator.ts` instead.
 */
export async function connectMicrosoftGraph(config: Config, certificate?: AppCertificate): Promise<CalendarConnection> {
  const credential = certificate ? { certificate: { thumbprintSha256: certificate.thumbprintSha256, privateKey: certificate.privateKeyPem } } : { secret: config.graph.clientSecret ?? '' };
  const tokens = createGraphTokens({ tenantId: config.bot.tenantId ?? '', clientId: config.graph.clientId ?? '', credential });
  return { calendar: createGraphCalendar({ tokens, appId: config.graph.clientId }), stop: async () => undefined };
}
