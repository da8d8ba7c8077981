import { useEffect, useState } from 'react';
import { useShell } from '../shell/shell.context';
import type { TabTranslate } from '../i18n/i18n';
import { errorTextIn } from './error-text';

/**
 * A dashboard panel's list, loaded from the API (in the page's language): again when `reload` changes or after one of its actions (`acted`, which also keeps
 * the note saying what the action did). `failed` is why the list could not be loaded, for the
 * panel to put in its own sentence.
 */
export function usePanelList<Answer, Item>(options: { path: string; t: TabTranslate; pick: (answer: Answer) => Item[]; reload?: number }) {
  const { api } = useShell();
  const [items, setItems] = useState<Item[] | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  const [note, setNote] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const { path, t, pick, reload } = options;

  useEffect(() => {
    let live = true;
    api.get<Answer>(path).then(
      (answer) => live && setItems(pick(answer)),
      (error: unknown) => live && setFailed(errorTextIn(error, t)),
    );
    return () => {
      live = false;
    };
    // `pick` is a pure projection and `t` only words the failure: neither must reload the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, path, attempt, reload]);

  const acted = (done: string) => {
    setNote(done);
    setAttempt((count) => count + 1);
  };
  return { items, failed, note, acted };
}
