import Holidays from 'date-holidays';
import type { BankHoliday, BankHolidayTable } from '../domain/working-days';
import type { HolidayDivision } from '../domain/nation';

/** date-holidays names the UK divisions by ISO 3166-2 region. */
const REGION: Record<HolidayDivision, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

/**
 * Bank holidays from the `date-holidays` package (maintained rules, substitute days included).
 * It lists a weekend holiday and its substitute both, and its `start` is a UTC instant, so only
 * the civil `date` and the public/bank types are taken (see PLATFORM-NOTES.md).
 */
export function bankHolidaysFromDateHolidays(options: {
  division: HolidayDivision;
  firstYear: number;
  lastYear: number;
}): BankHolidayTable {
  const rules = new Holidays('GB', REGION[options.division]);
  const holidays: BankHoliday[] = [];
  for (let year = options.firstYear; year <= options.lastYear; year++) {
    for (const holiday of rules.getHolidays(year)) {
      if (holiday.type !== 'public' && holiday.type !== 'bank') continue;
      holidays.push({ date: holiday.date.slice(0, 10), title: holiday.name });
    }
  }
  return { division: options.division, firstYear: options.firstYear, lastYear: options.lastYear, holidays };
}
