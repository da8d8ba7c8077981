import { existsSync } from 'node:fs';
import express, { type Router, Router as createRouter } from 'express';

/** Where Teams, Outlook and the Microsoft 365 app host tabs: the only pages allowed to frame the tab. */
export const TAB_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://*.office.com',
  'https://*.microsoft365.com',
];

/** Where Office.js comes from: Office add-ins must load Microsoft's hosted copy, which loads its host-specific parts from the same place. */
export const OFFICE_SCRIPT_HOST = 'https://appsforoffice.microsoft.com';

/** The Outlook add-in's page: the only one that may run Office's scripts. */
const OUTLOOK_PAGE = /^\/outlook(\.html)?$/;

function contentSecurityPolicy(options: { officeScripts: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self'${options.officeScripts ? ` ${OFFICE_SCRIPT_HOST}` : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self' https://res.cdn.office.net",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${TAB_FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

/**
 * The built tab (`tab/dist`, from `npm run build:tab`) at `/tab/`, under a Content-Security-Policy
 * that loads code only from this server and lets only Microsoft's hosts frame it. Fluent UI writes
 * its styles at run time, hence inline styles (never inline scripts); teams-js reads Microsoft's
 * list of valid host domains from its CDN, hence that one fetch origin. The Outlook add-in's page
 * alone may also run scripts from Office's script host (Office.js).
 */
export function tabRouter(distDir: string): Router {
  const router = createRouter();
  const policy = contentSecurityPolicy({ officeScripts: false });
  const outlookPolicy = contentSecurityPolicy({ officeScripts: true });
  router.use('/tab', (request, response, next) => {
    response.setHeader('Content-Security-Policy', OUTLOOK_PAGE.test(request.path) ? outlookPolicy : policy);
    next();
  });
  if (existsSync(distDir)) {
    router.use('/tab', express.static(distDir, { index: false, extensions: ['html'], setHeaders: (response, path) => response.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store') }));
  } else {
    router.get('/tab/{*rest}', (_request, response) => {
      response.status(503).type('text/plain').send('The tab is not built yet: run npm run build:tab');
    });
  }
  return router;
}
