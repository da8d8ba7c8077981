import { useState } from 'react';
import { errorText } from './error-text';

/**
 * A dashboard form's submit: busy while its request runs (the form's buttons disabled meanwhile),
 * and the problem to show — one the form found before sending (`setProblem`), or why the server
 * refused the request.
 */
export function useFormSubmit() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const send = async (request: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    try {
      await request();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, send };
}
