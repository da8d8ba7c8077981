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
  /** Its name in Welsh, for Welsh readers (a profile without one is named as `name` is written). */
  readonly welshName?: string | undefined;
  readonly nation: Nation;
  readonly source: { readonly title: string; readonly url?: string | undefined };
  readonly effectiveFrom: string;
  readonly notes: readonly string[];
  readonly rules: {
    readonly firstCoreGroup: TimedRule;
    /** For a case that transferred in from another area: its first core group after the transfer-in conference. */
    readonly firstCoreGroupAfterTransferIn?: TimedRule | undefined;
    readonly frequency: TimedRule;
    readonly frequencyAfterFirstReview?: TimedRule | undefined;
    readonly meetingsBeforeFirstReview?: { readonly minimum: number; readonly source: RuleSource } | undefined;
    readonly coreGroupAfterReview?: TimedRule | undefined;
    readonly planCirculation?: TimedRule | undefined;
    readonly minutesCirculation: TimedRule;
    readonly firstReviewConference: TimedRule;
    /** For a case that transferred in: its first review conference after the transfer-in conference. */
    readonly firstReviewAfterTransferIn?: TimedRule | undefined;
    readonly laterReviewConferences: TimedRule;
    readonly cp9ToCoordinator?: TimedRule | undefined;
    /** Seed 004: each agency brings a written report to the final core group before a review conference. */
    readonly agencyReportsAtFinalCoreGroup?: { readonly source: RuleSource } | undefined;
    /** Otherwise: each agency's written report a number of working days before each review conference (a profile's reading where the seeds set no day). */
    readonly agencyReportsBeforeReview?: TimedRule | undefined;
    readonly chair: ChairRule;
    /** How long each step of each escalation route has to respond before the concern climbs to the next. */
    readonly concernResponse: ConcernResponseRule;
  };
}

/** The escalation routes as a profile names them: the seeds' two families, the extra meeting request, and the minutes' significant disagreement. */
export const ESCALATION_ROUTE_NAMES = ['plan-not-working', 'group-not-working', 'extra-meeting', 'significant-disagreement'] as const;
export type EscalationRouteName = (typeof ESCALATION_ROUTE_NAMES)[number];

/** Working days each step of a route has to respond, first step first: the seeds set none, so this is the area's setting. */
export interface ConcernResponseRule {
  readonly workingDays: Readonly<Record<EscalationRouteName, readonly number[]>>;
  readonly source: RuleSource;
}

/** The conference that started the plan here: an ICPC, or a transfer-in conference for a case that moved from another area. */
export type PlanStart = 'icpc' | 'transfer-in';

/** What practitioners call the conference that started a plan. */
export const START_CONFERENCE_WORDS: Readonly<Record<PlanStart, string>> = { icpc: 'the ICPC', 'transfer-in': 'the transfer-in conference' };

/** The rules that run from the conference that started the plan here, and what that conference is called. */
export interface StartingRules {
  readonly conference: string;
  readonly firstCoreGroup: TimedRule;
  readonly firstReviewConference: TimedRule;
}

/**
 * The first core group and first review rules of a plan that started at an ICPC, or at a
 * transfer-in conference. A profile without transfer-in rules (one written before they existed)
 * lends its ICPC rules, marked unverified and saying so, rather than leave the case without deadlines.
 */
export function startingRules(profile: PolicyProfile, start: PlanStart): StartingRules {
  const { rules } = profile;
  const conference = START_CONFERENCE_WORDS[start];
  if (start === 'icpc') return { conference, firstCoreGroup: rules.firstCoreGroup, firstReviewConference: rules.firstReviewConference };
  const lent = (rule: TimedRule): TimedRule => ({ period: rule.period, source: { citation: `This profile sets no transfer-in timescale; the ICPC's is used: ${rule.source.citation}`, verified: false } });
  return {
    conference,
    firstCoreGroup: rules.firstCoreGroupAfterTransferIn ?? lent(rules.firstCoreGroup),
    firstReviewConference: rules.firstReviewAfterTransferIn ?? lent(rules.firstReviewConference),
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
