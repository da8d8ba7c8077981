import { DomainError } from '../domain/errors';
import type { Words } from '../i18n/words';
import { translationOf } from './error-codes';

/** What an edge needs to word a failure: the reader's language and its catalogue. */
export type RefusalWords = Pick<Words, 'language' | 't'>;

/**
 * What people are told about an error, in the reader's language: its catalogue words (`said`),
 * else — an error raised where no words were written for it — its English `userMessage` to an
 * English reader and the catalogue's general words for its code to anyone else. Undefined when the
 * error table says to tell nothing of it (a fault of ours): the edge then says its general words.
 */
export function refusalIn(words: RefusalWords, error: unknown): string | undefined {
  if (!(error instanceof DomainError) || translationOf(error).tell !== 'user-message') return undefined;
  if (error.said) return words.t(error.said.key, error.said.values ?? {});
  return words.language === 'en' ? error.userMessage : words.t(`refusals.byCode.${translationOf(error).code}`);
}

/** The same, or the general words for a failure the app says nothing of ("it has been logged"). */
export function failureIn(words: RefusalWords, error: unknown): string {
  return refusalIn(words, error) ?? words.t('refusals.somethingWentWrong');
}
