/**
 * The message a promise rejects with: a domain error's `userMessage` (what users see; its
 * `message` is for the logs), otherwise its message. Jest runs each test file in its own realm,
 * and a native driver (better-sqlite3) keeps the Error class of the first file that loaded it, so
 * later files cannot rely on `rejects.toThrow()` recognising its errors.
 */
export async function rejectionOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const rejected = error as { userMessage?: unknown; message?: unknown } | null;
    return String(rejected?.userMessage ?? rejected?.message ?? error);
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** The same for a change refused as it is made: what the person is told, or undefined when nothing was refused. */
export function userMessageOf(change: () => unknown): string | undefined {
  try {
    change();
  } catch (error) {
    return (error as { userMessage?: string }).userMessage;
  }
  return undefined;
}
