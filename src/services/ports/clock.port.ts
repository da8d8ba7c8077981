import type { CivilDate } from '../../domain/civil-date';

/** The time, for use cases. Tests pass a fixed clock; the composition root passes the system one. */
export interface Clock {
  /** Now, as an ISO-8601 UTC instant. */
  nowIso(): string;
  /** Today's civil date in Europe/London. */
  today(): CivilDate;
}
