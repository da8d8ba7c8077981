import { type Router, Router as createRouter } from 'express';
import { meetingParamsSchema } from '../contracts/minutes.contract';
import type { StagePlanResponse } from '../contracts/stage.contract';
import type { MeetingStage } from '../services/meeting-stage.service';
import { handled } from './api-errors';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';

/** The plan on the meeting stage (`GET /api/meetings/:meetingId/stage`), for whoever in the meeting loads it, as themselves. */
export function stageRouter(options: { stage: MeetingStage; verifier: TabTokenVerifier; logger: Logger }): Router {
  const router = createRouter();
  router.get(
    '/api/meetings/:meetingId/stage',
    requireCaller(options.verifier),
    handled(options.logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const view = await options.stage.planOnStage(callerOf(response), meetingId);
      const answer: StagePlanResponse = {
        caseReference: view.caseReference,
        version: view.version,
        familyVersion: view.familyVersion,
        outcomes: view.outcomes.map(({ id, text }) => ({ id, text })),
        actions: view.actions.map((action) => ({
          id: action.id,
          outcomeId: action.outcomeId,
          what: action.what,
          ownerName: action.ownerName,
          due: action.due.toString(),
          state: action.state,
          lastCheckedInOn: action.lastCheckIn?.recordedAt.slice(0, 10),
        })),
      };
      response.json(answer);
    }),
  );
  return router;
}
