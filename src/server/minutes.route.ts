import { type Router, Router as createRouter } from 'express';
import type { LanguagePreferenceRepository } from '../services/ports/store.port';
import type { DashboardResponse } from '../contracts/dashboard.contract';
import { type CurrentMeetingResponse, type MeResponse, currentMeetingQuerySchema } from '../contracts/identity.contract';
import {
  type DistributionQueued,
  type MinutesSnapshot,
  type VersionConflictBody,
  amendRequestSchema,
  meetingOutcomeRequestSchema,
  contributionDecisionRequestSchema,
  contributionParamsSchema,
  meetingParamsSchema,
  rolesRequestSchema,
  sectionSaveRequestSchema,
  returnToChairRequestSchema,
  signOffRequestSchema,
} from '../contracts/minutes.contract';
import { type RecipientListChangedBody, distributeRequestSchema } from '../contracts/family-version.contract';
import { VersionConflictError } from '../domain/errors';
import type { Dashboard } from '../services/dashboard.service';
import { type MinutesDistribution, RecipientListChangedError } from '../services/minutes-distribution.service';
import type { MinutesService } from '../services/minutes.service';
import { SectionChangedError } from '../services/minutes/save-section';
import { handled, sendError } from './api-errors';
import { toDashboardResponse } from './dashboard.wire';
import { jsonBody } from './json-body';
import type { Logger } from './logger';
import { toRecipientListResponse } from './family-version.wire';
import { toMinutesSnapshotResponse, toMinutesViewResponse } from './minutes.wire';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';

/**
 * The minutes tab's API (src/contracts/tab-api.contract.ts lists its routes). Every route needs a
 * verified token; the caller comes from it and every path, query and body is parsed with its
 * contract schema before a service sees it; every answer is built by a mapper typed with its
 * contract type. A conflicting autosave answers 409 with the current minutes, so the tab can show
 * both versions of the section.
 */
export function minutesRouter(options: {
  service: MinutesService;
  distribution: Pick<MinutesDistribution, 'distribute' | 'recipients'>;
  dashboard: Dashboard;
  /** Each person's chosen language, which `GET /api/me` tells the tab (none: the tab follows the host's locale). */
  languages?: Pick<LanguagePreferenceRepository, 'of'> | undefined;
  verifier: TabTokenVerifier;
  logger: Logger;
}): Router {
  const { service, logger } = options;
  const router = createRouter();
  // Per route, not router-wide: the bot and Graph endpoints under /api/ authenticate their own way.
  // The token is checked before a body is read.
  const authed = requireCaller(options.verifier);
  // A section of the minutes: up to 200 attendance lines or action updates, 10,000 characters of
  // Signs of Safety text. Everything else the tab sends is a choice, a few ids or a short reason.
  const sectionBody = jsonBody({ limit: '256kb' });
  const smallBody = jsonBody({ limit: '32kb' });

  router.get(
    '/api/me',
    authed,
    handled(logger, async (_request, response) => {
      const caller = callerOf(response);
      const language = await options.languages?.of(caller.tenantId, caller.aadObjectId);
      const me: MeResponse = { tenantId: caller.tenantId, aadObjectId: caller.aadObjectId, name: caller.name ?? null, ...(language ? { language } : {}) };
      response.json(me);
    }),
  );
  router.get(
    '/api/dashboard',
    authed,
    handled(logger, async (_request, response) => {
      const dashboard: DashboardResponse = toDashboardResponse(await options.dashboard.of(callerOf(response)));
      response.json(dashboard);
    }),
  );
  router.get(
    '/api/meetings/current',
    authed,
    handled(logger, async (request, response) => {
      const { chatId } = currentMeetingQuerySchema.parse(request.query);
      const current: CurrentMeetingResponse = await service.currentMeeting({ caller: callerOf(response), chatId });
      response.json(current);
    }),
  );
  router.get(
    '/api/meetings/:meetingId/minutes',
    authed,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      response.json(toMinutesViewResponse(await service.view({ caller: callerOf(response), meetingId })));
    }),
  );
  router.patch(
    '/api/meetings/:meetingId/minutes',
    authed,
    ...sectionBody,
    handled(logger, async (request, response) => {
      const caller = callerOf(response);
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const body = sectionSaveRequestSchema.parse(request.body);
      try {
        const saved: MinutesSnapshot = toMinutesSnapshotResponse(await service.saveSection({ caller, meetingId, ...body }));
        response.json(saved);
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        const { minutes } = await service.view({ caller, meetingId });
        const conflict: Pick<VersionConflictBody, 'current' | 'changedBy'> = { current: toMinutesSnapshotResponse(minutes), changedBy: error instanceof SectionChangedError ? error.changedBy : undefined };
        sendError(response, error, logger, conflict);
      }
    }),
  );
  router.post(
    '/api/meetings/:meetingId/minutes/contributions/:contributionId',
    authed,
    ...smallBody,
    handled(logger, async (request, response) => {
      const body = contributionDecisionRequestSchema.parse(request.body);
      const { meetingId, contributionId } = contributionParamsSchema.parse(request.params);
      const decision = body.decision === 'accept' ? { accept: true as const, into: body.into } : { accept: false as const };
      response.json(toMinutesSnapshotResponse(await service.decideContribution({ caller: callerOf(response), meetingId, contributionId, decision })));
    }),
  );
  router.put(
    '/api/meetings/:meetingId/roles',
    authed,
    ...smallBody,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const { access } = await service.assignRoles({ caller: callerOf(response), meetingId, ...rolesRequestSchema.parse(request.body) });
      response.json(toMinutesViewResponse(await service.view({ caller: callerOf(response), meetingId, known: access })));
    }),
  );
  router.post(
    '/api/meetings/:meetingId/minutes/sign-off',
    authed,
    ...smallBody,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const { access } = await service.signOff({ caller: callerOf(response), meetingId, as: signOffRequestSchema.parse(request.body).as });
      response.json(toMinutesViewResponse(await service.view({ caller: callerOf(response), meetingId, known: access })));
    }),
  );
  router.post(
    '/api/meetings/:meetingId/minutes/return',
    authed,
    ...smallBody,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const { access } = await service.returnToChair({ caller: callerOf(response), meetingId, comments: returnToChairRequestSchema.parse(request.body).comments });
      response.json(toMinutesViewResponse(await service.view({ caller: callerOf(response), meetingId, known: access })));
    }),
  );
  router.post(
    '/api/meetings/:meetingId/outcome',
    authed,
    ...smallBody,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const { access } = await service.recordOutcome({ caller: callerOf(response), meetingId, outcome: meetingOutcomeRequestSchema.parse(request.body) });
      response.json(toMinutesViewResponse(await service.view({ caller: callerOf(response), meetingId, known: access })));
    }),
  );
  router.post(
    '/api/meetings/:meetingId/minutes/amend',
    authed,
    ...smallBody,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const { access } = await service.amend({ caller: callerOf(response), meetingId, reason: amendRequestSchema.parse(request.body).reason });
      response.json(toMinutesViewResponse(await service.view({ caller: callerOf(response), meetingId, known: access })));
    }),
  );
  router.get(
    '/api/meetings/:meetingId/minutes/recipients',
    authed,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      response.json(toRecipientListResponse(await options.distribution.recipients(callerOf(response), meetingId)));
    }),
  );
  router.post(
    '/api/meetings/:meetingId/minutes/distribute',
    authed,
    ...smallBody,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const confirmation = distributeRequestSchema.parse(request.body);
      try {
        const queued: DistributionQueued = await options.distribution.distribute(callerOf(response), meetingId, confirmation);
        response.status(202).json(queued);
      } catch (error) {
        if (!(error instanceof RecipientListChangedError)) throw error;
        const changed: Pick<RecipientListChangedBody, 'current'> = { current: toRecipientListResponse(error.current) };
        sendError(response, error, logger, changed);
      }
    }),
  );
  return router;
}
