import { type Router, Router as createRouter, json } from 'express';
import { z } from 'zod';
import { VersionConflictError } from '../domain/errors';
import { SECTION_NAMES } from '../services/minutes-sections';
import type { Dashboard } from '../services/dashboard.service';
import type { MinutesDistribution } from '../services/minutes-distribution.service';
import { type MinutesService, NOTE_SECTIONS } from '../services/minutes.service';
import { handled, sendError } from './api-errors';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';

const meetingId = z.string().uuid();
const sectionSave = z.object({ baseVersion: z.number().int().positive(), section: z.enum(SECTION_NAMES as [string, ...string[]]), value: z.unknown() });
const contributionDecision = z.discriminatedUnion('decision', [z.object({ decision: z.literal('drop') }), z.object({ decision: z.literal('accept'), into: z.enum(NOTE_SECTIONS).optional() })]);
const roles = z.object({ chairMemberId: z.string().min(1).max(100), minuteTakerMemberId: z.string().min(1).max(100) });
const signOff = z.object({ as: z.enum(['chair', 'team-manager']) });
const amendment = z.object({ reason: z.string().trim().min(1).max(2000) });

/**
 * The minutes tab's API. Every route needs a verified token; the caller comes from it and every
 * body is schema-checked before a service sees it. A conflicting autosave answers 409 with the
 * current minutes, so the tab can show both versions of the section.
 */
export function minutesRouter(options: { service: MinutesService; distribution: Pick<MinutesDistribution, 'distribute'>; dashboard: Dashboard; verifier: TabTokenVerifier; logger: Logger }): Router {
  const { service, logger } = options;
  const router = createRouter();
  // Per route, not router-wide: the bot and Graph endpoints under /api/ authenticate their own way.
  const authed = [requireCaller(options.verifier), json({ limit: '512kb' })];

  router.get(
    '/api/me',
    ...authed,
    handled(logger, async (_request, response) => {
      const caller = callerOf(response);
      response.json({ tenantId: caller.tenantId, aadObjectId: caller.aadObjectId, name: caller.name ?? null });
    }),
  );
  router.get(
    '/api/dashboard',
    ...authed,
    handled(logger, async (_request, response) => {
      response.json(await options.dashboard.of(callerOf(response)));
    }),
  );
  router.get(
    '/api/meetings/current',
    ...authed,
    handled(logger, async (request, response) => {
      const chatId = z.string().min(1).max(300).optional().parse(request.query.chatId);
      response.json(await service.currentMeeting({ caller: callerOf(response), chatId }));
    }),
  );
  router.get(
    '/api/meetings/:meetingId/minutes',
    ...authed,
    handled(logger, async (request, response) => {
      response.json(await service.view({ caller: callerOf(response), meetingId: meetingId.parse(request.params.meetingId) }));
    }),
  );
  router.patch(
    '/api/meetings/:meetingId/minutes',
    ...authed,
    handled(logger, async (request, response) => {
      const caller = callerOf(response);
      const id = meetingId.parse(request.params.meetingId);
      const body = sectionSave.parse(request.body);
      try {
        const saved = await service.saveSection({ caller, meetingId: id, baseVersion: body.baseVersion, section: body.section as (typeof SECTION_NAMES)[number], value: body.value });
        response.json({ version: saved.version, content: saved.content });
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        const { minutes } = await service.view({ caller, meetingId: id });
        sendError(response, error, logger, { current: { version: minutes.version, content: minutes.content } });
      }
    }),
  );
  router.post(
    '/api/meetings/:meetingId/minutes/contributions/:contributionId',
    ...authed,
    handled(logger, async (request, response) => {
      const body = contributionDecision.parse(request.body);
      const contributionId = z.string().min(1).max(200).parse(request.params.contributionId);
      const saved = await service.decideContribution({ caller: callerOf(response), meetingId: meetingId.parse(request.params.meetingId), contributionId, decision: body.decision === 'accept' ? { accept: true, into: body.into } : { accept: false } });
      response.json({ version: saved.version, content: saved.content });
    }),
  );
  router.put(
    '/api/meetings/:meetingId/roles',
    ...authed,
    handled(logger, async (request, response) => {
      const id = meetingId.parse(request.params.meetingId);
      const { access } = await service.assignRoles({ caller: callerOf(response), meetingId: id, ...roles.parse(request.body) });
      response.json(await service.view({ caller: callerOf(response), meetingId: id, known: access }));
    }),
  );
  router.post(
    '/api/meetings/:meetingId/minutes/sign-off',
    ...authed,
    handled(logger, async (request, response) => {
      const id = meetingId.parse(request.params.meetingId);
      const { access } = await service.signOff({ caller: callerOf(response), meetingId: id, as: signOff.parse(request.body).as });
      response.json(await service.view({ caller: callerOf(response), meetingId: id, known: access }));
    }),
  );
  router.post(
    '/api/meetings/:meetingId/minutes/amend',
    ...authed,
    handled(logger, async (request, response) => {
      const id = meetingId.parse(request.params.meetingId);
      const { access } = await service.amend({ caller: callerOf(response), meetingId: id, reason: amendment.parse(request.body).reason });
      response.json(await service.view({ caller: callerOf(response), meetingId: id, known: access }));
    }),
  );
  router.post(
    '/api/meetings/:meetingId/minutes/distribute',
    ...authed,
    handled(logger, async (request, response) => {
      response.status(202).json(await options.distribution.distribute(callerOf(response), meetingId.parse(request.params.meetingId)));
    }),
  );
  return router;
}
