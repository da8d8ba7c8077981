import type { Kysely } from 'kysely';
import { LANGUAGES, type Language } from '../i18n/language';
import type { LanguagePreferenceRepository } from '../services/ports/store.port';
import type { Database } from './schema';

/** Each person's chosen language, on Kysely: one row a person in a tenant, the latest choice kept. */
export function createLanguagePreferenceRepository(db: Kysely<Database>): LanguagePreferenceRepository {
  return {
    async of(tenantId, aadObjectId) {
      const row = await db.selectFrom('language_preferences').select('language').where('tenant_id', '=', tenantId).where('aad_object_id', '=', aadObjectId).executeTakeFirst();
      return row && (LANGUAGES as readonly string[]).includes(row.language) ? (row.language as Language) : undefined;
    },
    async choose({ tenantId, aadObjectId, language, at }) {
      await db
        .insertInto('language_preferences')
        .values({ tenant_id: tenantId, aad_object_id: aadObjectId, language, chosen_at: at })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'aad_object_id']).doUpdateSet({ language, chosen_at: at }))
        .execute();
    },
  };
}
