import type { CaseHeader, CoreGroupMember } from '../../domain/core-group';
import type { Attendance } from '../../domain/minutes';
import type { CaseTimeline } from '../../domain/obligations';
import type { CheckIn, ChildProtectionPlan } from '../../domain/plan';
import { heldMeetingAttendanceFrom, heldMeetingIds } from '../held-meetings';
import { type BookedSeries, type BookedSeriesDeps, describeSeries, seriesMeeting } from '../scheduling/booked-series';
import type { CheckInRepository, CoreGroupRepository, MeetingRepository, MinutesRepository, PlanRepository } from '../ports/store.port';

export interface CaseRecordDeps extends Pick<BookedSeriesDeps, 'calendar' | 'clock'> {
  readonly coreGroups: Pick<CoreGroupRepository, 'membersOfEach'>;
  readonly plans: Pick<PlanRepository, 'currentOfEach'>;
  readonly meetings: Pick<MeetingRepository, 'loadCaseTimelines' | 'listByCoreGroups' | 'invitationsOfEach'>;
  readonly checkIns: Pick<CheckInRepository, 'listByCoreGroups'>;
  readonly minutes: Pick<MinutesRepository, 'findByMeetings'>;
}

/** What a core group's status is judged from. */
export interface CaseRecord {
  readonly coreGroup: CaseHeader;
  readonly timeline: CaseTimeline;
  readonly plan: ChildProtectionPlan | undefined;
  readonly checkIns: readonly CheckIn[];
  readonly heldMeetings: readonly { meetingId: string; attendance: ReadonlyMap<string, Attendance> }[];
}

const valuesOf = <Value>(map: ReadonlyMap<string, Value>, id: string, empty: Value) => map.get(id) ?? empty;

/**
 * The records of several core groups (already read and authorised by the caller), read together:
 * one query per table for all of them, however many there are, so a team manager's 150 cases cost
 * what one case does in round trips.
 */
export async function readCaseRecords(deps: CaseRecordDeps, coreGroups: readonly CaseHeader[]): Promise<CaseRecord[]> {
  if (coreGroups.length === 0) return [];
  const ids = coreGroups.map((coreGroup) => coreGroup.id);
  const [timelines, plans, checkIns] = await Promise.all([deps.meetings.loadCaseTimelines(coreGroups), deps.plans.currentOfEach(ids), deps.checkIns.listByCoreGroups(ids)]);
  const timelineOf = (coreGroup: CaseHeader) => timelines.get(coreGroup.id)!;
  const minutes = await deps.minutes.findByMeetings(coreGroups.flatMap((coreGroup) => heldMeetingIds(timelineOf(coreGroup).meetings)));
  return coreGroups.map((coreGroup) => ({
    coreGroup,
    timeline: timelineOf(coreGroup),
    plan: plans.get(coreGroup.id),
    checkIns: valuesOf(checkIns, coreGroup.id, []),
    heldMeetings: heldMeetingAttendanceFrom(minutes, timelineOf(coreGroup).meetings),
  }));
}

/**
 * Each group's running meeting series (its meetings, members and invitation replies, read
 * together, and the calendar for a series whose recorded occurrence has passed); groups with none
 * have no entry.
 */
export async function readBookedSeries(deps: CaseRecordDeps, coreGroupIds: readonly string[]): Promise<Map<string, BookedSeries>> {
  const meetings = await deps.meetings.listByCoreGroups(coreGroupIds);
  const booked = coreGroupIds.flatMap((id) => {
    const meeting = seriesMeeting(valuesOf(meetings, id, []));
    return meeting ? [{ coreGroupId: id, meeting }] : [];
  });
  if (booked.length === 0) return new Map();
  const [members, invitations] = await Promise.all([
    deps.coreGroups.membersOfEach(booked.map((entry) => entry.coreGroupId)),
    deps.meetings.invitationsOfEach(booked.map((entry) => entry.meeting.id)),
  ]);
  const described = await Promise.all(
    booked.map(async ({ coreGroupId, meeting }) => {
      const series = await describeSeries(deps, { meeting, members: valuesOf(members, coreGroupId, [] as CoreGroupMember[]), invitations: valuesOf(invitations, meeting.id, []) });
      return series ? [[coreGroupId, series] as const] : [];
    }),
  );
  return new Map(described.flat());
}
