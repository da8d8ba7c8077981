import type { Kysely } from 'kysely';

/**
 * Each counted Teams send gets the id of its send (`send_id`), so the instance that sent it can
 * move its row's time once Teams has answered: until then a send is counted as if it could still
 * arrive (`src/store/shared-rate-limiter.ts`). Rows written before have none and run out with
 * their windows.
 */
export const rateSendAnswersSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('rate_sends').addColumn('send_id', 'text').execute();
    await db.schema.createIndex('rate_sends_by_send').on('rate_sends').column('send_id').execute();
  },
};
