/**
 * At most `limit` calls in flight; the rest wait their turn in order. Graph allows four
 * concurrent calendar requests per mailbox per app, so the adapter never sends more.
 */
export function concurrencyLimit(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return async (work) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await work();
    } finally {
      release();
    }
  };
}
