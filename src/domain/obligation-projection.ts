import { type CivilDate, compareDates, isBefore } from './civil-date';
import { type CaseTimeline, type Obligation, computeObligations, isRegularCoreGroup } from './obligations';
import type { PolicyProfile } from './policy';
import type { WorkingDays } from './working-days';

/**
 * The statutory rhythm a new case will follow if every core group is held on its last allowed
 * day: the first core group, each meeting up to the first review conference, each circulation
 * deadline and the review itself. Used to show a lead social worker the calendar ahead of them
 * straight after the ICPC; it runs the same engine as `computeObligations`, so the two agree.
 */
export function projectObligations(options: { profile: PolicyProfile; calendar: WorkingDays; icpcDate: CivilDate }): Obligation[] {
  const { profile, calendar, icpcDate } = options;
  const meetings: { id: string; date: CivilDate; status: 'held' }[] = [];
  const timelineWith = (review: 'none' | 'held'): CaseTimeline => ({
    icpcDate,
    meetings,
    reviewConferences: review === 'held' ? [{ id: 'review-1', date: firstReviewDue, status: 'held' }] : [],
    circulations: [],
    agencyReports: [],
    agencies: [],
  });
  const run = (review: 'none' | 'held') => computeObligations({ profile, calendar, timeline: timelineWith(review), asOf: icpcDate });
  const firstReviewDue = run('none').find((o) => o.id === 'first-review-conference')!.due;

  for (;;) {
    const open = run('none').find((o) => (o.kind === 'first-core-group' || isRegularCoreGroup(o)) && o.status !== 'met');
    if (!open || !isBefore(open.due, firstReviewDue)) break;
    meetings.push({ id: `meeting-${meetings.length + 1}`, date: open.due, status: 'held' });
  }
  const projected = run('none').filter((o) => !isRegularCoreGroup(o) || isBefore(o.due, firstReviewDue));
  const afterReview = run('held').filter((o) => o.id.startsWith('core-group-after-review-') || o.id === 'review-conference-2');
  return [...projected.map(asProjected), ...afterReview.map(asProjected)].sort((a, b) => compareDates(a.due, b.due));
}

/** A projected obligation is a deadline ahead, not a judgement: it is always "due". */
function asProjected(obligation: Obligation): Obligation {
  return { ...obligation, status: 'due', daysLate: 0, metOn: undefined, plannedOn: undefined };
}
