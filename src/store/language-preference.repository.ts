import type { Kysely } from 'kysely';
import { DOCUMENT_LANGUAGES, type DocumentLanguage, LANGUAGES, type Language } from '../i18n/language';
import type { DocumentLanguageRepository, LanguagePreferenceRepository } from '../services/ports/store.port';
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

/** Each core group's document language, on Kysely: one row a group, the latest choice kept. */
export function createDocumentLanguageRepository(db: Kysely<Database>): DocumentLanguageRepository {
  return {
    async of(coreGroupId) {
      const row = await db.selectFrom('document_languages').select('language').where('core_group_id', '=', coreGroupId).executeTakeFirst();
      return row && (DOCUMENT_LANGUAGES as readonly string[]).includes(row.language) ? (row.language as DocumentLanguage) : 'en';
    },
    async choose({ coreGroupId, language, memberId, at }) {
      await db
        .insertInto('document_languages')
        .values({ core_group_id: coreGroupId, language, chosen_by: memberId, chosen_at: at })
        .onConflict((conflict) => conflict.column('core_group_id').doUpdateSet({ language, chosen_by: memberId, chosen_at: at }))
        .execute();
    },
  };
}
