/**
 * The message a promise rejects with. Jest runs each test file in its own realm, and a native
 * driver (better-sqlite3) keeps the Error class of the first file that loaded it, so later files
 * cannot rely on `rejects.toThrow()` recognising its errors; the message is what users see anyway.
 */
export async function rejectionOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { message?: unknown } | null)?.message ?? error);
  }
  throw new Error('expected the promise to reject, but it resolved');
}
