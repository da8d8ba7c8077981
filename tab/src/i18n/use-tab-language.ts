import { useEffect, useState } from 'react';
import type { MeResponse } from '@contracts/identity.contract';
import { useShell } from '../shell/shell.context';
import { type TabLanguage, type TabTranslate, tabLanguage, tabTranslator } from './i18n';

/**
 * The language of a page that has no language of its own to read (the dashboard has its answer's):
 * the person's choice from `GET /api/me`, else the host's locale (Teams' `app.locale`), else
 * English. Sets `<html lang>` to it. Until the choice is read, the host's locale decides.
 */
export function useTabLanguage(): { language: TabLanguage; t: TabTranslate } {
  const { api, locale } = useShell();
  const [chosen, setChosen] = useState<TabLanguage | undefined>();
  useEffect(() => {
    let live = true;
    api.get<MeResponse>('/api/me').then(
      (me) => live && setChosen(me.language),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  const language = tabLanguage(chosen, locale);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return { language, t: tabTranslator(language) };
}
