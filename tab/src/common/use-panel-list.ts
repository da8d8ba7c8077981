import { useEffect, useState } from 'react';
import { useShell } from '../shell/shell.context';
import { errorText } from './error-text';

/**
 * A dashboard panel's list, loaded from the API: again when `reload` changes or after one of its
 * actions (`acted`, which also keeps the note saying what the action did). `what` names the list
 * in the message shown when it cannot be loaded.
 */
export function usePanelList<Answer, Item>(options: { path: string; what: string; pick: (answer: Answer) => Item[]; reload?: number }) {
  const { api } = useShell();
  const [items, setItems] = useState<Item[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [note, setNote] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const { path, what, pick, reload } = options;

  useEffect(() => {
    let live = true;
    api.get<Answer>(path).then(
      (answer) => live && setItems(pick(answer)),
      (error: unknown) => live && setProblem(`${what} could not be loaded: ${errorText(error)}`),
    );
    return () => {
      live = false;
    };
    // `pick` is a pure projection: a new function each render must not reload the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, path, what, attempt, reload]);

  const acted = (done: string) => {
    setNote(done);
    setAttempt((count) => count + 1);
  };
  return { items, problem, note, acted };
}
