import { type CivilDate, compareDates, isAfter, isBefore } from './civil-date';
import { InvalidInputError, said } from './errors';
import { type CaseTimeline, type TimelineReview, planEndOf } from './obligations';
import { type PlanStart, START_CONFERENCE_WORDS } from './policy';

/** One thing that happened on a case, as an administrator writes it down to check a profile. */
export type CaseHistoryEvent =
  | { readonly kind: 'core-group-booked' | 'core-group-held' | 'core-group-cancelled'; readonly on: CivilDate }
  | { readonly kind: 'minutes-circulated' | 'plan-circulated' | 'cp9-sent'; readonly meeting: CivilDate; readonly on: CivilDate }
  | { readonly kind: 'agency-report-submitted'; readonly agency: string; readonly on: CivilDate }
  | { readonly kind: 'review-conference-booked'; readonly on: CivilDate }
  | { readonly kind: 'review-conference-held'; readonly on: CivilDate; readonly outcome: 'continue' | 'end' }
  | { readonly kind: 'plan-ended'; readonly on: CivilDate };

const CIRCULATED = { 'minutes-circulated': 'minutes', 'plan-circulated': 'plan', 'cp9-sent': 'cp9' } as const;

/** An event the history cannot hold, named by its place in the file (1-based) and what it says. */
export class CaseHistoryError extends InvalidInputError {}

const isBooking = (event: CaseHistoryEvent) => event.kind === 'core-group-booked' || event.kind === 'review-conference-booked';

/** `icpc`: the day of the conference that started the plan — the ICPC, or the transfer-in conference when `start` says so. */
type CaseHistory = { icpc: CivilDate; start?: PlanStart | undefined; agencies?: readonly string[] | undefined; events: readonly CaseHistoryEvent[] };

/**
 * The case timeline a history of events describes, as it stood at the end of `asOf`: events
 * after it had not happened yet, except bookings, whose date is the day booked for (and a review
 * conference held later, which was booked by then). Refuses the whole history, naming the first bad event, for an
 * event dated before the ICPC (or the transfer-in conference) or after the plan ended, a circulation for a meeting that was not
 * held, a report with no review conference to go to, or two outcomes for one day's meeting.
 */
export function timelineFromHistory(history: CaseHistory, asOf: CivilDate): CaseTimeline {
  const all = history.events.map((event, index) => ({ event, index }));
  timelineOf(history, all);
  // A review conference is always set in advance: one held after `asOf` was booked by then.
  const asItStood = all.map(({ event, index }) => ({ index, event: event.kind === 'review-conference-held' && isAfter(event.on, asOf) ? { kind: 'review-conference-booked' as const, on: event.on } : event }));
  return timelineOf(
    history,
    asItStood.filter(({ event }) => isBooking(event) || !isAfter(event.on, asOf)),
  );
}

/** What is wrong with an event: in English, and its catalogue entry (`refusals.caseHistory.*`) with the dates it names. */
interface Problem {
  readonly words: string;
  readonly key: string;
  readonly values?: Readonly<Record<string, string>>;
}

function timelineOf(history: CaseHistory, happened: readonly { event: CaseHistoryEvent; index: number }[]): CaseTimeline {
  const named = (index: number, event: CaseHistoryEvent, problem: Problem) =>
    new CaseHistoryError(`event ${index + 1} (${event.kind} on ${event.on.toString()}): ${problem.words}`, {
      said: said(`refusals.caseHistory.${problem.key}`, { number: index + 1, kind: event.kind, on: event.on.toString(), ...problem.values }),
    });
  const meetings = new Map<string, { id: string; date: CivilDate; status: 'scheduled' | 'held' | 'cancelled' }>();
  const reviews = new Map<string, TimelineReview>();
  let planEndedOn: CivilDate | undefined;
  const start = history.start ?? 'icpc';

  for (const { event, index } of happened) {
    if (isBefore(event.on, history.icpc)) throw named(index, event, { words: `is before ${START_CONFERENCE_WORDS[start]} (${history.icpc.toString()})`, key: `beforeStart.${start}`, values: { startedOn: history.icpc.toString() } });
    const key = event.on.toString();
    const clash = (kept: { status: string } | undefined, status: string) => kept && kept.status !== 'scheduled' && kept.status !== status;
    switch (event.kind) {
      case 'core-group-booked':
      case 'core-group-held':
      case 'core-group-cancelled': {
        const status = event.kind === 'core-group-held' ? 'held' : event.kind === 'core-group-cancelled' ? 'cancelled' : 'scheduled';
        const kept = meetings.get(key);
        if (clash(kept, status)) throw named(index, event, { words: `the core group that day is already recorded as ${kept!.status}`, key: `alreadyRecorded.${kept!.status}` });
        if (status !== 'scheduled' || !meetings.has(key)) meetings.set(key, { id: `core-group-${key}`, date: event.on, status });
        break;
      }
      case 'review-conference-booked':
      case 'review-conference-held': {
        const kept = reviews.get(key);
        if (event.kind === 'review-conference-held') {
          if (kept?.status === 'held') throw named(index, event, { words: 'that review conference is already recorded as held', key: 'reviewAlreadyHeld' });
          reviews.set(key, { id: `review-${key}`, date: event.on, status: 'held', outcome: event.outcome });
        } else if (!kept) reviews.set(key, { id: `review-${key}`, date: event.on, status: 'scheduled' });
        break;
      }
      case 'plan-ended':
        planEndedOn = planEndedOn && isBefore(planEndedOn, event.on) ? planEndedOn : event.on;
        break;
      default:
        break;
    }
  }

  const ended = planEndOf({ planEndedOn, reviewConferences: [...reviews.values()] });
  const reviewsByDate = [...reviews.values()].filter((review) => review.status !== 'cancelled').sort((a, b) => compareDates(a.date, b.date));
  const circulations: CaseTimeline['circulations'][number][] = [];
  const agencyReports: CaseTimeline['agencyReports'][number][] = [];
  for (const { event, index } of happened) {
    if (ended && isAfter(event.on, ended)) throw named(index, event, { words: `is after the plan ended (${ended.toString()})`, key: 'afterPlanEnded', values: { ended: ended.toString() } });
    if (event.kind === 'minutes-circulated' || event.kind === 'plan-circulated' || event.kind === 'cp9-sent') {
      const meeting = meetings.get(event.meeting.toString());
      const meetingOn = { meeting: event.meeting.toString() };
      if (meeting?.status !== 'held') throw named(index, event, { words: `no core group was held on ${event.meeting.toString()}`, key: 'noCoreGroupHeld', values: meetingOn });
      if (isBefore(event.on, event.meeting)) throw named(index, event, { words: `is before the meeting it follows (${event.meeting.toString()})`, key: 'beforeMeeting', values: meetingOn });
      circulations.push({ meetingId: meeting.id, kind: CIRCULATED[event.kind], on: event.on });
    }
    if (event.kind === 'agency-report-submitted') {
      const review = reviewsByDate.find((candidate) => !isBefore(candidate.date, event.on));
      if (!review) throw named(index, event, { words: 'no review conference is booked or held on or after it (add a review-conference-booked event)', key: 'noReviewConference' });
      agencyReports.push({ reviewConferenceId: review.id, agency: event.agency, on: event.on });
    }
  }

  const reported = [...new Set(agencyReports.map((report) => report.agency))];
  return {
    icpcDate: history.icpc,
    start: history.start,
    planEndedOn,
    meetings: [...meetings.values()],
    reviewConferences: [...reviews.values()],
    circulations,
    agencyReports,
    agencies: history.agencies ?? reported,
  };
}
