import { InvalidInputError } from '../domain/errors';
import { parseHolidayDivision } from '../domain/nation';
import type { WorkingDayCalendars } from '../domain/working-days';
import { type CliCommand, UsageError } from './cli-io';
import { dateFlag, parseFlags, required } from './options';

/** `coregroup working-days add`: the Nth working day after a date, for a nation. */
export function workingDaysCommand(calendars: () => WorkingDayCalendars): CliCommand {
  return {
    summary: 'the Nth working day after a date in a nation (bank holidays and weekends excluded)',
    usage: 'working-days add --nation <england|wales|england-and-wales|scotland|northern-ireland> --from YYYY-MM-DD --days N',
    async run(args, io) {
      const [verb, ...rest] = args;
      if (verb !== 'add') throw new UsageError(`unknown working-days action "${verb ?? ''}" (known: add)`);
      const flags = parseFlags(rest, { nation: { type: 'string' }, from: { type: 'string' }, days: { type: 'string' } });
      const division = parseHolidayDivision(required(flags.nation, 'nation'));
      const from = dateFlag(flags.from, 'from');
      const daysText = required(flags.days, 'days');
      if (!/^\d+$/.test(daysText)) throw new InvalidInputError(`--days must be a whole number of working days, 0 or more, got "${daysText}"`);
      io.out(calendars()[division].addWorkingDays(from, Number(daysText)).toString());
      return 0;
    },
  };
}
