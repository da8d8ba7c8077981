import { type Router, Router as createRouter } from 'express';
import { meetingParamsSchema } from '../contracts/minutes.contract';
import { type SeriesChangeResponse, cancelSeriesRequestSchema, moveSeriesRequestSchema } from '../contracts/series.contract';
import type { SchedulingService } from '../services/scheduling.service';
import { handled } from './api-errors';
import { jsonBody } from './json-body';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';

/**
 * The dashboard's Move and Cancel for a case's booked core group meetings (lead social worker or
 * team manager, authorised by the scheduling service from the verified caller). Both are safe to
 * repeat: doing again what was done answers `unchanged`.
 */
export function seriesRouter(options: { scheduling: Pick<SchedulingService, 'moveTo' | 'cancel'>; verifier: TabTokenVerifier; logger: Logger }): Router {
  const router = createRouter();
  const authed = requireCaller(options.verifier);
  const smallBody = jsonBody({ limit: '8kb' });
  const which = (occurrence: { occurrenceStartsAt?: string | undefined; occurrenceId?: string | undefined }) =>
    occurrence.occurrenceStartsAt === undefined ? {} : { occurrenceStartMs: Date.parse(occurrence.occurrenceStartsAt), occurrenceId: occurrence.occurrenceId };
  router.post(
    '/api/meetings/:meetingId/series/move',
    authed,
    ...smallBody,
    handled(options.logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const { date, time, ...occurrence } = moveSeriesRequestSchema.parse(request.body);
      const moved = await options.scheduling.moveTo({ caller: callerOf(response), meetingId, date, time, ...which(occurrence) });
      const answer: SeriesChangeResponse = { outcome: moved.outcome, startsAt: moved.startsAt };
      response.json(answer);
    }),
  );
  router.post(
    '/api/meetings/:meetingId/series/cancel',
    authed,
    ...smallBody,
    handled(options.logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const { reason, ...occurrence } = cancelSeriesRequestSchema.parse(request.body);
      const outcome = await options.scheduling.cancel({ caller: callerOf(response), meetingId, reason, ...which(occurrence) });
      const answer: SeriesChangeResponse = { outcome };
      response.json(answer);
    }),
  );
  return router;
}
