import { type Router, Router as createRouter } from 'express';
import { type ChosenLanguageResponse, type DocumentLanguageResponse, chooseLanguageRequestSchema, documentLanguageRequestSchema } from '../contracts/language.contract';
import { coreGroupParamsSchema } from '../contracts/review-conferences.contract';
import type { DocumentLanguages } from '../services/document-language.service';
import type { LanguageChoices } from '../services/language-choice.service';
import { handled } from './api-errors';
import { jsonBody } from './json-body';
import type { Logger } from './logger';
import { type TabTokenVerifier, callerOf, requireCaller } from './tab-auth';

/**
 * Languages from the tab: the caller's own (`PUT /api/me/language`, theirs alone, from the verified
 * identity) and a core group's documents' (`GET|PUT /api/core-groups/:id/document-language`,
 * authorised by the service).
 */
export function languageRouter(options: { choices: Pick<LanguageChoices, 'choose'>; documents: DocumentLanguages; verifier: TabTokenVerifier; logger: Logger }): Router {
  const { logger } = options;
  const router = createRouter();
  const authed = requireCaller(options.verifier);
  const smallBody = jsonBody({ limit: '1kb' });
  router.put(
    '/api/me/language',
    authed,
    ...smallBody,
    handled(logger, async (request, response) => {
      const { language } = chooseLanguageRequestSchema.parse(request.body);
      await options.choices.choose(callerOf(response), language);
      const answer: ChosenLanguageResponse = { language };
      response.json(answer);
    }),
  );
  router.get(
    '/api/core-groups/:coreGroupId/document-language',
    authed,
    handled(logger, async (request, response) => {
      const { coreGroupId } = coreGroupParamsSchema.parse(request.params);
      const answer: DocumentLanguageResponse = await options.documents.view(callerOf(response), coreGroupId);
      response.json(answer);
    }),
  );
  router.put(
    '/api/core-groups/:coreGroupId/document-language',
    authed,
    ...smallBody,
    handled(logger, async (request, response) => {
      const { coreGroupId } = coreGroupParamsSchema.parse(request.params);
      const { language } = documentLanguageRequestSchema.parse(request.body);
      const answer: DocumentLanguageResponse = await options.documents.choose(callerOf(response), coreGroupId, language);
      response.json(answer);
    }),
  );
  return router;
}
