import { type Request, type Response, type Router, Router as createRouter, urlencoded } from 'express';
import { familyCheckInFormSchema, familyCheckInParamsSchema } from '../contracts/family-check-in.contract';
import type { FamilyCheckInLinks, LinkRefusal } from '../services/family-check-in/family-check-in-links.service';
import { type AttemptLimiter, createAttemptLimiter } from './attempt-limiter';
import { FAMILY_PAGE_POLICY, checkInBusyPage, checkInFormPage, checkInInvalidPage, checkInRefusedPage, checkInThanksPage } from './family-check-in.page';

/** How many tries a client address, and one link, get in a quarter of an hour: a parent needs two (open, answer). */
const QUARTER_HOUR_MS = 15 * 60_000;
const PER_ADDRESS = 30;
const PER_LINK = 10;

/** The selector half of a token as typed (the first 22 characters): what a link's tries are counted by, never the secret half. */
const linkKey = (token: string) => token.slice(0, 22);

/**
 * A link page's referrer policy: the origin only, never the path — so never the token — and only
 * over https. Not `no-referrer`, which the rest of the service sends: under it a browser posts the
 * form with `Origin: null`, which local mode's guard refuses as another site's (and rightly).
 */
const LINK_PAGE_REFERRER_POLICY = 'strict-origin';

function sendPage(response: Response, status: number, html: string): void {
  response.setHeader('Content-Security-Policy', FAMILY_PAGE_POLICY);
  response.setHeader('Referrer-Policy', LINK_PAGE_REFERRER_POLICY);
  response.setHeader('X-Robots-Tag', 'noindex, nofollow');
  response.status(status).type('html').send(html);
}

const refusal = (response: Response, refused: LinkRefusal) => sendPage(response, refused.refused === 'gone' ? 410 : 404, checkInRefusedPage());

/**
 * A parent's check-in link (issue 14, item 6), outside the tab and its sign-in: the link's token is
 * the only credential, and it reaches one action. `GET /family/check-in/:token` shows that action
 * and the form; `POST /family/check-in` (form-encoded, the token in the body) records the answer.
 * Any link that does not work gets the same page (404 unknown or tampered, 410 used or expired);
 * too many tries from one address or on one link get a 429. Pages are small, server-rendered,
 * without scripts or external assets, under their own strict Content-Security-Policy, sending the
 * origin at most as referrer (the host says no-store on every answer). Nothing is logged from these requests.
 */
export function familyCheckInRouter(options: { links: Pick<FamilyCheckInLinks, 'open' | 'answer'>; perAddress?: AttemptLimiter; perLink?: AttemptLimiter }): Router {
  const perAddress = options.perAddress ?? createAttemptLimiter({ limit: PER_ADDRESS, windowMs: QUARTER_HOUR_MS });
  const perLink = options.perLink ?? createAttemptLimiter({ limit: PER_LINK, windowMs: QUARTER_HOUR_MS });
  const allowed = (request: Request, token: string) => perAddress.allow(request.ip ?? 'unknown') && perLink.allow(linkKey(token));
  const router = createRouter();

  router.get('/family/check-in/:token', async (request, response, next) => {
    try {
      const params = familyCheckInParamsSchema.safeParse(request.params);
      if (!params.success) return sendPage(response, 404, checkInRefusedPage());
      if (!allowed(request, params.data.token)) return sendPage(response, 429, checkInBusyPage());
      const opened = await options.links.open(params.data.token);
      if ('refused' in opened) return refusal(response, opened);
      sendPage(response, 200, checkInFormPage({ action: opened, token: params.data.token }));
    } catch (error) {
      next(error);
    }
  });

  router.post('/family/check-in', urlencoded({ extended: false, limit: '8kb' }), async (request, response, next) => {
    try {
      const form = familyCheckInFormSchema.safeParse(request.body ?? {});
      const token = typeof request.body?.token === 'string' ? (request.body.token as string) : '';
      if (!allowed(request, token)) return sendPage(response, 429, checkInBusyPage());
      if (!form.success) return sendPage(response, 400, checkInInvalidPage());
      const answered = await options.links.answer(form.data);
      if ('refused' in answered) return refusal(response, answered);
      sendPage(response, 200, checkInThanksPage(answered.language));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
