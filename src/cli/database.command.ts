import type { Config } from '../config/config';
import type { WorkingDays } from '../domain/working-days';
import type { Clock } from '../services/ports/clock.port';
import { seedDemoCoreGroup } from '../services/demo-core-group';
import { openDatabase } from '../store/database';
import { migrateToLatest } from '../store/migrate';
import { createStore } from '../store/store';
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

/** `coregroup seed-demo`: the demo core group with invented people (migrates first). */
export function seedDemoCommand(deps: { config: () => Config; clock: Clock; calendar: () => WorkingDays }): CliCommand {
  return {
    summary: 'add the demo core group (invented people) to the database',
    usage: 'seed-demo',
    async run(args, io) {
      parseFlags(args, {});
      const database = openDatabase(deps.config().database);
      try {
        await migrateToLatest(database);
        const store = createStore(database);
        const result = await seedDemoCoreGroup({ coreGroups: store.coreGroups, plans: store.plans, clock: deps.clock, calendar: deps.calendar() });
        io.out(result.created ? `demo core group created (${result.coreGroupId})` : `demo core group already present (${result.coreGroupId})`);
      } finally {
        await database.close();
      }
      return 0;
    },
  };
}
