import { type Router, Router as createRouter } from 'express';
import {
  type AgencyReportChangeResponse,
  type AgencyReportReading,
  type ReportsToDoResponse,
  agencyReportParamsSchema,
  conferencePackParamsSchema,
  reviewReportsParamsSchema,
  saveAgencyReportRequestSchema,
  submitAgencyReportRequestSchema,
} from '../contracts/agency-reports.contract';
import type { AgencyReports } from '../services/agency-reports/agency-reports.service';
import type { ConferencePack } from '../services/conference-pack/conference-pack.service';
import { sendFile } from './download';
import { agencyReportToWire, reportContentFromWire, reviewReportsToWire } from './agency-reports.wire';
import { handled } from './api-errors';
import { jsonBody } from './json-body';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';

/**
 * Agencies' written reports for a review conference, from the tab: each member writes, saves and
 * submits their own; the lead social worker, team manager and conference chair see who has
 * submitted and read each submitted report. Authorised by the service from the verified caller.
 */
export function agencyReportsRouter(options: { reports: AgencyReports; packs: ConferencePack; verifier: TabTokenVerifier; logger: Logger }): Router {
  const router = createRouter();
  const authed = requireCaller(options.verifier);
  const reportBody = jsonBody({ limit: '256kb' });
  const smallBody = jsonBody({ limit: '8kb' });
  const base = '/api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/agency-reports';

  router.get(
    '/api/agency-reports',
    authed,
    handled(options.logger, async (_request, response) => {
      const reviews = await options.reports.toDo(callerOf(response));
      const answer: ReportsToDoResponse = {
        reviews: reviews.map((entry) => ({ ...entry, reviewOn: entry.reviewOn.toString(), due: entry.due?.toString() })),
      };
      response.json(answer);
    }),
  );
  router.get(
    base,
    authed,
    handled(options.logger, async (request, response) => {
      const { coreGroupId, reviewConferenceId } = reviewReportsParamsSchema.parse(request.params);
      const reports = await options.reports.of(callerOf(response), coreGroupId, reviewConferenceId);
      response.json(reviewReportsToWire(reports, reports.standings !== undefined));
    }),
  );
  router.put(
    `${base}/mine`,
    authed,
    ...reportBody,
    handled(options.logger, async (request, response) => {
      const { coreGroupId, reviewConferenceId } = reviewReportsParamsSchema.parse(request.params);
      const body = saveAgencyReportRequestSchema.parse(request.body);
      const saved = await options.reports.save(callerOf(response), coreGroupId, reviewConferenceId, { baseVersion: body.baseVersion, content: reportContentFromWire(body.content) });
      const answer: AgencyReportChangeResponse = { outcome: 'changed', report: agencyReportToWire(saved) };
      response.json(answer);
    }),
  );
  router.post(
    `${base}/mine/submit`,
    authed,
    ...smallBody,
    handled(options.logger, async (request, response) => {
      const { coreGroupId, reviewConferenceId } = reviewReportsParamsSchema.parse(request.params);
      const { version } = submitAgencyReportRequestSchema.parse(request.body);
      const submitted = await options.reports.submit(callerOf(response), coreGroupId, reviewConferenceId, version);
      const answer: AgencyReportChangeResponse = { outcome: submitted.outcome, report: agencyReportToWire(submitted.report) };
      response.json(answer);
    }),
  );
  router.get(
    `${base}/:reportId`,
    authed,
    handled(options.logger, async (request, response) => {
      const { coreGroupId, reviewConferenceId, reportId } = agencyReportParamsSchema.parse(request.params);
      const read = await options.reports.read(callerOf(response), coreGroupId, reviewConferenceId, reportId);
      const answer: AgencyReportReading = {
        caseReference: read.caseReference,
        author: { name: read.author?.displayName, agency: read.report.agency },
        report: agencyReportToWire(read.report),
        actions: read.actions.filter((action) => read.report.content.actionProgress.some((entry) => entry.actionId === action.id)).map((action) => ({ id: action.id, what: action.what })),
      };
      response.json(answer);
    }),
  );
  router.get(
    '/api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/conference-pack.:format',
    authed,
    handled(options.logger, async (request, response) => {
      const { coreGroupId, reviewConferenceId, format } = conferencePackParamsSchema.parse(request.params);
      sendFile(response, format, await options.packs.download({ caller: callerOf(response), coreGroupId, reviewConferenceId, format }));
    }),
  );
  return router;
}
