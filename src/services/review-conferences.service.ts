import type { CivilDate } from '../domain/civil-date';
import { type CoreGroup, planStartOf } from '../domain/core-group';
import { type Obligation, type ReviewOutcome, computeObligations } from '../domain/obligations';
import { can } from '../domain/permissions';
import { type ReviewConference, bookReview, recordReviewHeld } from '../domain/review-conference';
import { type Caller, authorise } from './authorise';
import { uuidFromKey } from './deterministic-id';
import { type PolicyDeps, policyOf } from './policy-calendar';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CoreGroupRepository, MeetingRepository } from './ports/store.port';
import { type ClosePlanDeps, closePlan } from './close-plan';
import { ukDate } from '../domain/uk-date';

export interface ReviewConferenceDeps extends PolicyDeps, ClosePlanDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'endPlan'>;
  readonly meetings: Pick<MeetingRepository, 'reviewConferences' | 'recordReviewConference' | 'loadCaseTimeline'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
}

/** A case's review conferences as its members see them: each one, the next deadline, and whether the caller may record them. */
export interface ReviewConferences {
  readonly coreGroup: Pick<CoreGroup, 'id' | 'caseReference'>;
  readonly reviews: readonly ReviewConference[];
  /** The review conference deadline still open (none once the plan has ended). */
  readonly nextDue?: Obligation | undefined;
  readonly planEndedOn?: CivilDate | undefined;
  readonly canRecord: boolean;
}

/** What the caller asked to record about a review conference that took place. */
export interface HeldReview {
  readonly heldOn: CivilDate;
  readonly outcome: ReviewOutcome;
  readonly chairName: string;
  readonly nextReviewOn?: CivilDate | undefined;
}

/**
 * Review child protection conferences, recorded by the lead social worker, the team manager or
 * the conference chair: booked (and moved), then held with what they decided. A conference that
 * ends the plan ends the case's deadlines from that day. Every read and write is authorised from
 * the verified caller and audited; doing again what is recorded changes nothing.
 */
export function createReviewConferenceService(deps: ReviewConferenceDeps) {
  const view = async (coreGroup: CoreGroup, role: Parameters<typeof can>[0]['role']): Promise<ReviewConferences> => {
    const { profile, calendar } = policyOf(deps, coreGroup);
    const [reviews, timeline] = await Promise.all([deps.meetings.reviewConferences(coreGroup.id), deps.meetings.loadCaseTimeline(coreGroup.id, coreGroup)]);
    const obligations = computeObligations({ profile, calendar, timeline, asOf: deps.clock.today() });
    const nextDue = obligations.find((obligation) => obligation.kind === 'review-conference' && obligation.status !== 'met');
    const ended = reviews.find((review) => review.status === 'held' && review.outcome === 'end')?.date ?? coreGroup.planEndedOn;
    return { coreGroup: { id: coreGroup.id, caseReference: coreGroup.caseReference }, reviews, nextDue, planEndedOn: ended, canRecord: can({ role }, 'record-review-conference') && !ended };
  };

  const forRecording = async (caller: Caller, coreGroupId: string) => {
    const access = await authorise(deps, { caller, coreGroupId, action: 'record-review-conference' });
    const reviews = await deps.meetings.reviewConferences(coreGroupId);
    return { ...access, reviews, ...policyOf(deps, access.coreGroup) };
  };

  return {
    async of(caller: Caller, coreGroupId: string): Promise<ReviewConferences> {
      const { coreGroup, member } = await authorise(deps, { caller, coreGroupId, action: 'view-compliance' });
      return view(coreGroup, member.role);
    },

    /** Books the next review conference, or moves the one booked. */
    async book(caller: Caller, coreGroupId: string, date: CivilDate): Promise<{ outcome: 'changed' | 'unchanged'; reviews: ReviewConferences }> {
      const { coreGroup, member, reviews, calendar } = await forRecording(caller, coreGroupId);
      const booked = bookReview({ id: uuidFromKey(`review:${coreGroupId}:${reviews.length}`), coreGroupId, date, today: deps.clock.today(), icpcDate: coreGroup.icpcDate, start: planStartOf(coreGroup), reviews, calendar });
      const changed = !reviews.some((review) => review.id === booked.id && review.status === booked.status && review.date.equals(booked.date));
      if (changed) await deps.meetings.recordReviewConference(booked);
      return { outcome: changed ? 'changed' : 'unchanged', reviews: await view(coreGroup, member.role) };
    },

    /** Records a review conference that took place; one that ends the plan ends the case's deadlines from that day. */
    async recordHeld(caller: Caller, coreGroupId: string, held: HeldReview): Promise<{ outcome: 'changed' | 'unchanged'; reviews: ReviewConferences }> {
      const { coreGroup, member, reviews, profile, calendar } = await forRecording(caller, coreGroupId);
      const review = recordReviewHeld({ id: uuidFromKey(`review:${coreGroupId}:${reviews.length}`), coreGroupId, today: deps.clock.today(), icpcDate: coreGroup.icpcDate, start: planStartOf(coreGroup), reviews, profile, calendar, ...held });
      const changed = !reviews.includes(review);
      if (changed) await deps.meetings.recordReviewConference(review);
      if (review.outcome === 'end' && !coreGroup.planEndedOn) {
        await closePlan(deps, { coreGroup, on: review.date, reason: `The child protection plan ended at the review conference on ${ukDate(review.date)}.` });
      }
      const after = review.outcome === 'end' ? { ...coreGroup, planEndedOn: coreGroup.planEndedOn ?? review.date } : coreGroup;
      return { outcome: changed ? 'changed' : 'unchanged', reviews: await view(after, member.role) };
    },
  };
}

export type ReviewConferenceService = ReturnType<typeof createReviewConferenceService>;
