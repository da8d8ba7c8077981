import { obligationLabel } from '../common/labels';
import { type TabTranslate, tabTranslator } from '../i18n/i18n';

/** The English catalogue: what the server's English words are checked against before a translation replaces them. */
export const englishTranslator = tabTranslator('en');

/** A kind of statutory deadline by name ("Core group meeting"); a kind the catalogue does not know, in words. */
export function obligationIn(t: TabTranslate, kind: string): string {
  return t(`dashLabels.obligation.${kind}`, { defaultValue: obligationLabel(kind) });
}

/**
 * Words the server sends in English only (a route step, a timeline event): the key, among `keys`
 * under `prefix`, of the catalogue entry whose English is exactly what the server sent — for the
 * caller to say it in the page's language — or undefined when none is, and the server's words are
 * shown as they came, so nothing the catalogue does not know is said wrongly.
 */
export function keyOfServerEnglish(options: { prefix: string; keys: readonly string[]; sent: string }): string | undefined {
  return options.keys.find((key) => englishTranslator(`${options.prefix}.${key}`) === options.sent);
}

/**
 * A sentence the server also writes, in English, from facts the tab has too: the catalogue's
 * sentence in the page's language when its English is exactly the server's, else the server's own.
 */
export function likeServer(sent: string, sentence: { english: string; translated: string }): string {
  return sentence.english === sent ? sentence.translated : sent;
}
