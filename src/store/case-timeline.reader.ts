import type { Kysely } from 'kysely';
import { parseCivilDate } from '../domain/civil-date';
import { planStartOf } from '../domain/core-group';
import type { MeetingStatus } from '../domain/meeting';
import type { CaseTimeline, ReviewOutcome } from '../domain/obligations';
import type { MeetingRepository } from '../services/ports/store.port';
import { rowsByKey } from './rows-by-key';
import type { Database } from './schema';

/**
 * The case timelines of several core groups (how and when their plan started and ended, already read): one
 * query per kind of event — meetings, review conferences, circulations, agency reports, the
 * agencies represented — for all of them together.
 */
export function createCaseTimelineReader(db: Kysely<Database>): MeetingRepository['loadCaseTimelines'] {
  return async (coreGroups) => {
    const ids = coreGroups.map((coreGroup) => coreGroup.id);
    const [meetings, reviews, circulations, reports, agencies] = await Promise.all([
      rowsByKey(ids, (chunk) => db.selectFrom('meetings').select(['core_group_id', 'id', 'date', 'status']).where('core_group_id', 'in', chunk).execute(), (row) => row.core_group_id),
      rowsByKey(ids, (chunk) => db.selectFrom('review_conferences').select(['core_group_id', 'id', 'date', 'status', 'outcome', 'next_review_date']).where('core_group_id', 'in', chunk).execute(), (row) => row.core_group_id),
      rowsByKey(
        ids,
        (chunk) =>
          db
            .selectFrom('circulations')
            .innerJoin('meetings', 'meetings.id', 'circulations.meeting_id')
            .select(['meetings.core_group_id', 'circulations.meeting_id', 'circulations.kind', 'circulations.on_date'])
            .where('meetings.core_group_id', 'in', chunk)
            .execute(),
        (row) => row.core_group_id,
      ),
      rowsByKey(
        ids,
        (chunk) =>
          db
            .selectFrom('agency_reports')
            .innerJoin('review_conferences', 'review_conferences.id', 'agency_reports.review_conference_id')
            .select(['review_conferences.core_group_id', 'agency_reports.review_conference_id', 'agency_reports.agency', 'agency_reports.on_date'])
            .where('review_conferences.core_group_id', 'in', chunk)
            .execute(),
        (row) => row.core_group_id,
      ),
      rowsByKey(
        ids,
        (chunk) =>
          db
            .selectFrom('members')
            .select(['core_group_id', 'agency'])
            .distinct()
            .where('core_group_id', 'in', chunk)
            .where('active', '=', 1)
            .where('role', 'in', ['professional', 'lead-social-worker'])
            .execute(),
        (row) => row.core_group_id,
      ),
    ]);
    const of = <Row>(grouped: Map<string, Row[]>, id: string) => grouped.get(id) ?? [];
    return new Map(
      coreGroups.map((coreGroup): [string, CaseTimeline] => [
        coreGroup.id,
        {
          icpcDate: coreGroup.icpcDate,
          start: planStartOf(coreGroup),
          planEndedOn: coreGroup.planEndedOn,
          meetings: of(meetings, coreGroup.id).map((m) => ({ id: m.id, date: parseCivilDate(m.date), status: m.status as MeetingStatus })),
          reviewConferences: of(reviews, coreGroup.id).map((r) => ({
            id: r.id,
            date: parseCivilDate(r.date),
            status: r.status as MeetingStatus,
            outcome: (r.outcome ?? undefined) as ReviewOutcome | undefined,
            nextReviewOn: r.next_review_date ? parseCivilDate(r.next_review_date) : undefined,
          })),
          circulations: of(circulations, coreGroup.id).map((c) => ({ meetingId: c.meeting_id, kind: c.kind as 'minutes' | 'plan' | 'cp9', on: parseCivilDate(c.on_date) })),
          agencyReports: of(reports, coreGroup.id).map((r) => ({ reviewConferenceId: r.review_conference_id, agency: r.agency, on: parseCivilDate(r.on_date) })),
          agencies: of(agencies, coreGroup.id)
            .map((a) => a.agency)
            .sort(),
        },
      ]),
    );
  };
}
