import { type Router, Router as createRouter } from 'express';
import { familyReviewRequestSchema, familySignOffRequestSchema } from '../contracts/family-version.contract';
import { meetingParamsSchema, minutesExportParamsSchema } from '../contracts/minutes.contract';
import type { FamilyVersions } from '../services/family-version.service';
import { handled } from './api-errors';
import { sendFile } from './download';
import { toFamilyReadingResponse, toFamilyVersionReviewResponse } from './family-version.wire';
import { jsonBody } from './json-body';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';

/**
 * The family version's API (src/contracts/family-version.contract.ts): the reviewer reads, reviews
 * and signs it off; the family reads what was signed off and downloads it. Every route needs a
 * verified token and authorises on the server; nothing professional-only is in any answer.
 */
export function familyVersionRouter(options: { familyVersions: FamilyVersions; verifier: TabTokenVerifier; logger: Logger }): Router {
  const { familyVersions, logger } = options;
  const router = createRouter();
  const authed = requireCaller(options.verifier);
  // A review names up to 500 items of at most a Signs of Safety section each; in practice a few kilobytes.
  const reviewBody = jsonBody({ limit: '256kb' });
  const smallBody = jsonBody({ limit: '32kb' });

  router.get(
    '/api/meetings/:meetingId/family-version',
    authed,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      response.json(toFamilyVersionReviewResponse(await familyVersions.view({ caller: callerOf(response), meetingId })));
    }),
  );
  router.put(
    '/api/meetings/:meetingId/family-version',
    authed,
    ...reviewBody,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const { baseVersion, summary, items } = familyReviewRequestSchema.parse(request.body);
      response.json(toFamilyVersionReviewResponse(await familyVersions.review({ caller: callerOf(response), meetingId, review: { basedOnVersion: baseVersion, summary, items } })));
    }),
  );
  router.post(
    '/api/meetings/:meetingId/family-version/sign-off',
    authed,
    ...smallBody,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const { version } = familySignOffRequestSchema.parse(request.body);
      response.json(toFamilyVersionReviewResponse(await familyVersions.signOff({ caller: callerOf(response), meetingId, version })));
    }),
  );
  router.get(
    '/api/meetings/:meetingId/family-version/reading',
    authed,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      response.json(toFamilyReadingResponse(await familyVersions.read({ caller: callerOf(response), meetingId })));
    }),
  );
  router.get(
    '/api/meetings/:meetingId/family-version/export.:format',
    authed,
    handled(logger, async (request, response) => {
      const { meetingId, format } = minutesExportParamsSchema.parse(request.params);
      sendFile(response, format, await familyVersions.file({ caller: callerOf(response), meetingId, format }));
    }),
  );
  return router;
}
