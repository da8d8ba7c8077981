import { type Router, Router as createRouter } from 'express';
import {
  type FileEmailResponse,
  type FiledDocumentWire,
  type FilingCasesResponse,
  type MeetingPapersResponse,
  type OutlookEventResponse,
  fileEmailRequestSchema,
  filedAttachmentParamsSchema,
  filedDocumentParamsSchema,
  outlookEventQuerySchema,
} from '../contracts/filing.contract';
import { meetingParamsSchema } from '../contracts/minutes.contract';
import { coreGroupParamsSchema } from '../contracts/review-conferences.contract';
import { minutesTabLink } from '../contracts/teams-links.contract';
import { ATTACHMENT_MEDIA_TYPES, type FiledDocument } from '../domain/filed-document';
import type { Caller } from '../services/authorise';
import type { CalendarEventDetails } from '../services/filing/calendar-event';
import type { FilingService } from '../services/filing/filing.service';
import { handled } from './api-errors';
import { sendDownload } from './download';
import { jsonBody } from './json-body';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';

function documentToWire(document: FiledDocument, filedBy: string | undefined): FiledDocumentWire {
  return {
    id: document.id,
    kind: document.kind,
    reviewConferenceId: document.reviewConferenceId,
    meetingId: document.meetingId,
    agency: document.agency,
    subject: document.subject,
    sender: document.sender,
    receivedAt: document.receivedAt,
    filedAt: document.filedAt,
    filedBy,
    body: document.body,
    attachments: document.attachments.map((attachment) => ({ id: attachment.id, name: attachment.name, type: attachment.type, size: attachment.size })),
  };
}

/**
 * The Outlook add-in's API (issue 15), under the same SSO token verification as the tab: the
 * caller's cases to file to, filing an e-mail with its attachments, reading a filed e-mail and its
 * attachments, and the case behind a core group's calendar event. Authorised by the service from
 * the verified caller. The filing body may carry attachments up to 20 MB (base64), so it alone
 * takes a large body.
 */
export function filingRouter(options: { filing: FilingService; eventDetails: (caller: Caller, chatId: string) => Promise<CalendarEventDetails>; teamsAppId: string; verifier: TabTokenVerifier; logger: Logger }): Router {
  const router = createRouter();
  const authed = requireCaller(options.verifier);
  const filingBody = jsonBody({ limit: '28mb' });

  router.get(
    '/api/outlook/cases',
    authed,
    handled(options.logger, async (_request, response) => {
      const cases = await options.filing.cases(callerOf(response));
      const answer: FilingCasesResponse = {
        cases: cases.map((entry) => ({
          coreGroupId: entry.coreGroupId,
          caseReference: entry.caseReference,
          review: entry.review && { id: entry.review.id, date: entry.review.date.toString(), reportsDue: entry.review.reportsDue?.toString(), agencies: [...entry.review.agencies] },
          nextMeeting: entry.nextMeeting && { id: entry.nextMeeting.id, date: entry.nextMeeting.date.toString() },
        })),
      };
      response.json(answer);
    }),
  );
  router.get(
    '/api/outlook/event',
    authed,
    handled(options.logger, async (request, response) => {
      const { chatId } = outlookEventQuerySchema.parse(request.query);
      const details = await options.eventDetails(callerOf(response), chatId);
      const answer: OutlookEventResponse = {
        coreGroupId: details.coreGroupId,
        caseReference: details.caseReference,
        meeting: { id: details.meeting.id, date: details.meeting.date.toString(), status: details.meeting.status },
        deadlines: details.deadlines.map((obligation) => ({ id: obligation.id, kind: obligation.kind, wording: obligation.wording, due: obligation.due.toString(), status: obligation.status, daysLate: obligation.daysLate })),
        minutesUrl: minutesTabLink(options.teamsAppId, details.meeting.chatId),
      };
      response.json(answer);
    }),
  );
  router.post(
    '/api/core-groups/:coreGroupId/filed-documents',
    authed,
    ...filingBody,
    handled(options.logger, async (request, response) => {
      const { coreGroupId } = coreGroupParamsSchema.parse(request.params);
      const body = fileEmailRequestSchema.parse(request.body);
      const filed = await options.filing.file(callerOf(response), coreGroupId, {
        messageId: body.messageId,
        subject: body.subject,
        sender: body.sender,
        receivedAt: body.receivedAt,
        body: body.body,
        to: body.to,
        attachments: body.attachments.map((attachment) => ({ name: attachment.name, bytes: Buffer.from(attachment.content, 'base64') })),
      });
      const answer: FileEmailResponse = { outcome: filed.outcome, document: documentToWire(filed.document, filed.filedBy) };
      response.json(answer);
    }),
  );
  router.get(
    '/api/meetings/:meetingId/papers',
    authed,
    handled(options.logger, async (request, response) => {
      const { meetingId } = meetingParamsSchema.parse(request.params);
      const { coreGroupId, papers } = await options.filing.papers(callerOf(response), meetingId);
      const answer: MeetingPapersResponse = { coreGroupId, papers: papers.map(({ document, filedBy }) => ({ id: document.id, subject: document.subject, sender: document.sender, receivedAt: document.receivedAt, filedAt: document.filedAt, filedBy, attachments: document.attachments.length })) };
      response.json(answer);
    }),
  );
  router.get(
    '/api/core-groups/:coreGroupId/filed-documents/:documentId',
    authed,
    handled(options.logger, async (request, response) => {
      const { coreGroupId, documentId } = filedDocumentParamsSchema.parse(request.params);
      const { document, filedBy } = await options.filing.read(callerOf(response), coreGroupId, documentId);
      response.json(documentToWire(document, filedBy));
    }),
  );
  router.get(
    '/api/core-groups/:coreGroupId/filed-documents/:documentId/attachments/:attachmentId',
    authed,
    handled(options.logger, async (request, response) => {
      const { coreGroupId, documentId, attachmentId } = filedAttachmentParamsSchema.parse(request.params);
      const { attachment, bytes } = await options.filing.attachment(callerOf(response), coreGroupId, documentId, attachmentId);
      sendDownload(response, { contentType: ATTACHMENT_MEDIA_TYPES[attachment.type], fileName: attachment.name, file: Buffer.from(bytes) });
    }),
  );
  return router;
}
