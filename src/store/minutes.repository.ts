import type { Kysely } from 'kysely';
import { parseCivilDate } from '../domain/civil-date';
import { AlreadyExistsError, InvalidInputError, VersionConflictError, said } from '../domain/errors';
import { CHILD_SEEN_NOT_RECORDED, type ChildSeen, type Delivery, type Minutes, type MinutesContent, type MinutesReturn, NO_RECOMMENDATION, type SignOff } from '../domain/minutes';
import type { MinutesRepository } from '../services/ports/store.port';
import { isUniqueViolation, uniqueViolationOf } from './database';
import { rowsByKey } from './rows-by-key';
import type { Database, DeliveryRow, MinutesRow } from './schema';

/** Minutes stored before a section existed lack it: it reads as the section's empty start. */
type AddedLater = 'contributions' | 'otherAttendees' | 'agencyUpdates' | 'writtenReports' | 'reviewRecommendation';
type StoredContent = Omit<MinutesContent, 'newActions' | 'nextMeetingDate' | 'childSeen' | AddedLater> & Partial<Pick<MinutesContent, AddedLater>> & {
  childSeen?: Omit<ChildSeen, 'lastSeenOn'> & { lastSeenOn?: string };
  newActions: (Omit<MinutesContent['newActions'][number], 'due'> & { due: string })[];
  nextMeetingDate?: string;
};

function toContentText(content: MinutesContent): string {
  const stored: StoredContent = {
    ...content,
    newActions: content.newActions.map((action) => ({ ...action, due: action.due.toString() })),
    nextMeetingDate: content.nextMeetingDate?.toString(),
    childSeen: { ...content.childSeen, lastSeenOn: content.childSeen.lastSeenOn?.toString() },
  };
  return JSON.stringify(stored);
}

function contentFromText(text: string): MinutesContent {
  const stored = JSON.parse(text) as StoredContent;
  return {
    ...stored,
    contributions: stored.contributions ?? [],
    otherAttendees: stored.otherAttendees ?? [],
    agencyUpdates: stored.agencyUpdates ?? [],
    writtenReports: stored.writtenReports ?? [],
    reviewRecommendation: stored.reviewRecommendation ?? NO_RECOMMENDATION,
    childSeen: stored.childSeen ? { ...stored.childSeen, lastSeenOn: stored.childSeen.lastSeenOn ? parseCivilDate(stored.childSeen.lastSeenOn) : undefined } : CHILD_SEEN_NOT_RECORDED,
    newActions: stored.newActions.map((action) => ({ ...action, due: parseCivilDate(action.due) })),
    nextMeetingDate: stored.nextMeetingDate ? parseCivilDate(stored.nextMeetingDate) : undefined,
  };
}

const signOffText = (signOff: SignOff | undefined) => (signOff ? JSON.stringify(signOff) : null);
const signOffFrom = (text: string | null) => (text ? (JSON.parse(text) as SignOff) : undefined);

function minutesRowToMinutes(row: Pick<MinutesRow, 'content' | 'chair_sign_off' | 'manager_sign_off' | 'amendment_reason' | 'returned' | 'version'> & { id: string; meeting_id: string; core_group_id: string }): Minutes {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    coreGroupId: row.core_group_id,
    version: row.version,
    content: contentFromText(row.content),
    chairSignOff: signOffFrom(row.chair_sign_off),
    managerSignOff: signOffFrom(row.manager_sign_off),
    amendmentReason: row.amendment_reason ?? undefined,
    returned: row.returned ? (JSON.parse(row.returned) as MinutesReturn) : undefined,
  };
}

function deliveryRowToDelivery(row: DeliveryRow): Delivery {
  return {
    minutesId: row.minutes_id,
    minutesVersion: row.minutes_version,
    memberId: row.member_id,
    channel: row.channel as Delivery['channel'],
    outcome: row.outcome as Delivery['outcome'],
    at: row.at,
    detail: row.detail ?? undefined,
  };
}

/**
 * Minutes on Kysely. A save only lands on the version the editor started from (compare-and-set
 * in one UPDATE), and every saved version is kept, so nothing typed is ever lost. One meeting
 * has one set of minutes.
 */
export function createMinutesRepository(db: Kysely<Database>): MinutesRepository {
  const versioned = (minutes: Minutes) => ({
    version: minutes.version,
    content: toContentText(minutes.content),
    chair_sign_off: signOffText(minutes.chairSignOff),
    manager_sign_off: signOffText(minutes.managerSignOff),
    amendment_reason: minutes.amendmentReason ?? null,
    returned: minutes.returned ? JSON.stringify(minutes.returned) : null,
  });
  const versionRow = (minutes: Minutes, savedBy: string, at: string) => ({ minutes_id: minutes.id, ...versioned(minutes), saved_by: savedBy, saved_at: at });
  const findByMeetings: MinutesRepository['findByMeetings'] = async (meetingIds) => {
    const grouped = await rowsByKey(meetingIds, (ids) => db.selectFrom('minutes').selectAll().where('meeting_id', 'in', ids).execute(), (row) => row.meeting_id);
    return new Map([...grouped].flatMap(([id, [row]]) => (row ? [[id, minutesRowToMinutes(row)] as const] : [])));
  };
  return {
    async createDraft(minutes, savedBy, at) {
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('minutes')
            .values({ id: minutes.id, meeting_id: minutes.meetingId, core_group_id: minutes.coreGroupId, ...versioned(minutes), updated_at: at })
            .execute();
          await trx.insertInto('minutes_versions').values(versionRow(minutes, savedBy, at)).execute();
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AlreadyExistsError('this meeting has minutes already; open them instead', { said: said('serviceRefusals.minutes.alreadyExist'), cause: error, internalMessage: `minutes draft insert: ${uniqueViolationOf(error)}` });
        throw error;
      }
    },
    async findByMeeting(meetingId) {
      return (await findByMeetings([meetingId])).get(meetingId);
    },
    findByMeetings,
    async save(minutes, { expectedVersion, savedBy, at }) {
      if (minutes.version !== expectedVersion + 1) throw new InvalidInputError(`minutes saved over version ${expectedVersion} must be version ${expectedVersion + 1}, not ${minutes.version}`, { said: said('serviceRefusals.minutes.versionOrder', { expected: expectedVersion, next: expectedVersion + 1, actual: minutes.version }) });
      await db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('minutes')
          .set({ ...versioned(minutes), updated_at: at })
          .where('id', '=', minutes.id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) {
          throw new VersionConflictError('someone else saved these minutes first; review their changes and save again', { said: said('serviceRefusals.minutes.savedFirst') });
        }
        await trx.insertInto('minutes_versions').values(versionRow(minutes, savedBy, at)).execute();
      });
    },
    async history(minutesId) {
      const rows = await db
        .selectFrom('minutes_versions')
        .innerJoin('minutes', 'minutes.id', 'minutes_versions.minutes_id')
        .select([
          'minutes.id',
          'minutes.meeting_id',
          'minutes.core_group_id',
          'minutes_versions.version',
          'minutes_versions.content',
          'minutes_versions.chair_sign_off',
          'minutes_versions.manager_sign_off',
          'minutes_versions.amendment_reason',
          'minutes_versions.returned',
          'minutes_versions.saved_by',
          'minutes_versions.saved_at',
        ])
        .where('minutes_versions.minutes_id', '=', minutesId)
        .orderBy('minutes_versions.version')
        .execute();
      return rows.map((row) => ({ ...minutesRowToMinutes(row), savedBy: row.saved_by, savedAt: row.saved_at }));
    },
    async recordDelivery(delivery) {
      await db
        .insertInto('deliveries')
        .values({
          id: delivery.id,
          minutes_id: delivery.minutesId,
          minutes_version: delivery.minutesVersion,
          member_id: delivery.memberId,
          channel: delivery.channel,
          outcome: delivery.outcome,
          at: delivery.at,
          detail: delivery.detail ?? null,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    },
    async deliveries(minutesId) {
      const rows = await db.selectFrom('deliveries').selectAll().where('minutes_id', '=', minutesId).orderBy('at').orderBy('id').execute();
      return rows.map(deliveryRowToDelivery);
    },
  };
}
