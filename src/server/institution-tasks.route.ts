import { type Router, Router as createRouter } from 'express';
import { type InstitutionTaskWire, type InstitutionTaskChangeResponse, type InstitutionTasksResponse, institutionTaskParamsSchema, letterSentRequestSchema, recordInstitutionTaskRequestSchema } from '../contracts/institution-tasks.contract';
import { coreGroupParamsSchema } from '../contracts/review-conferences.contract';
import { londonDateOf, parseCivilDate } from '../domain/civil-date';
import type { InstitutionTaskView, InstitutionTasks } from '../services/institution-tasks.service';
import { handled } from './api-errors';
import { jsonBody } from './json-body';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';

function taskToWire(view: InstitutionTaskView): InstitutionTaskWire {
  const { task } = view;
  return {
    id: task.id,
    coreGroupId: task.coreGroupId,
    caseReference: view.caseReference,
    person: task.person,
    kind: task.kind,
    institution: task.institution,
    recordedOn: londonDateOf(task.recordedAt).toString(),
    letterSentOn: task.letterSentOn?.toString(),
    coordinators: [...view.coordinators],
    canMarkDone: view.canMarkDone,
  };
}

/**
 * A relative in prison, hospital or another institution and the co-ordinator's letter (seed 001),
 * from the dashboard: recorded by the lead social worker or team manager, the letter marked sent
 * by the co-ordinator, listed for each (authorised by the service from the verified caller). Both
 * writes are safe to repeat: doing again what is recorded answers `unchanged`.
 */
export function institutionTasksRouter(options: { tasks: InstitutionTasks; verifier: TabTokenVerifier; logger: Logger }): Router {
  const router = createRouter();
  const authed = requireCaller(options.verifier);
  const smallBody = jsonBody({ limit: '8kb' });
  router.get(
    '/api/institution-tasks',
    authed,
    handled(options.logger, async (_request, response) => {
      const answer: InstitutionTasksResponse = { tasks: (await options.tasks.mine(callerOf(response))).map(taskToWire) };
      response.json(answer);
    }),
  );
  router.post(
    '/api/core-groups/:coreGroupId/institution-tasks',
    authed,
    ...smallBody,
    handled(options.logger, async (request, response) => {
      const { coreGroupId } = coreGroupParamsSchema.parse(request.params);
      const body = recordInstitutionTaskRequestSchema.parse(request.body);
      const recorded = await options.tasks.record(callerOf(response), coreGroupId, body);
      const answer: InstitutionTaskChangeResponse = { outcome: recorded.outcome, task: taskToWire(recorded.task) };
      response.json(answer);
    }),
  );
  router.post(
    '/api/institution-tasks/:taskId/letter-sent',
    authed,
    ...smallBody,
    handled(options.logger, async (request, response) => {
      const { taskId } = institutionTaskParamsSchema.parse(request.params);
      const { on } = letterSentRequestSchema.parse(request.body);
      const done = await options.tasks.letterSent(callerOf(response), taskId, parseCivilDate(on));
      const answer: InstitutionTaskChangeResponse = { outcome: done.outcome, task: taskToWire(done.task) };
      response.json(answer);
    }),
  );
  return router;
}
