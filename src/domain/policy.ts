import type { CivilDate } from './civil-date';
import type { Nation } from './nation';
import type { WorkingDays } from './working-days';

/** A length of time as procedures write it: "10 working days", "4 weeks", "3 months". */
export interface Period {
  readonly count: number;
  readonly unit: 'working-days' | 'calendar-days' | 'weeks' | 'months';
}

/** Where a rule comes from, and whether its value was checked against that source. */
export interface RuleSource {
  readonly citation: string;
  readonly verified: boolean;
}

/** A timescale rule: its period and where it comes from. */
export interface TimedRule {
  readonly period: Period;
  readonly source: RuleSource;
}

/** The roles a profile may name as chair: a member's standing role, the lead social worker's manager, the key worker, or a nominee. */
export type ChairRole = 'lead-social-worker' | 'team-manager' | 'key-worker' | 'nominee' | 'lead-social-workers-manager';

/** Who may chair a core group meeting, by stage (seed 003 and seed 002 differ). */
export interface ChairRule {
  readonly firstMeeting: readonly ChairRole[];
  readonly laterMeetings: readonly ChairRole[];
  readonly source: RuleSource;
}

/**
 * A policy profile: one area's or nation's timescales for core groups, as data. Timescales
 * differ between areas and nations, so the engine reads them from a profile rather than code.
 */
export interface PolicyProfile {
  readonly id: string;
  readonly name: string;
  readonly nation: Nation;
  readonly source: { readonly title: string; readonly url?: string | undefined };
  readonly effectiveFrom: string;
  readonly notes: readonly string[];
  readonly rules: {
    readonly firstCoreGroup: TimedRule;
    readonly frequency: TimedRule;
    readonly frequencyAfterFirstReview?: TimedRule | undefined;
    readonly meetingsBeforeFirstReview?: { readonly minimum: number; readonly source: RuleSource } | undefined;
    readonly coreGroupAfterReview?: TimedRule | undefined;
    readonly planCirculation?: TimedRule | undefined;
    readonly minutesCirculation: TimedRule;
    readonly firstReviewConference: TimedRule;
    readonly laterReviewConferences: TimedRule;
    readonly cp9ToCoordinator?: TimedRule | undefined;
    /** Seed 004: each agency brings a written report to the final core group before a review conference. */
    readonly agencyReportsAtFinalCoreGroup?: { readonly source: RuleSource } | undefined;
    readonly chair: ChairRule;
  };
}

/** Says a period the way a practitioner would read it. */
export function describePeriod(period: Period): string {
  const unit = {
    'working-days': 'working day',
    'calendar-days': 'day',
    weeks: 'week',
    months: 'month',
  }[period.unit];
  return `${period.count} ${unit}${period.count === 1 ? '' : 's'}`;
}

/**
 * The date a period after `date` ends on. Working days count in the given calendar; a date
 * counted in weeks or months that falls on a weekend or a bank holiday moves to the working day
 * before (a deadline never moves later).
 */
export function dateAfter(calendar: WorkingDays, date: CivilDate, period: Period): CivilDate {
  switch (period.unit) {
    case 'working-days':
      return calendar.addWorkingDays(date, period.count);
    case 'calendar-days':
      return calendar.addDays(date, period.count);
    case 'weeks':
      return workingDayOnOrBefore(calendar, calendar.addDays(date, 7 * period.count));
    case 'months':
      return workingDayOnOrBefore(calendar, calendar.addMonths(date, period.count));
  }
}

/** The date itself when it is a working day, otherwise the working day before it. */
export function workingDayOnOrBefore(calendar: WorkingDays, date: CivilDate): CivilDate {
  return calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, -1);
}
