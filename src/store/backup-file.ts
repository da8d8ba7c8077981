import { closeSync, existsSync, linkSync, openSync, renameSync, rmSync } from 'node:fs';
import { AlreadyExistsError, InvalidInputError } from '../domain/errors';

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Writes a backup to `file` through a private partial file beside it, so that a failed or
 * interrupted backup never leaves something that looks like a backup, and an existing file is
 * never overwritten (the final hard link fails if the name was taken meanwhile). The file is
 * created readable by its owner only: it holds special category data about children.
 */
export async function writeOnce(file: string, write: (partial: string) => Promise<void>): Promise<void> {
  if (existsSync(file)) throw new AlreadyExistsError(`${file} exists already: choose a new name (a backup is never overwritten)`);
  const partial = `${file}.partial-${process.pid}`;
  try {
    closeSync(openSync(partial, 'wx', 0o600));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw new InvalidInputError(`cannot write ${file}: its folder does not exist`, { cause: error });
    throw error;
  }
  try {
    await write(partial);
    publish(partial, file);
  } finally {
    for (const suffix of ['', '-journal']) rmSync(`${partial}${suffix}`, { force: true });
  }
}

/** Gives the finished partial file its name, unless something took the name meanwhile. */
function publish(partial: string, file: string): void {
  try {
    linkSync(partial, file);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new AlreadyExistsError(`${file} appeared while the backup was written: choose a new name`, { cause: error });
    // Some network file systems have no hard links: a rename, checked first, is the next best.
    if (!['EPERM', 'ENOTSUP', 'ENOSYS'].includes(errorCode(error) ?? '') || existsSync(file)) throw error;
    renameSync(partial, file);
  }
}
