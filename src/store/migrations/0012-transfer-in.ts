import type { Kysely } from 'kysely';

/**
 * Where a case came from when it transferred in from another area: its core group started at a
 * transfer-in conference (on `icpc_date`) rather than an ICPC.
 */
export const transferInSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('core_groups').addColumn('transferred_in_from', 'text').execute();
  },
};
