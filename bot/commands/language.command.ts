import { languageNamed } from '../../src/i18n/language';
import { translatorFor } from '../../src/i18n/translate';
import type { Command } from './command';

/**
 * `/coregroup language cymraeg|english`: the language Core Group speaks to the caller from now on
 * (their own choice, over their Teams locale). Without a language, or with one it does not speak,
 * it says which it speaks now and how to change it. Anywhere: it shows nothing of any case.
 */
export const languageCommand: Command = {
  personalOnly: false,
  run: async (request, services) => {
    if (request.rest === '') return { text: translatorFor(request.language)('language.now') };
    const chosen = languageNamed(request.rest);
    if (!chosen) return { text: translatorFor(request.language)('language.unknown') };
    await services.languages.choose(request.caller, chosen);
    return { text: translatorFor(chosen)('language.set') };
  },
};
