import { type Router, Router as createRouter } from 'express';
import type { TeamView } from '../services/team-view.service';
import { handled, languageAsked } from './api-errors';
import { sendDownload } from './download';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';
import { toTeamResponse } from './team.wire';

/** The team view of the dashboard (`GET /api/team`) and its CSV download, worded in the language asked for; both need a verified token. */
export function teamRouter(options: { team: TeamView; verifier: TabTokenVerifier; logger: Logger }): Router {
  const router = createRouter();
  const authed = requireCaller(options.verifier);
  router.get(
    '/api/team',
    authed,
    handled(options.logger, async (_request, response) => {
      response.json(toTeamResponse(await options.team.of(callerOf(response))));
    }),
  );
  router.get(
    '/api/team/export.csv',
    authed,
    handled(options.logger, async (request, response) => {
      sendDownload(response, { contentType: 'text/csv; charset=utf-8', ...(await options.team.csv(callerOf(response), languageAsked(request))) });
    }),
  );
  return router;
}
