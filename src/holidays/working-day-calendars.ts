import { readFileSync } from 'node:fs';
import { HOLIDAY_DIVISIONS, type HolidayDivision } from '../domain/nation';
import { type BankHolidayTable, WorkingDayCalendar, type WorkingDayCalendars } from '../domain/working-days';
import { bankHolidaysFromDateHolidays } from './bank-holidays.date-holidays';
import { bankHolidaysFromGovUk } from './bank-holidays.gov-uk';

/** Years the embedded holiday rules are expanded for. */
export const HOLIDAY_YEARS = { firstYear: 2015, lastYear: 2045 } as const;

/**
 * Builds the working-day calendar of every division. The embedded source is `date-holidays`;
 * when an administrator points `BANK_HOLIDAYS_FILE` at a copy of GOV.UK's bank-holidays.json,
 * its lists replace the embedded ones for every year the file covers (a new one-off holiday,
 * such as a coronation, needs no code change and no release).
 */
export function loadWorkingDayCalendars(options: { govUkFile?: string | undefined } = {}): WorkingDayCalendars {
  const official = options.govUkFile ? bankHolidaysFromGovUk(JSON.parse(readFileSync(options.govUkFile, 'utf8'))) : undefined;
  const calendars = {} as Record<HolidayDivision, WorkingDayCalendar>;
  for (const division of HOLIDAY_DIVISIONS) {
    let built: WorkingDayCalendar | undefined;
    // Expanding thirty years of rules takes tens of milliseconds a division: build on first use.
    Object.defineProperty(calendars, division, {
      enumerable: true,
      get() {
        const embedded = () => bankHolidaysFromDateHolidays({ division, ...HOLIDAY_YEARS });
        built ??= new WorkingDayCalendar(official ? mergeTables(embedded(), official[division]) : embedded());
        return built;
      },
    });
  }
  return Object.freeze(calendars);
}

/** The official table wins for the years it covers; the embedded one fills the rest. */
function mergeTables(embedded: BankHolidayTable, official: BankHolidayTable): BankHolidayTable {
  const coveredByOfficial = (date: string) => {
    const year = Number(date.slice(0, 4));
    return year >= official.firstYear && year <= official.lastYear;
  };
  return {
    division: embedded.division,
    firstYear: Math.min(embedded.firstYear, official.firstYear),
    lastYear: Math.max(embedded.lastYear, official.lastYear),
    holidays: [...embedded.holidays.filter((holiday) => !coveredByOfficial(holiday.date)), ...official.holidays],
  };
}
