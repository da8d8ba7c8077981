import { Temporal } from 'temporal-polyfill';
import type { CivilDate } from '../src/domain/civil-date';
import { holidayDivisionOf } from '../src/domain/nation';
import { type CaseTimeline, computeObligations } from '../src/domain/obligations';
import type { PolicyProfile } from '../src/domain/policy';
import type { WorkingDays } from '../src/domain/working-days';
import { bankHolidaysFromDateHolidays } from '../src/holidays/bank-holidays.date-holidays';
import { HOLIDAY_YEARS, loadWorkingDayCalendars } from '../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../src/policies/policy-catalogue';
import { type BenchResult, timePerCall } from './harness';

const CORE_GROUPS = 10_000;
const AS_OF = Temporal.PlainDate.from('2026-11-22');

/**
 * The straightforward calendar a first version would write: every step a new Temporal object,
 * each date looked up in a set of ISO strings. Measured in the same run as the baseline.
 */
class DayByDayCalendar implements WorkingDays {
  private readonly holidays: Set<string>;
  constructor(holidays: readonly string[]) {
    this.holidays = new Set(holidays);
  }
  isWorkingDay(date: CivilDate): boolean {
    return date.dayOfWeek < 6 && !this.holidays.has(date.toString());
  }
  addWorkingDays(date: CivilDate, days: number): CivilDate {
    let current = date;
    let remaining = Math.abs(days);
    while (remaining > 0) {
      current = current.add({ days: Math.sign(days) });
      if (this.isWorkingDay(current)) remaining--;
    }
    return current;
  }
  addDays(date: CivilDate, days: number): CivilDate {
    return date.add({ days });
  }
  daysBetween(from: CivilDate, to: CivilDate): number {
    return from.until(to, { largestUnit: 'days' }).days;
  }
  addMonths(date: CivilDate, months: number): CivilDate {
    return date.add({ months });
  }
  workingDaysBetween(from: CivilDate, to: CivilDate): number {
    let count = 0;
    for (let day = from.add({ days: 1 }); Temporal.PlainDate.compare(day, to) <= 0; day = day.add({ days: 1 })) if (this.isWorkingDay(day)) count++;
    return count;
  }
}

/** A deterministic pseudo-random sequence, so every run measures the same authority. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * An authority's caseload: ICPCs over the last year, meetings roughly on rhythm, some late, some
 * cancelled; minutes, plan and CP9 mostly circulated; review conferences with agency reports, some
 * ending the plan.
 */
export function caseload(): { profile: PolicyProfile; timeline: CaseTimeline }[] {
  const profiles = loadPolicyCatalogue().all;
  const random = seeded(42);
  const cases: { profile: PolicyProfile; timeline: CaseTimeline }[] = [];
  for (let index = 0; index < CORE_GROUPS; index++) {
    const profile = profiles[index % profiles.length]!;
    const icpcDate = AS_OF.subtract({ days: 10 + Math.floor(random() * 350) });
    const meetings: { id: string; date: CivilDate; status: 'held' | 'cancelled' | 'scheduled' }[] = [];
    const circulations: CaseTimeline['circulations'][number][] = [];
    let date = icpcDate.add({ days: 7 + Math.floor(random() * 10) });
    while (Temporal.PlainDate.compare(date, AS_OF) < 0) {
      const id = `m${meetings.length}`;
      const status = random() < 0.08 ? 'cancelled' : 'held';
      meetings.push({ id, date, status });
      if (status === 'held') {
        for (const kind of ['minutes', 'plan', 'cp9'] as const) {
          if (random() < 0.85) circulations.push({ meetingId: id, kind, on: date.add({ days: 2 + Math.floor(random() * 8) }) });
        }
      }
      date = date.add({ days: 21 + Math.floor(random() * 21) });
    }
    meetings.push({ id: 'next', date, status: 'scheduled' });
    // Review conferences: the first about 3 months on, a second 6 months later; some end the plan.
    const reviewConferences: CaseTimeline['reviewConferences'][number][] = [];
    const agencyReports: CaseTimeline['agencyReports'][number][] = [];
    const agencies = ['health', 'school', 'police'];
    for (let reviewDate = icpcDate.add({ months: 3, days: Math.floor(random() * 10) }); reviewConferences.length < 3; reviewDate = reviewDate.add({ months: 6 })) {
      const id = `r${reviewConferences.length + 1}`;
      const held = Temporal.PlainDate.compare(reviewDate, AS_OF) < 0;
      const outcome = random() < 0.3 ? 'end' : 'continue';
      reviewConferences.push(held ? { id, date: reviewDate, status: 'held', outcome } : { id, date: reviewDate, status: 'scheduled' });
      for (const agency of agencies) if (random() < 0.8) agencyReports.push({ reviewConferenceId: id, agency, on: reviewDate.subtract({ days: 3 + Math.floor(random() * 20) }) });
      if (!held || outcome === 'end') break;
    }
    cases.push({ profile, timeline: { icpcDate, meetings, reviewConferences, circulations, agencyReports, agencies } });
  }
  return cases;
}

/** Obligations for 10,000 core groups: time per core group, against the day-by-day calendar. */
export function obligationsBenchmark(): BenchResult {
  const cases = caseload();
  const indexed = loadWorkingDayCalendars();
  const dayByDay = Object.fromEntries(
    (['england-and-wales', 'scotland', 'northern-ireland'] as const).map((division) => [
      division,
      new DayByDayCalendar(bankHolidaysFromDateHolidays({ division, ...HOLIDAY_YEARS }).holidays.map((holiday) => holiday.date)),
    ]),
  ) as unknown as Record<keyof typeof indexed, WorkingDays>;
  const computeAll = (calendars: Record<string, WorkingDays>) => () => {
    for (const { profile, timeline } of cases) {
      computeObligations({ profile, calendar: calendars[holidayDivisionOf(profile.nation)]!, timeline, asOf: AS_OF });
    }
  };
  computeAll(indexed)();
  const fresh = caseload();
  const coldStart = process.hrtime.bigint();
  for (const { profile, timeline } of fresh) computeObligations({ profile, calendar: indexed[holidayDivisionOf(profile.nation)], timeline, asOf: AS_OF });
  const coldPerCoreGroup = Number(process.hrtime.bigint() - coldStart) / 1000 / CORE_GROUPS;
  const perAuthorityUs = timePerCall(computeAll(indexed), { minMs: 3000, warmUpCalls: 2 });
  const baselineUs = timePerCall(computeAll(dayByDay), { minMs: 3000, warmUpCalls: 1 });
  const perCoreGroup = perAuthorityUs / CORE_GROUPS;
  const obligationCount = cases.reduce((sum, { profile, timeline }) => sum + computeObligations({ profile, calendar: indexed[holidayDivisionOf(profile.nation)], timeline, asOf: AS_OF }).length, 0);
  return {
    title: `Obligations for ${CORE_GROUPS.toLocaleString('en-GB')} core groups (${obligationCount.toLocaleString('en-GB')} obligations)`,
    figures: [
      { name: 'time per core group', value: perCoreGroup, unit: 'µs' },
      { name: 'time per core group, warm code, fresh rows', value: coldPerCoreGroup, unit: 'µs' },
      { name: 'whole authority', value: perAuthorityUs / 1000, unit: 'ms' },
      { name: 'baseline (day-by-day calendar): time per core group', value: baselineUs / CORE_GROUPS, unit: 'µs' },
      { name: 'speed-up over baseline', value: baselineUs / perAuthorityUs, unit: '×' },
    ],
    targets: [
      { description: '≤ 50 µs per core group', met: perCoreGroup <= 50 },
      { description: '≤ 50 µs per core group on fresh rows', met: coldPerCoreGroup <= 50 },
      { description: '≥ 20× the day-by-day baseline in the same run', met: baselineUs / perAuthorityUs >= 20 },
    ],
  };
}
