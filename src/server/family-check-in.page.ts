import { createHash } from 'node:crypto';
import { FAMILY_ANSWERS, FAMILY_NOTE_MAX_LENGTH } from '../domain/family-check-in-link';
import { type DocumentLanguage, type Language, intlLocaleOf, languagesOfDocument } from '../i18n/language';
import type { Translate } from '../i18n/translate';
import { wordsIn } from '../i18n/words';
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

/** The languages a page is written in, Welsh first when both: the group's document language where the link names a group, else both (nothing says which the reader speaks). */
type PageLanguage = DocumentLanguage;

/** One language's words for a page, and its tag. */
const wordsOf = (language: Language) => ({ ...wordsIn(language), tag: intlLocaleOf(language) });

/**
 * A page in its languages: one language, as written; both, the Welsh part first and the English
 * after it, each marked with its language so a screen reader reads it in its own voice. `title`
 * and `body` make one language's part.
 */
function page(language: PageLanguage, title: (t: Translate) => string, body: (words: ReturnType<typeof wordsOf>, part: number) => string): string {
  const parts = languagesOfDocument(language).map(wordsOf);
  const [first] = parts;
  const html = parts.map((words, index) => (index === 0 ? body(words, index) : `<hr>\n<div lang="${words.tag}">\n${body(words, index)}\n</div>`)).join('\n');
  return `<!doctype html>
<html lang="${first!.tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="strict-origin">
<meta name="robots" content="noindex, nofollow">
<title>${parts.map((words) => escapeHtml(title(words.t))).join(' / ')} — Core Group</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${html}
</main>
</body>
</html>`;
}

/** A catalogue sentence with one value in bold: the sentence escaped, then the value put in as `<strong>` (the marker cannot come from a catalogue or a person). */
function withBold(t: Translate, key: string, name: string, value: string): string {
  const marker = '\u0001';
  return escapeHtml(t(key, { [name]: marker })).replace(marker, `<strong>${escapeHtml(value)}</strong>`);
}

/**
 * The link's page: the one action, its due date, and the form, in the group's document language
 * (both: each part in its language, one form whose choices say both). The token goes back in the
 * form's body.
 */
export function checkInFormPage(options: { action: LinkedAction; token: string }): string {
  const { action } = options;
  const parts = languagesOfDocument(action.language).map(wordsOf);
  // One form for both parts: each choice says both languages, each marked with its own.
  const bilingual = (say: (t: Translate) => string) => (parts.length === 1 ? escapeHtml(say(parts[0]!.t)) : parts.map((words) => `<span lang="${words.tag}">${escapeHtml(say(words.t))}</span>`).join(' / '));
  const choices = Object.keys(FAMILY_ANSWERS)
    .map((value) => `<label><input type="radio" name="answer" value="${value}" required> ${bilingual((t) => t(`familyPage.answer.${value}`))}</label>`)
    .join('\n');
  const form = `<form method="post" action="/family/check-in">
<input type="hidden" name="token" value="${escapeHtml(options.token)}">
<fieldset>
<legend>${bilingual((t) => t('familyPage.howLegend'))}</legend>
${choices}
</fieldset>
<label for="note">${bilingual((t) => t('familyPage.noteLabel'))}</label>
<textarea id="note" name="note" maxlength="${FAMILY_NOTE_MAX_LENGTH}"></textarea>
<p><button type="submit">${bilingual((t) => t('familyPage.send'))}</button></p>
</form>`;
  return page(
    action.language,
    (t) => t('familyPage.formTitle'),
    ({ t, dates }, part) => `<h1>${escapeHtml(t('familyPage.formTitle'))}</h1>
<p>${escapeHtml(t('familyPage.agreed'))}</p>
<blockquote>${escapeHtml(action.what)}</blockquote>
<p>${withBold(t, 'familyPage.due', 'date', dates.date(action.due))}</p>
${part === 0 ? `${form}\n` : ''}<p>${escapeHtml(t('familyPage.seen'))}</p>`,
  );
}

/** After an answer was recorded, in the group's document language. */
export function checkInThanksPage(language: PageLanguage = 'en'): string {
  return page(language, (t) => t('familyPage.thanksTitle'), ({ t }) => `<h1>${escapeHtml(t('familyPage.thanksTitle'))}</h1>\n<p>${escapeHtml(t('familyPage.thanks'))}</p>\n<p>${escapeHtml(t('familyPage.close'))}</p>`);
}

/** An answer that could not be read (no choice made, a note too long): which group it was for is not known, so in both languages. */
export function checkInInvalidPage(language: PageLanguage = 'both'): string {
  return page(language, (t) => t('familyPage.invalidTitle'), ({ t }) => `<h1>${escapeHtml(t('familyPage.invalidTitle'))}</h1>\n<p>${escapeHtml(t('familyPage.invalid', { max: FAMILY_NOTE_MAX_LENGTH }))}</p>`);
}

/** Any link that does not work, for whatever reason: the same words, nothing about the case (so in both languages). */
export function checkInRefusedPage(): string {
  return page('both', (t) => t('familyPage.refusedTitle'), ({ t }) => `<h1>${escapeHtml(t('familyPage.refusedTitle'))}</h1>\n<p>${escapeHtml(t('familyPage.refused'))}</p>\n<p>${escapeHtml(t('familyPage.refusedContact'))}</p>`);
}

/** Too many tries in a short time, from this address or on this link (in both languages). */
export function checkInBusyPage(): string {
  return page('both', (t) => t('familyPage.busyTitle'), ({ t }) => `<h1>${escapeHtml(t('familyPage.busyHeading'))}</h1>\n<p>${escapeHtml(t('familyPage.busy'))}</p>`);
}
