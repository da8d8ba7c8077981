import { type Router, Router as createRouter } from 'express';
import { type ConcernDecisionResponse, type ConcernResponse, type ConcernWire, type ConcernsResponse, concernDecisionRequestSchema, concernParamsSchema } from '../contracts/concerns.contract';
import { londonDateOf } from '../domain/civil-date';
import { type NoticeState, noticeReasonOf } from '../domain/notice-delivery';
import type { ConcernDecisions } from '../services/concerns/concern-decisions.service';
import type { ConcernView } from '../services/concerns/concern-view';
import { handled } from './api-errors';
import { jsonBody } from './json-body';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';

/** Where a notice stands as the wire has it: its stored reason as facts, for the page to word. */
function noticeStateToWire(notice: NoticeState): NonNullable<ConcernWire['history'][number]['notice']> {
  return { outcome: notice.outcome, channel: notice.channel, reason: notice.reason === undefined ? undefined : noticeReasonOf(notice.reason) };
}

function concernToWire(view: ConcernView): ConcernWire {
  const { concern } = view;
  return {
    id: concern.id,
    coreGroupId: concern.coreGroupId,
    caseReference: view.caseReference,
    kind: concern.kind,
    status: concern.status,
    route: view.route,
    step: concern.step + 1,
    steps: view.steps,
    stepTo: [...view.stepTo],
    raisedOn: londonDateOf(concern.raisedAt).toString(),
    respondBy: view.respondBy.toString(),
    overdue: view.overdue,
    note: concern.note ?? '',
    decisions: [...view.decisions],
    history: view.history.map((entry) => ({ kind: entry.kind, step: entry.step + 1, who: entry.actorName, text: entry.text, notice: entry.notice && noticeStateToWire(entry.notice), workingDays: entry.workingDays, bookedFor: entry.bookedFor, detail: entry.detail, at: entry.at })),
  };
}

/**
 * Concerns on their escalation routes, for the people they came to (issue 14): the list, one
 * concern with its history, and a decision on it. The service authorises each from the verified
 * caller (a member of the group, or one of the area's contacts); a decision is idempotent by its
 * request id.
 */
export function concernsRouter(options: { decisions: ConcernDecisions; verifier: TabTokenVerifier; logger: Logger }): Router {
  const router = createRouter();
  const authed = requireCaller(options.verifier);
  router.get(
    '/api/concerns',
    authed,
    handled(options.logger, async (_request, response) => {
      const answer: ConcernsResponse = { concerns: (await options.decisions.forMe(callerOf(response))).map(concernToWire) };
      response.json(answer);
    }),
  );
  router.get(
    '/api/concerns/:concernId',
    authed,
    handled(options.logger, async (request, response) => {
      const { concernId } = concernParamsSchema.parse(request.params);
      const answer: ConcernResponse = { concern: concernToWire(await options.decisions.show({ caller: callerOf(response), concernId })) };
      response.json(answer);
    }),
  );
  router.post(
    '/api/concerns/:concernId/decisions',
    authed,
    ...jsonBody({ limit: '16kb' }),
    handled(options.logger, async (request, response) => {
      const { concernId } = concernParamsSchema.parse(request.params);
      const body = concernDecisionRequestSchema.parse(request.body);
      const decided = await options.decisions.decide({ caller: callerOf(response), concernId, ...body });
      const answer: ConcernDecisionResponse = { outcome: decided.outcome, concern: concernToWire(decided.view) };
      response.json(answer);
    }),
  );
  return router;
}
