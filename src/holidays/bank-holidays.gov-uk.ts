import { z } from 'zod';
import type { BankHoliday, BankHolidayTable } from '../domain/working-days';
import { HOLIDAY_DIVISIONS, type HolidayDivision } from '../domain/nation';

const divisionSchema = z.object({
  division: z.enum(HOLIDAY_DIVISIONS),
  events: z.array(z.object({ title: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })).min(1),
});

/** The shape of https://www.gov.uk/bank-holidays.json, the official list for each division. */
export const govUkBankHolidaysSchema = z.object({
  'england-and-wales': divisionSchema,
  scotland: divisionSchema,
  'northern-ireland': divisionSchema,
});

/**
 * Reads GOV.UK's published bank holidays (already parsed from JSON) into one table per division,
 * covering the whole years the file lists. Throws a zod error naming the bad field.
 */
export function bankHolidaysFromGovUk(json: unknown): Record<HolidayDivision, BankHolidayTable> {
  const parsed = govUkBankHolidaysSchema.parse(json);
  const tables = {} as Record<HolidayDivision, BankHolidayTable>;
  for (const division of HOLIDAY_DIVISIONS) {
    const holidays: BankHoliday[] = parsed[division].events.map((event) => ({ date: event.date, title: event.title }));
    const years = holidays.map((holiday) => Number(holiday.date.slice(0, 4)));
    tables[division] = { division, firstYear: Math.min(...years), lastYear: Math.max(...years), holidays };
  }
  return tables;
}
