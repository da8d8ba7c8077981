import type { Config } from '../config/config';
import { openDatabase } from '../store/database';
import { migrateToLatest } from '../store/migrate';
import { type Store, createStore } from '../store/store';
import type { CliCommand } from './cli-io';
import { parseFlags } from './options';

/** Where a command's database is, said without credentials. */
function describeDatabase(config: Config): string {
  return config.database.url ? `PostgreSQL (${new URL(config.database.url).host})` : `SQLite (${config.database.sqliteFile})`;
}

/** `coregroup migrate`: brings the configured database to the latest schema. */
export function migrateCommand(config: () => Config): CliCommand {
  return {
    summary: 'bring the database to the latest schema',
    usage: 'migrate',
    async run(args, io) {
      parseFlags(args, {});
      const database = openDatabase(config().database);
      try {
        const ran = await migrateToLatest(database);
        io.out(ran.length === 0 ? `${describeDatabase(config())} is up to date` : `${describeDatabase(config())}: ran ${ran.join(', ')}`);
      } finally {
        await database.close();
      }
      return 0;
    },
  };
}

/**
 * `coregroup seed-demo`: the demo caseload (three core groups, invented people; migrates first). The seed
 * itself is local mode's (`src/local`), handed in by the CLI's composition root, which loads it
 * only when this command runs.
 */
export function seedDemoCommand(deps: { config: () => Config; seed: (store: Store) => Promise<{ created: readonly string[]; present: readonly string[] }> }): CliCommand {
  return {
    summary: 'add the demo caseload (three core groups, invented people) to the database',
    usage: 'seed-demo',
    async run(args, io) {
      parseFlags(args, {});
      const database = openDatabase(deps.config().database);
      try {
        await migrateToLatest(database);
        const store = createStore(database);
        const result = await deps.seed(store);
        if (result.created.length > 0) io.out(`demo caseload created: ${result.created.join(', ')}`);
        if (result.present.length > 0) io.out(`demo caseload already present: ${result.present.join(', ')}`);
      } finally {
        await database.close();
      }
      return 0;
    },
  };
}
