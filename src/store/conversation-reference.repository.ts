import type { Kysely } from 'kysely';
import type { ConversationReferenceRepository } from '../services/ports/store.port';
import type { Database } from './schema';

/**
 * Conversation references in the database, per tenant, so any instance can send proactively after a
 * restart. `updated_at` is when the reference last changed.
 */
export function createConversationReferenceRepository(db: Kysely<Database>): ConversationReferenceRepository {
  return {
    async upsert({ tenantId, key, reference, at }) {
      const values = { tenant_id: tenantId, ref_key: key, reference: JSON.stringify(reference), updated_at: at };
      await db
        .insertInto('conversation_references')
        .values(values)
        // Unchanged (a person's every message carries the same reference): no row is written, so no disk sync.
        .onConflict((conflict) => conflict.columns(['tenant_id', 'ref_key']).doUpdateSet({ reference: values.reference, updated_at: at }).whereRef('conversation_references.reference', '<>', 'excluded.reference'))
        .execute();
    },
    async find(tenantId, key) {
      const row = await db.selectFrom('conversation_references').select('reference').where('tenant_id', '=', tenantId).where('ref_key', '=', key).executeTakeFirst();
      return row ? (JSON.parse(row.reference) as unknown) : undefined;
    },
  };
}
