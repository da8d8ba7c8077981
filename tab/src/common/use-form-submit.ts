import { useState } from 'react';
import type { TabTranslate } from '../i18n/i18n';
import { errorTextIn } from './error-text';

/**
 * A dashboard form's submit (in the page's language): busy while
 * its request runs (the form's buttons disabled meanwhile), and the problem to show — one the form
 * found before sending (`setProblem`), or why the server refused the request.
 */
export function useFormSubmit(t: TabTranslate) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const send = async (request: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    try {
      await request();
    } catch (error) {
      setProblem(errorTextIn(error, t));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, send };
}
