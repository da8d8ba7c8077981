import { type CivilDate, compareDates } from './civil-date';
import type { MeetingStatus } from './meeting';
import { type Period, type PlanStart, type PolicyProfile, type RuleSource, type TimedRule, dateAfter, describePeriod, startingRules } from './policy';
import type { WorkingDays } from './working-days';

/** What a review conference decided about the plan: it continues, it ends, or the category of abuse changed (the plan continues). */
export type ReviewOutcome = 'continue' | 'end' | 'category-changed';

/** A review conference as the rules see it: booked, held (with its outcome) or cancelled. */
export interface TimelineReview {
  readonly id: string;
  readonly date: CivilDate;
  readonly status: MeetingStatus;
  readonly outcome?: ReviewOutcome | undefined;
  /** The next review date the conference set, when it set one (never later than the profile allows). */
  readonly nextReviewOn?: CivilDate | undefined;
}

/** What happened on a case, as far as deadlines are concerned. */
export interface CaseTimeline {
  /** The day of the conference that started the plan here: the ICPC, or the transfer-in conference (`start`). */
  readonly icpcDate: CivilDate;
  /** An ICPC unless said otherwise; a case that transferred in runs from its transfer-in conference under the profile's transfer-in rules. */
  readonly start?: PlanStart | undefined;
  /** The day the plan ended other than at a review (a transfer out, say); a review that ended it says so itself. */
  readonly planEndedOn?: CivilDate | undefined;
  readonly meetings: readonly { readonly id: string; readonly date: CivilDate; readonly status: MeetingStatus }[];
  readonly reviewConferences: readonly TimelineReview[];
  /** Minutes, plan and CP9 sent out after a meeting, with the date everyone had them. */
  readonly circulations: readonly { readonly meetingId: string; readonly kind: 'minutes' | 'plan' | 'cp9'; readonly on: CivilDate }[];
  /** Written reports each agency brings to the final core group before a review conference (seed 004). */
  readonly agencyReports: readonly { readonly reviewConferenceId: string; readonly agency: string; readonly on: CivilDate }[];
  /** The agencies expected to report before a review conference. */
  readonly agencies: readonly string[];
}

export type ObligationStatus = 'met' | 'due' | 'at-risk' | 'overdue';

/** What kind of deadline an obligation is; each rule is still its own obligation (its id and rule text say which). */
export type ObligationKind = 'first-core-group' | 'core-group' | 'review-conference' | 'minutes-circulation' | 'plan-circulation' | 'cp9' | 'agency-report';

export const OBLIGATION_KINDS: readonly ObligationKind[] = ['first-core-group', 'core-group', 'review-conference', 'minutes-circulation', 'plan-circulation', 'cp9', 'agency-report'];

/** The day a case's plan ended: the day it was ended outright, or the first held review conference that ended it. */
export function planEndOf(timeline: Pick<CaseTimeline, 'planEndedOn' | 'reviewConferences'>): CivilDate | undefined {
  const ending = timeline.reviewConferences.filter((review) => review.status === 'held' && review.outcome === 'end').map((review) => review.date);
  return [timeline.planEndedOn, ...ending].filter((date): date is CivilDate => date !== undefined).sort(compareDates)[0];
}

/**
 * A deadline's rule as data, so a card can say it in the reader's language (`rule` is its English):
 * which rule, and the period, conference, number or agency its words name.
 */
export type RuleWording =
  | { readonly rule: 'first-core-group' | 'first-review-conference'; readonly period: Period; readonly start: PlanStart }
  | { readonly rule: 'next-core-group' | 'core-group-after-review' | 'next-review-conference' | 'next-review-conference-set' | 'minutes-circulation' | 'plan-circulation' | 'cp9'; readonly period: Period }
  | { readonly rule: 'meetings-before-first-review'; readonly minimum: number }
  | { readonly rule: 'agency-report-at-final-core-group'; readonly agency: string }
  | { readonly rule: 'agency-report-before-review'; readonly agency: string; readonly workingDays: number };

/** One deadline on a case, judged on a given day. */
export interface Obligation {
  readonly id: string;
  readonly kind: ObligationKind;
  readonly due: CivilDate;
  readonly status: ObligationStatus;
  /** Calendar days past the due date: how late it was met, or how overdue it is now. */
  readonly daysLate: number;
  readonly metOn?: CivilDate | undefined;
  /** The date something is booked for, when the obligation is still open. */
  readonly plannedOn?: CivilDate | undefined;
  readonly rule: string;
  /** The rule as data, for words other than `rule`'s English (absent on obligations made elsewhere than `computeObligations`). */
  readonly wording?: RuleWording | undefined;
  readonly source: RuleSource;
}

/** The id of an obligation that follows one meeting (its minutes, plan or CP9 going out). */
export function afterMeetingObligationId(kind: 'minutes-circulation' | 'plan-circulation' | 'cp9', meetingId: string): string {
  return `${kind}-${meetingId}`;
}

interface Judged {
  due: CivilDate;
  metOn?: CivilDate | undefined;
  plannedOn?: CivilDate | undefined;
}

/**
 * Every obligation a case has under a policy profile, judged as of a day: met (with how late),
 * due, at risk (booked after the deadline, or nothing booked and the deadline close), or overdue
 * (with days late). Only held meetings and reviews meet anything. Obligations falling after the
 * plan ended (outright, or at a review conference that ended it) are dropped unless they were met.
 */
export function computeObligations(options: {
  profile: PolicyProfile;
  calendar: WorkingDays;
  timeline: CaseTimeline;
  asOf: CivilDate;
  /** Open obligations with nothing booked become at risk this many working days before they fall due. */
  atRiskWithinWorkingDays?: number;
}): Obligation[] {
  const { profile, calendar, timeline, asOf } = options;
  const atRiskWithin = options.atRiskWithinWorkingDays ?? 3;
  const rules = profile.rules;
  // Compared through the calendar's day index: Temporal's compare is the engine's hottest call.
  const compareDates = (a: CivilDate, b: CivilDate) => calendar.daysBetween(b, a);
  const isBefore = (a: CivilDate, b: CivilDate) => compareDates(a, b) < 0;
  const isAfter = (a: CivilDate, b: CivilDate) => compareDates(a, b) > 0;
  const byDate = <T extends { date: CivilDate }>(items: readonly T[]) => [...items].sort((a, b) => compareDates(a.date, b.date));
  const meetings = byDate(timeline.meetings).filter((m) => !isBefore(m.date, timeline.icpcDate));
  const held = meetings.filter((m) => m.status === 'held');
  const scheduled = meetings.filter((m) => m.status === 'scheduled');
  const reviews = byDate(timeline.reviewConferences);
  const heldReviews = reviews.filter((r) => r.status === 'held');
  const firstHeldReview = heldReviews[0];
  const planEnded = planEndOf(timeline);
  const start = timeline.start ?? 'icpc';
  const starting = startingRules(profile, start);
  const obligations: Obligation[] = [];

  const judge = (id: string, kind: ObligationKind, rule: string, wording: RuleWording, source: RuleSource, facts: Judged): void => {
    if (!facts.metOn && planEnded && isAfter(facts.due, planEnded)) return;
    obligations.push({ id, kind, rule, wording, source, ...facts, ...status(facts) });
  };
  const status = (facts: Judged): { status: ObligationStatus; daysLate: number } => {
    if (facts.metOn) return { status: 'met', daysLate: Math.max(0, calendar.daysBetween(facts.due, facts.metOn)) };
    // Overdue counts days to today, or to the day the plan ended: after that nothing more was owed.
    if (isAfter(asOf, facts.due)) return { status: 'overdue', daysLate: calendar.daysBetween(facts.due, planEnded && isBefore(planEnded, asOf) ? planEnded : asOf) };
    if (facts.plannedOn) return { status: isAfter(facts.plannedOn, facts.due) ? 'at-risk' : 'due', daysLate: 0 };
    return { status: calendar.workingDaysBetween(asOf, facts.due) <= atRiskWithin ? 'at-risk' : 'due', daysLate: 0 };
  };
  // Each agency's report before one review conference: met on the day its first report came in.
  const judgeAgencyReports = (reviewConferenceId: string, due: CivilDate, when: string, wording: (agency: string) => RuleWording, source: RuleSource): void => {
    const reports = timeline.agencyReports.filter((r) => r.reviewConferenceId === reviewConferenceId);
    for (const agency of timeline.agencies) {
      const submitted = reports.filter((r) => r.agency === agency).map((r) => r.on).sort(compareDates)[0];
      judge(agencyReportObligationId(reviewConferenceId, agency), 'agency-report', `Written report from ${agency} ${when}`, wording(agency), source, { due, metOn: submitted });
    }
  };
  const firstOnOrAfter = <T extends { date: CivilDate }>(items: readonly T[], date: CivilDate) => items.find((item) => !isBefore(item.date, date));
  const firstAfter = <T extends { date: CivilDate }>(items: readonly T[], date: CivilDate) => items.find((item) => isAfter(item.date, date));
  const phrase = (rule: TimedRule, what: string, after: string) => `${what} within ${describePeriod(rule.period)} of ${after}`;

  judge('first-core-group', 'first-core-group', phrase(starting.firstCoreGroup, 'First core group', starting.conference), { rule: 'first-core-group', period: starting.firstCoreGroup.period, start }, starting.firstCoreGroup.source, {
    due: dateAfter(calendar, timeline.icpcDate, starting.firstCoreGroup.period),
    metOn: held[0]?.date,
    plannedOn: held[0] ? undefined : scheduled[0]?.date,
  });

  for (let index = 0; index < held.length; index++) {
    const previous = held[index]!;
    const afterReview = rules.frequencyAfterFirstReview && firstHeldReview && !isBefore(previous.date, firstHeldReview.date);
    const cadence = afterReview ? rules.frequencyAfterFirstReview! : rules.frequency;
    const next = held[index + 1];
    judge(`core-group-${index + 2}`, 'core-group', `Next core group within ${describePeriod(cadence.period)} of the last one held`, { rule: 'next-core-group', period: cadence.period }, cadence.source, {
      due: dateAfter(calendar, previous.date, cadence.period),
      metOn: next?.date,
      plannedOn: next ? undefined : firstAfter(scheduled, previous.date)?.date,
    });
  }

  const firstReviewDue = dateAfter(calendar, timeline.icpcDate, starting.firstReviewConference.period);
  const firstReview = reviews.find((r) => r.status !== 'cancelled');
  if (rules.meetingsBeforeFirstReview) {
    const { minimum, source } = rules.meetingsBeforeFirstReview;
    const reviewDate = firstReview?.date ?? firstReviewDue;
    const before = held.filter((m) => isBefore(m.date, reviewDate));
    judge('meetings-before-first-review', 'core-group', `At least ${minimum} core groups before the first review conference`, { rule: 'meetings-before-first-review', minimum }, source, {
      due: reviewDate,
      metOn: before.length >= minimum ? before[minimum - 1]!.date : undefined,
      plannedOn: before.length + scheduled.filter((m) => isBefore(m.date, reviewDate)).length >= minimum ? reviewDate : undefined,
    });
  }

  judge('first-review-conference', 'review-conference', phrase(starting.firstReviewConference, 'First review conference', starting.conference), { rule: 'first-review-conference', period: starting.firstReviewConference.period, start }, starting.firstReviewConference.source, {
    due: firstReviewDue,
    metOn: firstHeldReview?.date,
    plannedOn: firstHeldReview ? undefined : reviews.find((r) => r.status === 'scheduled')?.date,
  });
  heldReviews.forEach((review, index) => {
    const nextHeld = heldReviews[index + 1];
    const later = rules.laterReviewConferences;
    const rule = review.nextReviewOn ? `Next review conference by the date the last one set (at most ${describePeriod(later.period)} on)` : phrase(later, 'Next review conference', 'the last');
    const wording: RuleWording = { rule: review.nextReviewOn ? 'next-review-conference-set' : 'next-review-conference', period: later.period };
    judge(`review-conference-${index + 2}`, 'review-conference', rule, wording, later.source, {
      due: review.nextReviewOn ?? dateAfter(calendar, review.date, later.period),
      metOn: nextHeld?.date,
      plannedOn: nextHeld ? undefined : reviews.find((r) => r.status === 'scheduled' && isAfter(r.date, review.date))?.date,
    });
    if (rules.coreGroupAfterReview) {
      const rule = rules.coreGroupAfterReview;
      judge(`core-group-after-review-${review.id}`, 'core-group', phrase(rule, 'Core group', 'the review conference'), { rule: 'core-group-after-review', period: rule.period }, rule.source, {
        due: dateAfter(calendar, review.date, rule.period),
        metOn: firstOnOrAfter(held, review.date)?.date,
        plannedOn: firstOnOrAfter(scheduled, review.date)?.date,
      });
    }
  });

  const circulated = new Map(timeline.circulations.map((c) => [`${c.kind}:${c.meetingId}`, c.on]));
  const afterEachMeeting: ['minutes-circulation' | 'plan-circulation' | 'cp9', 'minutes' | 'plan' | 'cp9', TimedRule | undefined, string][] = [
    ['minutes-circulation', 'minutes', rules.minutesCirculation, 'Minutes to every member, present or absent,'],
    ['plan-circulation', 'plan', rules.planCirculation, 'Child protection plan to everyone present or invited'],
    ['cp9', 'cp9', rules.cp9ToCoordinator, 'CP9 to the Children Services co-ordinator'],
  ];
  for (const meeting of held) {
    for (const [kind, circulation, rule, what] of afterEachMeeting) {
      if (!rule) continue;
      judge(afterMeetingObligationId(kind, meeting.id), kind, phrase(rule, what, 'the meeting'), { rule: kind, period: rule.period }, rule.source, {
        due: dateAfter(calendar, meeting.date, rule.period),
        metOn: circulated.get(`${circulation}:${meeting.id}`),
      });
    }
  }

  if (rules.agencyReportsAtFinalCoreGroup) {
    const source = rules.agencyReportsAtFinalCoreGroup.source;
    const booked = meetings.filter((m) => m.status !== 'cancelled');
    const cadenceFrom = (date: CivilDate) => (rules.frequencyAfterFirstReview && firstHeldReview && !isBefore(date, firstHeldReview.date) ? rules.frequencyAfterFirstReview : rules.frequency);
    // When the final core group before a review falls: the last held or booked before it, or, when
    // the rhythm still asks for more before the review, the last day the last of those may be held.
    const finalCoreGroupBefore = (reviewDate: CivilDate): CivilDate => {
      const lastBooked = booked.filter((m) => isBefore(m.date, reviewDate)).at(-1)?.date;
      let final = lastBooked;
      let next = lastBooked ? dateAfter(calendar, lastBooked, cadenceFrom(lastBooked).period) : dateAfter(calendar, timeline.icpcDate, starting.firstCoreGroup.period);
      for (let step = 0; step < 60 && isBefore(next, reviewDate); step++) {
        final = next;
        next = dateAfter(calendar, next, cadenceFrom(next).period);
      }
      return final ?? calendar.addWorkingDays(reviewDate, -1);
    };
    for (const review of reviews.filter((r) => r.status !== 'cancelled')) {
      judgeAgencyReports(review.id, finalCoreGroupBefore(review.date), 'at the final core group before the review conference', (agency) => ({ rule: 'agency-report-at-final-core-group', agency }), source);
    }
  } else if (rules.agencyReportsBeforeReview) {
    const rule = rules.agencyReportsBeforeReview;
    for (const review of reviews.filter((r) => r.status !== 'cancelled')) {
      judgeAgencyReports(review.id, calendar.addWorkingDays(review.date, -rule.period.count), `${rule.period.count} working days before the review conference`, (agency) => ({ rule: 'agency-report-before-review', agency, workingDays: rule.period.count }), rule.source);
    }
  }

  return obligations.sort((a, b) => compareDates(a.due, b.due));
}

/** A core group due at the regular frequency after the last one held (not the first, nor one a rule ties to a review). */
export function isRegularCoreGroup(obligation: Pick<Obligation, 'id' | 'kind'>): boolean {
  return obligation.kind === 'core-group' && /^core-group-\d+$/.test(obligation.id);
}

/** The id of one agency's report before one review conference. */
export function agencyReportObligationId(reviewConferenceId: string, agency: string): string {
  return `agency-report-${reviewConferenceId}-${agency.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

const MEETING_KINDS: readonly ObligationKind[] = ['first-core-group', 'core-group'];

/** The deadlines the next booking must meet: the next core group meeting and the next review conference not yet met. */
export function nextDeadlines(obligations: readonly Obligation[]): { meeting?: Obligation | undefined; review?: Obligation | undefined } {
  const meeting = obligations.find((obligation) => MEETING_KINDS.includes(obligation.kind) && obligation.status !== 'met');
  const review = obligations.find((obligation) => obligation.kind === 'review-conference' && obligation.status !== 'met');
  return { meeting, review };
}

/** How pressing a case is: its obligations overdue or at risk (cases are listed most pressing first). */
export function pressingCount(obligations: readonly Obligation[]): number {
  return obligations.filter((obligation) => obligation.status === 'overdue' || obligation.status === 'at-risk').length;
}
