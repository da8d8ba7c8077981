import { type Router, Router as createRouter } from 'express';
import { minutesExportParamsSchema, planExportParamsSchema, recordPackQuerySchema } from '../contracts/minutes.contract';
import { coreGroupParamsSchema } from '../contracts/review-conferences.contract';
import type { RecordExport } from '../services/record-export.service';
import type { RecordPack } from '../services/record-pack.service';
import { handled } from './api-errors';
import { sendFile } from './download';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';


/** Downloads of the minutes, the plan and a case's record pack for the child's record, generated on the server. */
export function exportRouter(options: { exports: RecordExport; recordPack: RecordPack; verifier: TabTokenVerifier; logger: Logger }): Router {
  const router = createRouter();
  const authed = requireCaller(options.verifier);
  router.get(
    '/api/meetings/:meetingId/minutes/export.:format',
    authed,
    handled(options.logger, async (request, response) => {
      const { meetingId, format } = minutesExportParamsSchema.parse(request.params);
      sendFile(response, format, await options.exports.minutes({ caller: callerOf(response), meetingId, format }));
    }),
  );
  router.get(
    '/api/core-groups/:coreGroupId/plan/export.:format',
    authed,
    handled(options.logger, async (request, response) => {
      const { coreGroupId, format } = planExportParamsSchema.parse(request.params);
      sendFile(response, format, await options.exports.plan({ caller: callerOf(response), coreGroupId, format }));
    }),
  );
  router.get(
    '/api/core-groups/:coreGroupId/record-pack',
    authed,
    handled(options.logger, async (request, response) => {
      const { coreGroupId } = coreGroupParamsSchema.parse(request.params);
      const { format } = recordPackQuerySchema.parse(request.query);
      sendFile(response, format, await options.recordPack.recordPack({ caller: callerOf(response), coreGroupId, format }));
    }),
  );
  return router;
}
