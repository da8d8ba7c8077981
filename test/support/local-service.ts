import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { type RunningService, startService } from '../../src/main';
import { createLogger } from '../../src/server/logger';
import { openDatabase } from '../../src/store/database';
import { type Store, createStore } from '../../src/store/store';

/**
 * The service as `npm start` composes it in local mode (SQLite, the Graph simulator), started
 * before the file's tests and stopped after them, with its store opened beside it to arrange data.
 */
export function localServiceForTests(prefix: string): { service: () => RunningService; store: () => Store } {
  let service: RunningService | undefined;
  let store: Store | undefined;
  let close: () => Promise<void> = async () => undefined;
  const sqliteFile = join(mkdtempSync(join(tmpdir(), prefix)), 'local.db');
  beforeAll(async () => {
    service = await startService(loadConfig({ PORT: '0', GRAPH_SIMULATOR_PORT: '0', SQLITE_FILE: sqliteFile }), createLogger({ level: 'silent' }));
    const database = openDatabase({ sqliteFile });
    store = createStore(database);
    close = () => database.close();
  });
  afterAll(async () => {
    await close();
    await service?.stop();
  });
  return { service: () => service!, store: () => store! };
}
