import { type Router, Router as createRouter } from 'express';
import type { TeamView } from '../services/team-view.service';
import { handled } from './api-errors';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';
import { toTeamResponse } from './team.wire';

/** The team view of the dashboard (`GET /api/team`) and its CSV download; both need a verified token. */
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
    handled(options.logger, async (_request, response) => {
      const exported = await options.team.csv(callerOf(response));
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="${exported.fileName}"`);
      response.send(exported.file);
    }),
  );
  return router;
}
