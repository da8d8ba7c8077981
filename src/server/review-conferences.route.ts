import { type Router, Router as createRouter } from 'express';
import { type ReviewConferencesResponse, type TransferOutResponse, bookReviewRequestSchema, coreGroupParamsSchema, heldReviewRequestSchema, transferOutRequestSchema } from '../contracts/review-conferences.contract';
import type { TransferService } from '../services/transfer.service';
import { parseCivilDate } from '../domain/civil-date';
import type { ReviewConferenceService, ReviewConferences } from '../services/review-conferences.service';
import { handled } from './api-errors';
import { jsonBody } from './json-body';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';

function reviewsToWire(reviews: ReviewConferences, outcome?: 'changed' | 'unchanged'): ReviewConferencesResponse {
  return {
    caseReference: reviews.coreGroup.caseReference,
    reviews: reviews.reviews.map((review) => ({
      id: review.id,
      date: review.date.toString(),
      status: review.status,
      outcome: review.outcome,
      chairName: review.chairName,
      nextReviewOn: review.nextReviewOn?.toString(),
    })),
    nextDue: reviews.nextDue && { due: reviews.nextDue.due.toString(), status: reviews.nextDue.status, wording: reviews.nextDue.wording },
    planEndedOn: reviews.planEndedOn?.toString(),
    canRecord: reviews.canRecord,
    outcome,
  };
}

/**
 * A case's review child protection conferences, and its transfer out, from the dashboard: read by members who see its
 * deadlines; booked, moved and recorded as held by the lead social worker, the team manager or the
 * conference chair (authorised by the service from the verified caller). Both writes are safe to
 * repeat: doing again what is recorded answers `unchanged`.
 */
export function reviewConferencesRouter(options: { reviews: ReviewConferenceService; transfers: TransferService; verifier: TabTokenVerifier; logger: Logger }): Router {
  const router = createRouter();
  const authed = requireCaller(options.verifier);
  const smallBody = jsonBody({ limit: '8kb' });
  router.get(
    '/api/core-groups/:coreGroupId/review-conferences',
    authed,
    handled(options.logger, async (request, response) => {
      const { coreGroupId } = coreGroupParamsSchema.parse(request.params);
      response.json(reviewsToWire(await options.reviews.of(callerOf(response), coreGroupId)));
    }),
  );
  router.post(
    '/api/core-groups/:coreGroupId/review-conferences',
    authed,
    ...smallBody,
    handled(options.logger, async (request, response) => {
      const { coreGroupId } = coreGroupParamsSchema.parse(request.params);
      const { date } = bookReviewRequestSchema.parse(request.body);
      const booked = await options.reviews.book(callerOf(response), coreGroupId, parseCivilDate(date));
      response.json(reviewsToWire(booked.reviews, booked.outcome));
    }),
  );
  router.post(
    '/api/core-groups/:coreGroupId/review-conferences/held',
    authed,
    ...smallBody,
    handled(options.logger, async (request, response) => {
      const { coreGroupId } = coreGroupParamsSchema.parse(request.params);
      const body = heldReviewRequestSchema.parse(request.body);
      const held = { heldOn: parseCivilDate(body.heldOn), outcome: body.outcome, chairName: body.chairName, nextReviewOn: body.nextReviewOn ? parseCivilDate(body.nextReviewOn) : undefined };
      const recorded = await options.reviews.recordHeld(callerOf(response), coreGroupId, held);
      response.json(reviewsToWire(recorded.reviews, recorded.outcome));
    }),
  );
  router.post(
    '/api/core-groups/:coreGroupId/transfer-out',
    authed,
    ...smallBody,
    handled(options.logger, async (request, response) => {
      const { coreGroupId } = coreGroupParamsSchema.parse(request.params);
      const body = transferOutRequestSchema.parse(request.body);
      const done = await options.transfers.transferOut(callerOf(response), coreGroupId, { on: parseCivilDate(body.on), to: body.to });
      const answer: TransferOutResponse = { outcome: done.outcome, planEndedOn: done.planEndedOn.toString(), transferredTo: done.transferredTo };
      response.json(answer);
    }),
  );
  return router;
}
