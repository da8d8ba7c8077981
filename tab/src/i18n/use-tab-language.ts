import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MeResponse } from '@contracts/identity.contract';
import type { ApiClient } from '../api/api.client';
import { useShell } from '../shell/shell.context';
import { type TabLanguage, type TabTranslate, tabLanguage, tabTranslator } from './i18n';

/**
 * The language of a page that has no language of its own to read (the dashboard has its answer's):
 * the person's choice from `GET /api/me`, else the host's locale (Teams' `app.locale`), else
 * English. Sets `<html lang>` to it. Until the choice is read, the host's locale decides.
 */
export function useTabLanguage(): { language: TabLanguage; t: TabTranslate } {
  const { api, locale } = useShell();
  return usePersonLanguage({ api, hostLocale: locale });
}

/**
 * The same for a page outside the Teams shell (the Outlook add-in): the person's choice once `api`
 * can ask for it (none yet: the host's locale alone), else `hostLocale` (Office's
 * `displayLanguage`), else English. Sets `<html lang>` to it.
 */
export function usePersonLanguage(options: { api: ApiClient | undefined; hostLocale: string | undefined }): { language: TabLanguage; t: TabTranslate } {
  const { api } = options;
  const [chosen, setChosen] = useState<TabLanguage | undefined>();
  useEffect(() => {
    if (!api) return;
    let live = true;
    api.get<MeResponse>('/api/me').then(
      (me) => live && setChosen(me.language),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  const language = tabLanguage(chosen, options.hostLocale);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return { language, t: tabTranslator(language) };
}

const followLang = (onChange: () => void) => {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
};

/**
 * The language the page has declared on `<html lang>` (each page sets it), followed as it changes:
 * for words that sit outside the page's own components (the shell's local-mode bar, a date field's
 * placeholder) and should read in the page's language.
 */
export function usePageLanguage(): { language: TabLanguage; t: TabTranslate } {
  const language = useSyncExternalStore(followLang, () => tabLanguage(undefined, document.documentElement.lang));
  return { language, t: tabTranslator(language) };
}
