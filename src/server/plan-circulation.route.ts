import { type Router, Router as createRouter } from 'express';
import type * as wire from '../contracts/plan-circulation.contract';
import { meetingParamsSchema } from '../contracts/minutes.contract';
import { coreGroupParamsSchema } from '../contracts/review-conferences.contract';
import type { PlanCirculation, PlanCirculationView } from '../services/plan-circulation.service';
import { handled } from './api-errors';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';
import type { SameValues } from './wire-values.wire';

/** The domain's vocabularies that the wire spells out again: the compiler checks both agree. */
const _cp9States: SameValues<wire.Cp9State, NonNullable<PlanCirculationView['cp9']>['state']> = true;
const _deliveryChannels: SameValues<wire.PlanDelivery['channel'], PlanCirculationView['deliveries'][number]['channel']> = true;
const _deliveryOutcomes: SameValues<wire.PlanDelivery['outcome'], PlanCirculationView['deliveries'][number]['outcome']> = true;

/** `GET /api/meetings/:meetingId/plan-circulation`: dates as `YYYY-MM-DD`, and only the fields the contract names. */
function toPlanCirculationResponse(view: PlanCirculationView): wire.PlanCirculationResponse {
  const deadline = (judged: PlanCirculationView['circulation']) => judged && { due: judged.due.toString(), status: judged.status };
  return {
    meetingId: view.meetingId,
    planVersion: view.planVersion,
    recipients: [...view.recipients],
    deliveries: view.deliveries.map((delivery) => ({ memberId: delivery.memberId, channel: delivery.channel, outcome: delivery.outcome, at: delivery.at, resent: delivery.resent })),
    notReceived: view.notReceived.map((report) => ({ memberId: report.memberId, at: report.at })),
    circulation: deadline(view.circulation),
    circulatedOn: view.circulatedOn?.toString(),
    canCirculate: view.canCirculate,
    cp9: view.cp9 && { deadline: deadline(view.cp9.deadline), state: view.cp9.state, sentOn: view.cp9.sentOn?.toString(), canSend: view.cp9.canSend },
  };
}

/**
 * The plan's circulation after a meeting and its CP9, from the minutes tab, and a member's word
 * that the plan has not reached them, from the dashboard. Every route needs a verified token; the
 * caller comes from it and the service authorises. Writes carry no body and are safe to repeat.
 */
export function planCirculationRouter(options: { circulation: Pick<PlanCirculation, 'view' | 'circulate' | 'sendCp9' | 'reportNotReceived'>; verifier: TabTokenVerifier; logger: Logger }): Router {
  const { circulation, logger } = options;
  const router = createRouter();
  const authed = requireCaller(options.verifier);
  router.get(
    '/api/meetings/:meetingId/plan-circulation',
    authed,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      response.json(toPlanCirculationResponse(await circulation.view(callerOf(response), meetingId)));
    }),
  );
  router.post(
    '/api/meetings/:meetingId/plan-circulation',
    authed,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const queued: wire.PlanCirculationQueued = await circulation.circulate(callerOf(response), meetingId);
      response.status(202).json(queued);
    }),
  );
  router.post(
    '/api/meetings/:meetingId/cp9',
    authed,
    handled(logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const queued: wire.Cp9Queued = await circulation.sendCp9(callerOf(response), meetingId);
      response.status(202).json(queued);
    }),
  );
  router.post(
    '/api/core-groups/:coreGroupId/plan/not-received',
    authed,
    handled(logger, async (request, response) => {
      const { coreGroupId } = coreGroupParamsSchema.parse(request.params);
      const told: wire.PlanNotReceivedResponse = await circulation.reportNotReceived(callerOf(response), coreGroupId);
      response.json(told);
    }),
  );
  return router;
}
