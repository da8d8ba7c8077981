import { type Router, Router as createRouter } from 'express';
import { type PlanViewResponse, planSaveRequestSchema } from '../contracts/plan.contract';
import { coreGroupParamsSchema } from '../contracts/review-conferences.contract';
import { parseCivilDate } from '../domain/civil-date';
import type { PlanEditor, PlanEditorView } from '../services/plan-editor.service';
import { handled } from './api-errors';
import { jsonBody } from './json-body';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';

function planToWire(view: PlanEditorView, outcome?: 'changed' | 'unchanged'): PlanViewResponse {
  const { plan } = view;
  return {
    coreGroupId: view.coreGroup.id,
    caseReference: view.coreGroup.caseReference,
    version: plan.version,
    outcomes: plan.outcomes.map(({ id, text }) => ({ id, text })),
    actions: view.actions.map((action) => ({
      id: action.id,
      outcomeId: action.outcomeId,
      what: action.what,
      ownerMemberId: action.ownerMemberId,
      ownerName: view.names.get(action.ownerMemberId),
      due: action.due.toString(),
      agreedOn: action.agreedOn.toString(),
      childSeenFrequency: action.childSeenFrequency,
      progressMeasure: action.progressMeasure,
      state: action.state,
      lastCheckIn: action.lastCheckIn && { status: action.lastCheckIn.status, note: action.lastCheckIn.note, recordedAt: action.lastCheckIn.recordedAt },
    })),
    contingencyPlan: plan.contingencyPlan,
    resources: plan.resources,
    monitoring: plan.monitoring,
    owners: view.owners.map((owner) => ({ id: owner.id, name: owner.displayName, agency: owner.agency })),
    history: view.history.map((entry) => ({ ...entry, changes: entry.changes.map((change) => ({ kind: change.kind, subject: change.subject, fields: change.fields && [...change.fields] })) })),
    planEndedOn: view.planEndedOn?.toString(),
    canEdit: view.canEdit,
    outcome,
  };
}

/**
 * The plan editor's API: the current plan with its history, read by members who may see the plan;
 * the whole plan saved as a new version by the lead social worker or the team manager
 * (authorised by the service from the verified caller). A save over an older version answers 409.
 */
export function planRouter(options: { plans: PlanEditor; verifier: TabTokenVerifier; logger: Logger }): Router {
  const router = createRouter();
  const authed = requireCaller(options.verifier);
  router.get(
    '/api/core-groups/:coreGroupId/plan',
    authed,
    handled(options.logger, async (request, response) => {
      const { coreGroupId } = coreGroupParamsSchema.parse(request.params);
      response.json(planToWire(await options.plans.view(callerOf(response), coreGroupId)));
    }),
  );
  router.put(
    '/api/core-groups/:coreGroupId/plan',
    authed,
    ...jsonBody({ limit: '512kb' }),
    handled(options.logger, async (request, response) => {
      const { coreGroupId } = coreGroupParamsSchema.parse(request.params);
      const body = planSaveRequestSchema.parse(request.body);
      const edit = { ...body, actions: body.actions.map((action) => ({ ...action, due: parseCivilDate(action.due) })) };
      const saved = await options.plans.save(callerOf(response), coreGroupId, edit);
      response.json(planToWire(saved.view, saved.outcome));
    }),
  );
  return router;
}
