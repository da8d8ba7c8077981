import { type Language, languageOfLocale } from '../i18n/language';
import type { Caller } from './authorise';
import type { Clock } from './ports/clock.port';
import type { LanguagePreferenceRepository } from './ports/store.port';

/**
 * Which language Core Group speaks to a person: the one they chose (`/coregroup language`, or in
 * the tab), else their Teams locale's (`cy-GB`: Welsh), else English. A choice is theirs alone,
 * read from the verified identity; choosing again replaces it.
 */
export function createLanguageChoices(deps: { languages: LanguagePreferenceRepository; clock: Pick<Clock, 'nowIso'> }) {
  return {
    async languageFor(caller: Caller, locale: string | undefined): Promise<Language> {
      return (await deps.languages.of(caller.tenantId, caller.aadObjectId)) ?? languageOfLocale(locale);
    },
    /** Choosing the language already chosen changes nothing: a retried request is the same choice. */
    async choose(caller: Caller, language: Language): Promise<void> {
      if ((await deps.languages.of(caller.tenantId, caller.aadObjectId)) === language) return;
      await deps.languages.choose({ tenantId: caller.tenantId, aadObjectId: caller.aadObjectId, language, at: deps.clock.nowIso() });
    },
  };
}

export type LanguageChoices = ReturnType<typeof createLanguageChoices>;
