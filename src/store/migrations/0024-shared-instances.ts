import type { Kysely } from 'kysely';

/**
 * What app instances sharing one PostgreSQL database share beyond the job queue (issue 16): the
 * Teams sends each counted against its rate-limit keys (`rate_sends`: a key such as a tenant or a
 * conversation, and when, in the database's milliseconds), so N instances keep one limit; and
 * leases (`leases`: a task's name, the instance holding it, until when) so work meant to run once
 * a period — the hourly review — runs in one instance, and is taken over when its holder dies.
 * Created on SQLite too, where one instance uses them alone.
 */
export const sharedInstancesSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('rate_sends')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rate_sends_by_key').on('rate_sends').columns(['key', 'at']).execute();
    await db.schema
      .createTable('leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('until_ms', 'bigint', (c) => c.notNull())
      .execute();
  },
};
