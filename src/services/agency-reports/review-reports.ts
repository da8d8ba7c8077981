import type { CivilDate } from '../../domain/civil-date';
import type { CoreGroup } from '../../domain/core-group';
import { NotFoundError, said } from '../../domain/errors';
import { type CaseTimeline, computeObligations } from '../../domain/obligations';
import type { ReviewConference } from '../../domain/review-conference';
import { type PolicyDeps, policyOf } from '../policy-calendar';
import type { Clock } from '../ports/clock.port';
import type { MeetingRepository } from '../ports/store.port';

export interface ReviewReportsDeps extends PolicyDeps {
  readonly meetings: Pick<MeetingRepository, 'reviewConferences' | 'loadCaseTimeline'>;
  readonly clock: Clock;
}

/**
 * A review conference of the group, and when its agencies' reports are due by the group's profile
 * (the `agency-report` obligation's day; none when the profile asks for no reports). A review
 * of another group is not found.
 */
export async function reviewAndReportsDue(deps: ReviewReportsDeps, coreGroup: CoreGroup, reviewConferenceId: string): Promise<{ review: ReviewConference; due: CivilDate | undefined }> {
  const review = (await deps.meetings.reviewConferences(coreGroup.id)).find((candidate) => candidate.id === reviewConferenceId);
  if (!review) throw new NotFoundError('That review conference does not exist for this core group.', { said: said('serviceRefusals.reviews.notFound') });
  return { review, due: await reportsDue(deps, coreGroup, review.id) };
}

/** When the agencies' reports for one review conference are due, from the obligations the profile sets. */
export async function reportsDue(deps: ReviewReportsDeps, coreGroup: CoreGroup, reviewConferenceId: string): Promise<CivilDate | undefined> {
  return reportsDueIn(deps, coreGroup, await deps.meetings.loadCaseTimeline(coreGroup.id, coreGroup), reviewConferenceId);
}

/** `reportsDue`, from a case timeline already read. */
export function reportsDueIn(deps: Pick<ReviewReportsDeps, 'policy' | 'calendars' | 'clock'>, coreGroup: Pick<CoreGroup, 'policyId'>, timeline: CaseTimeline, reviewConferenceId: string): CivilDate | undefined {
  const { profile, calendar } = policyOf(deps, coreGroup);
  const obligations = computeObligations({ profile, calendar, timeline, asOf: deps.clock.today() });
  return obligations.find((obligation) => obligation.kind === 'agency-report' && obligation.id.startsWith(`agency-report-${reviewConferenceId}-`))?.due;
}
