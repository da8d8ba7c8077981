const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const WEEKDAY_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const INSTANT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const SHORT_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether text is a real calendar date written `YYYY-MM-DD`. */
export function isCivilDate(text: string): boolean {
  if (!CIVIL_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** "4 Dec 2026" for a `YYYY-MM-DD` date (a civil date: no time zone shifts it). */
export function formatDate(text: string, options: { weekday?: boolean } = {}): string {
  if (!isCivilDate(text)) return text;
  return (options.weekday ? WEEKDAY_DATE : DATE).format(new Date(`${text}T00:00:00Z`));
}

/** "4 Dec 2026, 14:05" in UK time for an ISO instant. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : INSTANT.format(date);
}

/** "Dec 2026" (or "Dec 26" when short) for a `YYYY-MM` month. */
export function formatMonth(month: string, options: { short?: boolean } = {}): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return (options.short ? SHORT_MONTH : MONTH).format(date);
}

/** Today in the UK as `YYYY-MM-DD`: deadlines in the app are UK civil dates. */
export function ukToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole days from one `YYYY-MM-DD` date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "lead-social-worker" → "lead social worker". */
export function words(kebab: string): string {
  return kebab.replaceAll('-', ' ');
}
