import { type DatesIn, datesIn } from './dates';
import type { Language } from './language';
import { type Translate, translatorFor } from './translate';

/** What a message, card or document is written with in one language: the catalogue's words, and dates. */
export interface Words {
  readonly language: Language;
  readonly t: Translate;
  readonly dates: DatesIn;
}

export function wordsIn(language: Language): Words {
  return { language, t: translatorFor(language), dates: datesIn(language) };
}
