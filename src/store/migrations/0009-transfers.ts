import type { Kysely } from 'kysely';

/** Where a case went when it transferred out to another area (its plan ended here that day). */
export const transfersSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('core_groups').addColumn('transferred_to', 'text').execute();
  },
};
