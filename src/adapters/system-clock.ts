import { parseCivilDate } from '../domain/civil-date';
import type { Clock } from '../services/ports/clock.port';

/** Today's date in London, as the parts Intl gives for it (en-CA writes them YYYY-MM-DD). */
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The machine's clock, with "today" as a civil date in Europe/London. Read on every request, so
 * it uses the platform's own clock and time-zone data rather than Temporal's (which cost a
 * noticeable share of a `/coregroup status` turn).
 */
export const systemClock: Clock = {
  nowIso: () => new Date().toISOString(),
  today: () => parseCivilDate(LONDON_DATE.format(new Date())),
};
