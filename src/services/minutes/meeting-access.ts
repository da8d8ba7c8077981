import type { CoreGroup, CoreGroupMember } from '../../domain/core-group';
import { NotFoundError, said } from '../../domain/errors';
import { type CoreGroupMeeting, meetingRolesOf } from '../../domain/meeting';
import type { Minutes } from '../../domain/minutes';
import type { CaseAction, MeetingRole } from '../../domain/permissions';
import type { PolicyProfile } from '../../domain/policy';
import type { WorkingDayCalendars } from '../../domain/working-days';
import { type Caller, authorise } from '../authorise';
import type { Clock } from '../ports/clock.port';
import type { AuditLog, CheckInRepository, AreaContactRepository, DocumentLanguageRepository, ConcernHistoryRepository, ConcernRepository, CoreGroupRepository, JobQueue, MeetingRepository, MinutesRepository, PlanRepository } from '../ports/store.port';

/** Everything the minutes use cases read and write; each takes the part it needs. */
export interface MinutesDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members' | 'listForMember'>;
  readonly meetings: Pick<MeetingRepository, 'findById' | 'findByChatId' | 'listByCoreGroup' | 'update' | 'loadCaseTimeline'>;
  readonly minutes: Pick<MinutesRepository, 'findByMeeting' | 'createDraft' | 'save' | 'history' | 'deliveries'>;
  readonly plans: Pick<PlanRepository, 'current' | 'saveRevision'>;
  readonly checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  readonly concerns: Pick<ConcernRepository, 'raise' | 'listByCoreGroup'>;
  readonly concernHistory: Pick<ConcernHistoryRepository, 'record'>;
  readonly areaContacts: Pick<AreaContactRepository, 'list'>;
  readonly documentLanguages: Pick<DocumentLanguageRepository, 'of'>;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  readonly calendars: WorkingDayCalendars;
  readonly policy: (id: string) => PolicyProfile;
}

/**
 * What one request established about the caller and a meeting: the meeting, its core group and
 * the caller's membership. A use case returns it so the next step of the same request (the view
 * the tab shows after a change) authorises from it instead of reading it all again.
 */
export interface MeetingAccess {
  readonly meeting: CoreGroupMeeting;
  readonly coreGroup: CoreGroup;
  readonly member: CoreGroupMember;
}

/** The meeting by id; one that does not exist is reported as the caller's core group would be. */
export async function loadMeeting(deps: { meetings: Pick<MeetingRepository, 'findById'> }, meetingId: string): Promise<CoreGroupMeeting> {
  const meeting = await deps.meetings.findById(meetingId);
  if (!meeting) throw new NotFoundError('That meeting does not exist or you are not a member of its core group.', { said: said('serviceRefusals.meetings.notFound') });
  return meeting;
}

/**
 * Authorises the caller for an action on a meeting's minutes, with the meeting roles they hold
 * at it (chair, minute-taker). The membership is read once — or not at all when `known` carries
 * it from earlier in the request — and the decision is audited either way.
 */
export async function authoriseOnMeeting(
  deps: Pick<MinutesDeps, 'coreGroups' | 'auditLog' | 'clock'>,
  request: { caller: Caller; meeting: CoreGroupMeeting; action: CaseAction; known?: Pick<MeetingAccess, 'coreGroup' | 'member'> | undefined },
): Promise<MeetingAccess & { meetingRoles: MeetingRole[] }> {
  const { caller, meeting, known } = request;
  const member = known?.member.aadObjectId === caller.aadObjectId ? known.member : await deps.coreGroups.findMember(meeting.coreGroupId, caller.aadObjectId);
  const meetingRoles = member ? meetingRolesOf(meeting, member) : [];
  const authorised = await authorise(deps, { caller, coreGroupId: meeting.coreGroupId, action: request.action, meetingRoles, targetId: meeting.id, known: { coreGroup: known?.coreGroup, member } });
  return { meeting, coreGroup: authorised.coreGroup, member: authorised.member, meetingRoles };
}

/** Saves a change under the version it was based on; a stale base is a conflict, never an overwrite. */
export async function saveOver(deps: Pick<MinutesDeps, 'minutes' | 'clock'>, change: { current: Minutes; updated: Minutes; savedBy: string }): Promise<Minutes> {
  await deps.minutes.save(change.updated, { expectedVersion: change.current.version, savedBy: change.savedBy, at: deps.clock.nowIso() });
  return change.updated;
}
