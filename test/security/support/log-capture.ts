import pino from 'pino';
import { type Logger, createLogger } from '../../../src/server/logger';

/** The product's logger (its level, redaction and serialisers), writing into memory instead of stdout. */
export interface CapturedLog {
  readonly logger: Logger;
  /** Every line written since the last `clear`, as pino wrote it (one JSON object per line). */
  lines(): readonly string[];
  clear(): void;
}

/**
 * `createLogger` writes to stdout and takes no destination; its stream is swapped for a buffer
 * here (pino keeps it under `pino.symbols.streamSym`), so what is checked is exactly what
 * production would write — at `trace`, the most it can ever write.
 */
export function capturedLog(level = 'trace'): CapturedLog {
  const written: string[] = [];
  const logger = createLogger({ level });
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = { write: (line: string) => written.push(line) };
  return {
    logger,
    lines: () => [...written],
    clear: () => {
      written.splice(0);
    },
  };
}
