/**
 * Counts attempts per key in fixed windows and says when a key has had its share: the parents'
 * check-in links use it per client address and per link. Per instance, in memory: with several
 * instances each allows its own share, which still bounds guessing far below what a 256-bit secret
 * needs. Keys whose window has passed are forgotten as new ones arrive, so memory stays bounded.
 */
export function createAttemptLimiter(options: { limit: number; windowMs: number; now?: () => number; maxKeys?: number }) {
  const now = options.now ?? (() => Date.now());
  const maxKeys = options.maxKeys ?? 10_000;
  const windows = new Map<string, { startedAt: number; count: number }>();

  const forgetPassed = (at: number) => {
    for (const [key, window] of windows) if (at - window.startedAt >= options.windowMs) windows.delete(key);
  };

  return {
    /** Counts one attempt for the key; false when it is over the limit for this window. */
    allow(key: string): boolean {
      const at = now();
      const current = windows.get(key);
      if (!current || at - current.startedAt >= options.windowMs) {
        if (windows.size >= maxKeys) forgetPassed(at);
        if (windows.size >= maxKeys) return false;
        windows.set(key, { startedAt: at, count: 1 });
        return true;
      }
      current.count++;
      return current.count <= options.limit;
    },
  };
}

export type AttemptLimiter = ReturnType<typeof createAttemptLimiter>;
