import { createHash } from 'node:crypto';
import { FAMILY_ANSWERS, FAMILY_NOTE_MAX_LENGTH } from '../domain/family-check-in-link';
import { ukDate } from '../domain/uk-date';
import type { LinkedAction } from '../services/family-check-in/family-check-in-links.service';

/** The pages' only style, inline and allowed by its hash: no external asset, no script. */
const STYLE = [
  'body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b;background:#fff}',
  'h1{font-size:1.5rem}',
  'blockquote{margin:1rem 0;padding:.75rem 1rem;border-left:4px solid #5b5fc7;background:#f3f3fb;white-space:pre-wrap}',
  'fieldset{border:0;padding:0;margin:1rem 0}',
  'legend{font-weight:600;margin-bottom:.5rem}',
  'label{display:block;margin:.5rem 0}',
  'textarea{width:100%;min-height:6rem;font:inherit}',
  'button{font:inherit;padding:.6rem 1.2rem;background:#5b5fc7;color:#fff;border:0;border-radius:4px;cursor:pointer}',
  'button:focus,input:focus,textarea:focus{outline:3px solid #1b1b1b;outline-offset:2px}',
].join('');

/** The Content-Security-Policy of every page here: nothing loads, nothing runs, nothing frames it; the form posts only here. */
export const FAMILY_PAGE_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="strict-origin">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} — Core Group</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** The link's page: the one action, its due date, and the form. The token goes back in the form's body. */
export function checkInFormPage(options: { action: LinkedAction; token: string }): string {
  const { action } = options;
  const choices = Object.entries(FAMILY_ANSWERS)
    .map(([value, { label }]) => `<label><input type="radio" name="answer" value="${value}" required> ${escapeHtml(label)}</label>`)
    .join('\n');
  return page(
    'How is your action going?',
    `<h1>How is your action going?</h1>
<p>This is what you agreed to do in the child protection plan:</p>
<blockquote>${escapeHtml(action.what)}</blockquote>
<p>It is due by <strong>${escapeHtml(ukDate(action.due))}</strong>.</p>
<form method="post" action="/family/check-in">
<input type="hidden" name="token" value="${escapeHtml(options.token)}">
<fieldset>
<legend>How is it going?</legend>
${choices}
</fieldset>
<label for="note">Anything you want to add (optional)</label>
<textarea id="note" name="note" maxlength="${FAMILY_NOTE_MAX_LENGTH}"></textarea>
<p><button type="submit">Send my answer</button></p>
</form>
<p>Your lead social worker and the core group will see your answer. This link works once.</p>`,
  );
}

/** After an answer was recorded. */
export function checkInThanksPage(): string {
  return page('Thank you', '<h1>Thank you</h1>\n<p>Your answer is recorded. Your lead social worker and the core group can see it.</p>\n<p>You can close this page.</p>');
}

/** An answer that could not be read (no choice made, a note too long). */
export function checkInInvalidPage(): string {
  return page('Please try again', `<h1>Please try again</h1>\n<p>Choose on track, done or stuck, and keep your note under ${FAMILY_NOTE_MAX_LENGTH} characters. Go back to the page and send your answer again.</p>`);
}

/** Any link that does not work, for whatever reason: the same words, nothing about the case. */
export function checkInRefusedPage(): string {
  return page(
    'This link does not work',
    '<h1>This link does not work</h1>\n<p>It may have been used already, have expired, or not have been copied in full. Nothing has been recorded from it.</p>\n<p>If you want to say how your action is going, please contact your lead social worker.</p>',
  );
}

/** Too many tries in a short time, from this address or on this link. */
export function checkInBusyPage(): string {
  return page('Please wait', '<h1>Please wait a few minutes</h1>\n<p>There have been too many tries in a short time. Try the link again later.</p>');
}
