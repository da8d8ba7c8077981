import { Temporal } from 'temporal-polyfill';
import { type CivilDate, parseCivilDate } from './civil-date';
import { InvalidInputError, OutsideHolidayDataError, said } from './errors';
import type { HolidayDivision } from './nation';

/** One bank holiday as published (substitute days are their own entries). */
export interface BankHoliday {
  readonly date: string;
  readonly title: string;
}

/**
 * The bank holidays of one division for a run of whole years. The data comes from outside the
 * domain (a maintained holiday source, or GOV.UK's published list), so it can be refreshed
 * without a code change; the years it covers are explicit so nothing is guessed beyond them.
 */
export interface BankHolidayTable {
  readonly division: HolidayDivision;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly holidays: readonly BankHoliday[];
}

const SATURDAY = 6;

/** A compact key for a civil date that needs no string building. */
function dateKey(year: number, month: number, day: number): number {
  return year * 512 + month * 32 + day;
}

/** What deadline rules need from a working-day calendar. */
export interface WorkingDays {
  isWorkingDay(date: CivilDate): boolean;
  addWorkingDays(date: CivilDate, days: number): CivilDate;
  workingDaysBetween(from: CivilDate, to: CivilDate): number;
  /** Calendar days after `date` (negative: before). Weeks are seven of these. */
  addDays(date: CivilDate, days: number): CivilDate;
  /** Calendar days from `from` to `to` (negative when `to` is earlier). */
  daysBetween(from: CivilDate, to: CivilDate): number;
  /** The same day `months` later (or earlier), the month's last day when it has no such day (31 January + 1 month = 28 or 29 February). */
  addMonths(date: CivilDate, months: number): CivilDate;
}

/**
 * Working days in one bank holiday division: Monday to Friday, minus that division's bank
 * holidays (substitute days included). Built once per division; every query afterwards is an
 * array lookup, so computing a whole authority's deadlines stays cheap.
 */
export class WorkingDayCalendar implements WorkingDays {
  readonly division: HolidayDivision;
  readonly firstYear: number;
  readonly lastYear: number;
  private readonly serialByKey = new Map<number, number>();
  /** Dates this calendar handed out (or was asked about) remember their place: no getters, no key. */
  private readonly serialByDate = new WeakMap<CivilDate, number>();
  private readonly keyBySerial: Int32Array;
  private readonly working: Uint8Array;
  private readonly dates: (CivilDate | undefined)[];
  private readonly holidayTitles = new Map<number, string>();

  constructor(table: BankHolidayTable) {
    if (table.lastYear < table.firstYear) {
      throw new InvalidInputError(`holiday data for ${table.division} covers no years`, { said: said('refusals.holidays.noYears', { division: table.division }) });
    }
    this.division = table.division;
    this.firstYear = table.firstYear;
    this.lastYear = table.lastYear;
    for (const holiday of table.holidays) {
      const date = parseCivilDate(holiday.date, `bank holiday date (${table.division})`);
      this.holidayTitles.set(dateKey(date.year, date.month, date.day), holiday.title);
    }
    const first = Temporal.PlainDate.from({ year: table.firstYear, month: 1, day: 1 });
    const dayCount = first.until({ year: table.lastYear + 1, month: 1, day: 1 }, { largestUnit: 'days' }).days;
    this.keyBySerial = new Int32Array(dayCount);
    this.working = new Uint8Array(dayCount);
    this.dates = new Array<CivilDate | undefined>(dayCount);
    let serial = 0;
    let dayOfWeek = first.dayOfWeek;
    for (let year = table.firstYear; year <= table.lastYear; year++) {
      for (let month = 1; month <= 12; month++) {
        const daysInMonth = Temporal.PlainYearMonth.from({ year, month }).daysInMonth;
        for (let day = 1; day <= daysInMonth; day++) {
          const key = dateKey(year, month, day);
          this.serialByKey.set(key, serial);
          this.keyBySerial[serial] = key;
          this.working[serial] = dayOfWeek < SATURDAY && !this.holidayTitles.has(key) ? 1 : 0;
          serial++;
          dayOfWeek = (dayOfWeek % 7) + 1;
        }
      }
    }
  }

  /** True on a weekday that is not a bank holiday in this division. */
  isWorkingDay(date: CivilDate): boolean {
    return this.working[this.serialOf(date)] === 1;
  }

  /**
   * Calendar-day steps use the same index as working days: Temporal built the index, so a step
   * is an array lookup instead of a new Temporal object (the obligations benchmark needs this).
   */
  addDays(date: CivilDate, days: number): CivilDate {
    const serial = this.serialOf(date) + days;
    if (!Number.isInteger(days) || serial < 0 || serial >= this.working.length) {
      return Number.isInteger(days) ? date.add({ days }) : this.fractional(days);
    }
    return this.dateAt(serial);
  }

  daysBetween(from: CivilDate, to: CivilDate): number {
    return this.serialOf(to) - this.serialOf(from);
  }

  /** Months are counted on the index too: the key of the same day that many months on, clamped to the month's length as Temporal does. */
  addMonths(date: CivilDate, months: number): CivilDate {
    const monthIndex = date.year * 12 + (date.month - 1) + months;
    const year = Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    for (let day = date.day; day >= 28; day--) {
      const serial = this.serialByKey.get(dateKey(year, month, day));
      if (serial !== undefined) return this.dateAt(serial);
    }
    const serial = this.serialByKey.get(dateKey(year, month, date.day));
    return serial === undefined || !Number.isInteger(months) ? date.add({ months }) : this.dateAt(serial);
  }

  /** The bank holiday's title on that date, if it is one. */
  bankHolidayOn(date: CivilDate): string | undefined {
    this.serialOf(date);
    return this.holidayTitles.get(dateKey(date.year, date.month, date.day));
  }

  /**
   * "Within N working days of D": the Nth working day after D (D itself never counts). A negative
   * N gives the Nth working day before D; zero gives D.
   */
  addWorkingDays(date: CivilDate, days: number): CivilDate {
    if (!Number.isInteger(days)) this.fractional(days);
    let serial = this.serialOf(date);
    const step = days < 0 ? -1 : 1;
    let remaining = Math.abs(days);
    while (remaining > 0) {
      serial += step;
      if (serial < 0 || serial >= this.working.length) throw this.outside(date);
      if (this.working[serial] === 1) remaining--;
    }
    return this.dateAt(serial);
  }

  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  workingDaysBetween(from: CivilDate, to: CivilDate): number {
    const start = this.serialOf(from);
    const end = this.serialOf(to);
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let count = 0;
    for (let serial = low + 1; serial <= high; serial++) count += this.working[serial] ?? 0;
    return sign * count;
  }

  /** The bank holidays falling on weekdays in a year (the days that actually stop work). */
  bankHolidaysIn(year: number): { date: CivilDate; title: string }[] {
    if (year < this.firstYear || year > this.lastYear) {
      throw new OutsideHolidayDataError(`bank holiday data for ${this.division} covers ${this.firstYear}–${this.lastYear}, not ${year}`, { said: said('refusals.holidays.notYear', { division: this.division, first: this.firstYear, last: this.lastYear, year }) });
    }
    const result: { date: CivilDate; title: string }[] = [];
    for (const [key, title] of this.holidayTitles) {
      if (Math.floor(key / 512) !== year) continue;
      const serial = this.serialByKey.get(key);
      if (serial === undefined) continue;
      const date = this.dateAt(serial);
      if (date.dayOfWeek < SATURDAY) result.push({ date, title });
    }
    return result.sort((a, b) => Temporal.PlainDate.compare(a.date, b.date));
  }

  private serialOf(date: CivilDate): number {
    const known = this.serialByDate.get(date);
    if (known !== undefined) return known;
    const serial = this.serialByKey.get(dateKey(date.year, date.month, date.day));
    if (serial === undefined) throw this.outside(date);
    this.serialByDate.set(date, serial);
    return serial;
  }

  private fractional(days: number): never {
    throw new InvalidInputError(`days must be a whole number, got ${days}`, { said: said('refusals.holidays.wholeDays', { days }) });
  }

  private dateAt(serial: number): CivilDate {
    const cached = this.dates[serial];
    if (cached) return cached;
    const key = this.keyBySerial[serial] ?? 0;
    const date = Temporal.PlainDate.from({ year: Math.floor(key / 512), month: Math.floor(key / 32) % 16, day: key % 32 });
    this.dates[serial] = date;
    this.serialByDate.set(date, serial);
    return date;
  }

  private outside(date: CivilDate): OutsideHolidayDataError {
    return new OutsideHolidayDataError(
      `bank holiday data for ${this.division} covers ${this.firstYear}–${this.lastYear}; ${date.toString()} needs data beyond that`,
      { said: said('refusals.holidays.beyond', { division: this.division, first: this.firstYear, last: this.lastYear, date: date.toString() }) },
    );
  }
}

/** The working-day calendars of every division, looked up by division. */
export type WorkingDayCalendars = Readonly<Record<HolidayDivision, WorkingDayCalendar>>;
