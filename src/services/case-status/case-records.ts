import type { CaseHeader } from '../../domain/core-group';
import type { Attendance } from '../../domain/minutes';
import type { CaseTimeline } from '../../domain/obligations';
import type { CheckIn, ChildProtectionPlan } from '../../domain/plan';
import { heldMeetingAttendanceFrom, heldMeetingIds } from '../held-meetings';
import type { CheckInRepository, MeetingRepository, MinutesRepository, PlanRepository } from '../ports/store.port';

export interface CaseRecordDeps {
  readonly plans: Pick<PlanRepository, 'currentOfEach'>;
  readonly meetings: Pick<MeetingRepository, 'loadCaseTimelines'>;
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
    checkIns: checkIns.get(coreGroup.id) ?? [],
    heldMeetings: heldMeetingAttendanceFrom(minutes, timelineOf(coreGroup).meetings),
  }));
}
