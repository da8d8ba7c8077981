const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** Numbers only (`Intl` words vary with the browser: "Sept", a comma after the weekday). */
const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether text is a real calendar date written `YYYY-MM-DD`. */
export function isCivilDate(text: string): boolean {
  if (!CIVIL_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * "Wed 9 Dec 2026" for a `YYYY-MM-DD` date (a civil date: no time zone shifts it), as the bot's
 * cards and the exported records write it (`src/domain/uk-date.ts`).
 */
export function formatDate(text: string): string {
  if (!isCivilDate(text)) return text;
  const date = new Date(`${text}T00:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** CLDR's short Welsh day and month names, for a browser whose Intl has no Welsh data (Chromium's own ICU build has none). */
const WELSH_WEEKDAYS = ['Sul', 'Llun', 'Maw', 'Mer', 'Iau', 'Gwen', 'Sad'];
const WELSH_MONTHS = ['Ion', 'Chwef', 'Maw', 'Ebr', 'Mai', 'Meh', 'Gorff', 'Awst', 'Medi', 'Hyd', 'Tach', 'Rhag'];

/** A civil date in the page's language: "Wed 9 Dec 2026" in English, "Mer, 9 Rhag 2026" in Welsh (through Intl where it knows Welsh). */
export function formatDateIn(language: 'en' | 'cy', text: string): string {
  if (language === 'en' || !isCivilDate(text)) return formatDate(text);
  const date = new Date(`${text}T00:00:00Z`);
  const welsh = new Intl.DateTimeFormat('cy-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  // Chromium's ICU answers for Welsh without its names ("2026 M12 4, Fri"): asked for December, Intl that knows Welsh says "Rhag".
  const knowsWelsh = new Intl.DateTimeFormat('cy-GB', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 11, 9)) === 'Rhag';
  if (knowsWelsh) return welsh.format(date);
  return `${WELSH_WEEKDAYS[date.getUTCDay()]}, ${date.getUTCDate()} ${WELSH_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "Wed 9 Dec 2026, 14:05" in UK time for an ISO instant. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: Intl.DateTimeFormatPartTypes) => LONDON_PARTS.formatToParts(date).find((candidate) => candidate.type === type)!.value;
  const civil = `${part('year')}-${part('month').padStart(2, '0')}-${part('day').padStart(2, '0')}`;
  return `${formatDate(civil)}, ${part('hour')}:${part('minute')}`;
}

/** An instant in UK time in the page's language: "Wed 9 Dec 2026, 14:05" in English, "Mer, 9 Rhag 2026, 14:05" in Welsh. */
export function formatInstantIn(language: 'en' | 'cy', iso: string): string {
  if (language === 'en') return formatInstant(iso);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: Intl.DateTimeFormatPartTypes) => LONDON_PARTS.formatToParts(date).find((candidate) => candidate.type === type)!.value;
  const civil = `${part('year')}-${part('month').padStart(2, '0')}-${part('day').padStart(2, '0')}`;
  return `${formatDateIn(language, civil)}, ${part('hour')}:${part('minute')}`;
}

/** "Dec 2026" for a `YYYY-MM` month: never "Dec 26", which reads as a day. */
export function formatMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** A `YYYY-MM` month in the page's language: "Dec 2026" in English, "Rhag 2026" in Welsh (CLDR's short Welsh month names). */
export function formatMonthIn(language: 'en' | 'cy', month: string): string {
  if (language === 'en') return formatMonth(month);
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return `${WELSH_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
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

const UK_INPUT_DATE = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/;

/** "09/12/2026" for a `YYYY-MM-DD` date: how a date input shows it, in UK order. */
export function toUkInputDate(text: string): string {
  return isCivilDate(text) ? `${text.slice(8, 10)}/${text.slice(5, 7)}/${text.slice(0, 4)}` : text;
}

/** `YYYY-MM-DD` for a real date typed day first ("9/12/2026", "09/12/2026"); undefined otherwise. */
export function fromUkInputDate(text: string): string | undefined {
  const match = UK_INPUT_DATE.exec(text);
  if (!match) return undefined;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isCivilDate(iso) ? iso : undefined;
}

/** What a date input says when its text is not a real date. */
export const UK_DATE_HINT = 'Write the date as day/month/year, for example 09/12/2026.';

/** A file's size as people read it: "245 KB", "3.2 MB" (never "0 KB"). */
export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
