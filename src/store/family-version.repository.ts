import type { Kysely } from 'kysely';
import { VersionConflictError, said } from '../domain/errors';
import type { FamilyItem, FamilyVersion } from '../domain/family-version';
import type { FamilyVersionRepository } from '../services/ports/store.port';
import { isUniqueViolation, uniqueViolationOf } from './database';
import type { Database, FamilyVersionRow } from './schema';

function familyVersionRowToFamilyVersion(row: FamilyVersionRow): FamilyVersion {
  return {
    meetingId: row.meeting_id,
    minutesId: row.minutes_id,
    minutesVersion: row.minutes_version,
    planVersion: row.plan_version ?? undefined,
    version: row.version,
    summary: row.summary,
    items: JSON.parse(row.items) as FamilyItem[],
    signOff: row.signed_off_by && row.signed_off_at ? { memberId: row.signed_off_by, at: row.signed_off_at } : undefined,
  };
}

/**
 * Family versions on Kysely: one row per version, never changed, keyed by meeting and version, so
 * two reviewers saving over the same version cannot both land (the second is a conflict).
 */
export function createFamilyVersionRepository(db: Kysely<Database>): FamilyVersionRepository {
  return {
    async current(meetingId) {
      const row = await db.selectFrom('family_versions').selectAll().where('meeting_id', '=', meetingId).orderBy('version', 'desc').limit(1).executeTakeFirst();
      return row ? familyVersionRowToFamilyVersion(row) : undefined;
    },
    async save(version, { savedBy, at }) {
      try {
        await db
          .insertInto('family_versions')
          .values({
            meeting_id: version.meetingId,
            version: version.version,
            minutes_id: version.minutesId,
            minutes_version: version.minutesVersion,
            plan_version: version.planVersion ?? null,
            summary: version.summary,
            items: JSON.stringify(version.items),
            signed_off_by: version.signOff?.memberId ?? null,
            signed_off_at: version.signOff?.at ?? null,
            saved_by: savedBy,
            saved_at: at,
          })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new VersionConflictError('Someone else changed the family version first; look at their changes and review again.', { said: said('serviceRefusals.familyVersion.changedFirst'), cause: error, internalMessage: `family version insert: ${uniqueViolationOf(error)}` });
        throw error;
      }
    },
  };
}
