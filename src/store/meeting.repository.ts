import type { Kysely } from 'kysely';
import { parseCivilDate } from '../domain/civil-date';
import { NotFoundError, said } from '../domain/errors';
import type { CoreGroupMeeting, MeetingMode, MeetingStatus } from '../domain/meeting';
import type { ReviewOutcome } from '../domain/obligations';
import type { ReviewConference } from '../domain/review-conference';
import type { InvitationResponse } from '../services/ports/calendar.port';
import type { MeetingRepository } from '../services/ports/store.port';
import { isUniqueViolation } from './database';
import { createCaseTimelineReader } from './case-timeline.reader';
import { mapValues, rowsByKey } from './rows-by-key';
import type { Database, MeetingRow, ReviewConferenceRow } from './schema';

function meetingRowToMeeting(row: MeetingRow): CoreGroupMeeting {
  return {
    id: row.id,
    coreGroupId: row.core_group_id,
    date: parseCivilDate(row.date),
    startsAt: row.starts_at ?? undefined,
    endsAt: row.ends_at ?? undefined,
    status: row.status as MeetingStatus,
    chairMemberId: row.chair_member_id ?? undefined,
    minuteTakerMemberId: row.minute_taker_member_id ?? undefined,
    cancellationReason: row.cancellation_reason ?? undefined,
    booking: row.organiser && row.calendar_event_id ? { organiser: row.organiser, eventId: row.calendar_event_id, joinUrl: row.join_url ?? undefined, chatId: row.chat_id ?? undefined } : undefined,
    place: row.mode ? { mode: row.mode as MeetingMode, venue: row.venue ?? undefined } : undefined,
    grantedBy: row.granted_by_concern_id ?? undefined,
  };
}

function toMeetingRow(meeting: CoreGroupMeeting): Omit<MeetingRow, 'booking_key'> {
  const booking = meeting.booking;
  return {
    id: meeting.id,
    core_group_id: meeting.coreGroupId,
    date: meeting.date.toString(),
    starts_at: meeting.startsAt ?? null,
    ends_at: meeting.endsAt ?? null,
    status: meeting.status,
    chair_member_id: meeting.chairMemberId ?? null,
    minute_taker_member_id: meeting.minuteTakerMemberId ?? null,
    cancellation_reason: meeting.cancellationReason ?? null,
    organiser: booking?.organiser ?? null,
    calendar_event_id: booking?.eventId ?? null,
    join_url: booking?.joinUrl ?? null,
    chat_id: booking?.chatId ?? null,
    mode: meeting.place?.mode ?? null,
    venue: meeting.place?.venue ?? null,
    granted_by_concern_id: meeting.grantedBy ?? null,
  };
}

function reviewToRow(review: ReviewConference): ReviewConferenceRow {
  return {
    id: review.id,
    core_group_id: review.coreGroupId,
    date: review.date.toString(),
    status: review.status,
    outcome: review.outcome ?? null,
    chair_name: review.chairName ?? null,
    next_review_date: review.nextReviewOn?.toString() ?? null,
  };
}

function reviewRowToReview(row: ReviewConferenceRow): ReviewConference {
  return {
    id: row.id,
    coreGroupId: row.core_group_id,
    date: parseCivilDate(row.date),
    status: row.status as ReviewConference['status'],
    outcome: (row.outcome ?? undefined) as ReviewOutcome | undefined,
    chairName: row.chair_name ?? undefined,
    nextReviewOn: row.next_review_date ? parseCivilDate(row.next_review_date) : undefined,
  };
}

/**
 * Meetings, review conferences, circulations and agency reports on Kysely. A booking key makes
 * creating a meeting safe to retry; a circulation keeps the first date it happened on.
 */
export function createMeetingRepository(db: Kysely<Database>): MeetingRepository {
  const findByBookingKey = async (bookingKey: string) => {
    const row = await db.selectFrom('meetings').selectAll().where('booking_key', '=', bookingKey).executeTakeFirst();
    return row ? meetingRowToMeeting(row) : undefined;
  };
  const invitationsOfEach: MeetingRepository['invitationsOfEach'] = async (meetingIds) => {
    const grouped = await rowsByKey(meetingIds, (ids) => db.selectFrom('meeting_invitations').select(['meeting_id', 'member_id', 'response']).where('meeting_id', 'in', ids).orderBy('member_id').execute(), (row) => row.meeting_id);
    return mapValues(grouped, (rows) => rows.map((row) => ({ memberId: row.member_id, response: row.response as InvitationResponse })));
  };
  const listByCoreGroups: MeetingRepository['listByCoreGroups'] = async (coreGroupIds) => {
    const grouped = await rowsByKey(coreGroupIds, (ids) => db.selectFrom('meetings').selectAll().where('core_group_id', 'in', ids).orderBy('date').orderBy('id').execute(), (row) => row.core_group_id);
    return mapValues(grouped, (rows) => rows.map(meetingRowToMeeting));
  };
  const loadCaseTimelines = createCaseTimelineReader(db);
  return {
    async create(meeting, bookingKey) {
      try {
        await db.insertInto('meetings').values({ ...toMeetingRow(meeting), booking_key: bookingKey ?? null }).execute();
        return { meeting, created: true };
      } catch (error) {
        const existing = bookingKey && isUniqueViolation(error) ? await findByBookingKey(bookingKey) : undefined;
        if (existing) return { meeting: existing, created: false };
        throw error;
      }
    },
    findByBookingKey,
    async recordInvitationResponses(meetingId, responses, at) {
      await db.transaction().execute(async (trx) => {
        for (const { memberId, response } of responses) {
          await trx
            .insertInto('meeting_invitations')
            .values({ meeting_id: meetingId, member_id: memberId, response, updated_at: at })
            .onConflict((conflict) => conflict.columns(['meeting_id', 'member_id']).doUpdateSet({ response, updated_at: at }))
            .execute();
        }
      });
    },
    async invitations(meetingId) {
      return (await invitationsOfEach([meetingId])).get(meetingId) ?? [];
    },
    invitationsOfEach,
    async listBookedFrom(date, limit) {
      const rows = await db.selectFrom('meetings').selectAll().where('status', '=', 'scheduled').where('calendar_event_id', 'is not', null).where('date', '>=', date.toString()).orderBy('date').limit(limit).execute();
      return rows.map(meetingRowToMeeting);
    },
    async findByChatId(chatId) {
      const row = await db.selectFrom('meetings').selectAll().where('chat_id', '=', chatId).orderBy('date', 'desc').executeTakeFirst();
      return row ? meetingRowToMeeting(row) : undefined;
    },
    async findByCalendarEvent(eventId) {
      const row = await db.selectFrom('meetings').selectAll().where('calendar_event_id', '=', eventId).executeTakeFirst();
      return row ? meetingRowToMeeting(row) : undefined;
    },
    async findById(id) {
      const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? meetingRowToMeeting(row) : undefined;
    },
    async update(meeting) {
      const { id: _id, core_group_id: _coreGroupId, ...changes } = toMeetingRow(meeting);
      const result = await db.updateTable('meetings').set(changes).where('id', '=', meeting.id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('that meeting does not exist', { said: said('serviceRefusals.meetings.missing') });
    },
    async listByCoreGroup(coreGroupId) {
      return (await listByCoreGroups([coreGroupId])).get(coreGroupId) ?? [];
    },
    listByCoreGroups,
    async recordReviewConference(review) {
      const { id: _id, core_group_id: _coreGroupId, ...changes } = reviewToRow(review);
      await db
        .insertInto('review_conferences')
        .values(reviewToRow(review))
        .onConflict((conflict) => conflict.column('id').doUpdateSet(changes))
        .execute();
    },
    async reviewConferences(coreGroupId) {
      const rows = await db.selectFrom('review_conferences').selectAll().where('core_group_id', '=', coreGroupId).orderBy('date').orderBy('id').execute();
      return rows.map(reviewRowToReview);
    },
    async recordCirculation(circulation) {
      await db
        .insertInto('circulations')
        .values({ meeting_id: circulation.meetingId, kind: circulation.kind, on_date: circulation.on.toString() })
        .onConflict((conflict) => conflict.columns(['meeting_id', 'kind']).doNothing())
        .execute();
    },
    async recordAgencyReport(report) {
      await db
        .insertInto('agency_reports')
        .values({ review_conference_id: report.reviewConferenceId, agency: report.agency, on_date: report.on.toString() })
        .onConflict((conflict) => conflict.columns(['review_conference_id', 'agency']).doUpdateSet({ on_date: report.on.toString() }))
        .execute();
    },
    async loadCaseTimeline(coreGroupId, known) {
      const coreGroup = known?.id === coreGroupId ? known : await db.selectFrom('core_groups').select(['icpc_date', 'transferred_in_from', 'plan_ended_on']).where('id', '=', coreGroupId).executeTakeFirst();
      if (!coreGroup) throw new NotFoundError('that core group does not exist', { said: said('serviceRefusals.access.coreGroupGone') });
      const dates =
        'icpcDate' in coreGroup
          ? coreGroup
          : { icpcDate: parseCivilDate(coreGroup.icpc_date), transferredInFrom: coreGroup.transferred_in_from ?? undefined, planEndedOn: coreGroup.plan_ended_on ? parseCivilDate(coreGroup.plan_ended_on) : undefined };
      return (await loadCaseTimelines([{ id: coreGroupId, ...dates }])).get(coreGroupId)!;
    },
    loadCaseTimelines,
  };
}
