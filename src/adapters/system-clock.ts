import { Temporal } from 'temporal-polyfill';
import type { Clock } from '../services/ports/clock.port';

/** The machine's clock, with "today" as a civil date in Europe/London. */
export const systemClock: Clock = {
  nowIso: () => Temporal.Now.instant().toString(),
  today: () => Temporal.Now.plainDateISO('Europe/London'),
};
