import { type DocumentLanguage, type Language, languagesOfDocument } from '../../i18n/language';
import { type Words, wordsIn } from '../../i18n/words';

/** What an e-mail that carries a record says: its subject and its plain-text body. */
export interface CoveringWords {
  readonly subject: string;
  readonly bodyText: string;
}

/**
 * The words of an e-mail that carries a record, in the language its reader chose, else in the
 * record's own: someone who never chose one — a parent or another agency reached only by e-mail
 * cannot — reads the e-mail in the language of what is attached. In both languages, the Welsh
 * first: the subjects joined by " / ", the bodies by a rule.
 */
export function coveringMail(options: { chosen: Language | undefined; record: DocumentLanguage }, write: (words: Words) => CoveringWords): CoveringWords {
  const languages = options.chosen ? [options.chosen] : languagesOfDocument(options.record);
  const parts = languages.map((language) => write(wordsIn(language)));
  return { subject: parts.map((part) => part.subject).join(' / '), bodyText: parts.map((part) => part.bodyText).join('\n\n—\n\n') };
}
