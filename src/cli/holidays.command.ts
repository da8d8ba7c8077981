import { parseHolidayDivision } from '../domain/nation';
import type { WorkingDayCalendars } from '../domain/working-days';
import { InvalidInputError } from '../domain/errors';
import type { CliCommand } from './cli-io';
import { parseFlags, required } from './options';

/** `coregroup holidays`: the bank holidays the working-day rules use, to check against GOV.UK. */
export function holidaysCommand(calendars: () => WorkingDayCalendars): CliCommand {
  return {
    summary: 'list the weekday bank holidays of a nation in a year',
    usage: 'holidays --nation <nation> --year YYYY',
    async run(args, io) {
      const flags = parseFlags(args, { nation: { type: 'string' }, year: { type: 'string' } });
      const division = parseHolidayDivision(required(flags.nation, 'nation'));
      const yearText = required(flags.year, 'year');
      if (!/^\d{4}$/.test(yearText)) throw new InvalidInputError(`--year must be a four-digit year, got "${yearText}"`);
      for (const holiday of calendars()[division].bankHolidaysIn(Number(yearText))) io.out(`${holiday.date.toString()}  ${holiday.title}`);
      return 0;
    },
  };
}
