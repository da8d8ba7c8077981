import { type CivilDate, isAfter, parseCivilDate } from '../../src/domain/civil-date';
import { type CaseHistoryEvent, timelineFromHistory } from '../../src/domain/case-history';
import { holidayDivisionOf } from '../../src/domain/nation';
import { type Obligation, computeObligations } from '../../src/domain/obligations';
import type { PolicyProfile } from '../../src/domain/policy';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';

const calendars = loadWorkingDayCalendars();
const ICPC = parseCivilDate('2026-01-05');
const AGENCIES = ['health', 'education', 'police'];

/**
 * A case whose core group meets every deadline on its last allowed day, from the ICPC through two
 * review conferences, the second ending the plan: each step satisfies the earliest open obligation
 * the engine reports, by the event a practitioner would record in the app.
 */
function diligentHistory(profile: PolicyProfile): CaseHistoryEvent[] {
  const calendar = calendars[holidayDivisionOf(profile.nation)];
  const events: CaseHistoryEvent[] = [];
  const open = (asOf: CivilDate) =>
    computeObligations({ profile, calendar, timeline: timelineFromHistory({ icpc: ICPC, agencies: AGENCIES, events }, asOf), asOf: ICPC }).filter((o) => o.status !== 'met');
  const meetingOf = (obligation: Obligation) => parseCivilDate(obligation.id.replace(/^.*core-group-(\d{4}-\d{2}-\d{2})$/, '$1'));
  let reviewsHeld = 0;
  for (let step = 0; step < 200; step++) {
    const next = open(parseCivilDate('2099-12-31'))[0];
    if (!next) return events;
    const on = next.due;
    switch (next.kind) {
      case 'first-core-group':
      case 'core-group':
        // "At least N before the first review" is met by holding one more on the day it falls due.
        events.push({ kind: 'core-group-held', on: next.id === 'meetings-before-first-review' ? calendar.addWorkingDays(on, -1) : on });
        break;
      case 'minutes-circulation':
        events.push({ kind: 'minutes-circulated', meeting: meetingOf(next), on });
        break;
      case 'plan-circulation':
        events.push({ kind: 'plan-circulated', meeting: meetingOf(next), on });
        break;
      case 'cp9':
        events.push({ kind: 'cp9-sent', meeting: meetingOf(next), on });
        break;
      case 'agency-report':
        events.push({ kind: 'agency-report-submitted', agency: AGENCIES.find((agency) => next.id.endsWith(agency))!, on });
        break;
      case 'review-conference':
        // Booked ahead first, so agency reports are asked for; then held on the day.
        if (profile.rules.agencyReportsAtFinalCoreGroup && !events.some((e) => e.kind === 'review-conference-booked' && e.on.equals(on))) {
          events.push({ kind: 'review-conference-booked', on });
          break;
        }
        reviewsHeld += 1;
        events.push({ kind: 'review-conference-held', on, outcome: reviewsHeld === 2 ? 'end' : 'continue' });
        break;
    }
  }
  throw new Error(`${profile.id}: the case never settled`);
}

describe('a case followed from the ICPC through two review conferences to the end of its plan', () => {
  test.each(loadPolicyCatalogue().all.map((profile) => [profile.id, profile] as const))('%s: every deadline met on its last day shows nothing overdue on any date', (_id, profile) => {
    const calendar = calendars[holidayDivisionOf(profile.nation)];
    const events = diligentHistory(profile);
    const reviews = events.filter((event) => event.kind === 'review-conference-held');
    expect(reviews.map((review) => review.kind === 'review-conference-held' && review.outcome)).toEqual(['continue', 'end']);
    const ended = reviews[1]!.on;
    const falselyOverdue: string[] = [];
    for (let day = ICPC; !isAfter(day, ended.add({ days: 60 })); day = day.add({ days: 1 })) {
      const obligations = computeObligations({ profile, calendar, timeline: timelineFromHistory({ icpc: ICPC, agencies: AGENCIES, events }, day), asOf: day });
      for (const obligation of obligations) {
        if (obligation.status === 'overdue') falselyOverdue.push(`${day.toString()}: ${obligation.id}`);
        if (!isAfter(ended, day) && isAfter(obligation.due, ended) && obligation.status !== 'met') falselyOverdue.push(`${day.toString()}: ${obligation.id} after the plan ended`);
      }
      if (day.equals(ended.add({ days: 60 }))) {
        expect(obligations.every((obligation) => obligation.status === 'met' && obligation.daysLate === 0)).toBe(true);
        expect(obligations.filter((o) => o.kind === 'review-conference')).toHaveLength(2);
        expect(obligations.some((o) => o.id.startsWith('core-group-after-review-'))).toBe(Boolean(profile.rules.coreGroupAfterReview));
      }
    }
    expect(falselyOverdue).toEqual([]);
  });

  test('after the plan ends, a deadline missed before it stays overdue by the days up to the end, not to today', () => {
    const profile = loadPolicyCatalogue().get('england');
    const events: CaseHistoryEvent[] = [
      { kind: 'core-group-held', on: parseCivilDate('2026-01-16') },
      { kind: 'plan-ended', on: parseCivilDate('2026-03-02') },
    ];
    const asOf = parseCivilDate('2026-06-01');
    const obligations = computeObligations({ profile, calendar: calendars['england-and-wales'], timeline: timelineFromHistory({ icpc: ICPC, events }, asOf), asOf });
    expect(obligations.find((o) => o.id === 'core-group-2')).toMatchObject({ status: 'overdue', daysLate: 17 });
    expect(obligations.filter((o) => o.status !== 'met').map((o) => o.id)).toEqual(['minutes-circulation-core-group-2026-01-16', 'core-group-2']);
  });
});
