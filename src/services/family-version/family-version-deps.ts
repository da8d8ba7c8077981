import type { CoreGroup, CoreGroupMember } from '../../domain/core-group';
import { NotFoundError, RuleViolationError, said } from '../../domain/errors';
import { type FamilyVersion, isPreparedFrom, prepareFamilyVersion } from '../../domain/family-version';
import { type CoreGroupMeeting, meetingRolesOf } from '../../domain/meeting';
import { type Minutes, isSigned } from '../../domain/minutes';
import type { CaseAction } from '../../domain/permissions';
import { type Caller, authorise } from '../authorise';
import type { MinutesDeps } from '../minutes/meeting-access';
import type { RecordRenderer } from '../ports/record-renderer.port';
import type { FamilyVersionRepository, DocumentLanguageRepository } from '../ports/store.port';

/** What the family version's use cases read and write. */
export type FamilyVersionDeps = Pick<MinutesDeps, 'coreGroups' | 'meetings' | 'minutes' | 'plans' | 'auditLog' | 'clock'> & {
  readonly familyVersions: FamilyVersionRepository;
  /** The language the group's documents are written in: the family's file follows it. */
  readonly documentLanguages: Pick<DocumentLanguageRepository, 'of'>;
  readonly renderer: RecordRenderer;
};

/** A meeting's signed minutes with what the family version is prepared from, read once. */
export interface FamilyRecord {
  readonly meeting: CoreGroupMeeting;
  readonly coreGroup: CoreGroup;
  readonly member: CoreGroupMember;
  readonly members: readonly CoreGroupMember[];
  readonly minutes: Minutes;
  /** The stored version when it was prepared from these minutes and the current plan, else a fresh preparation at the stored version number. */
  readonly current: FamilyVersion;
}

/** Whether someone in this role reads the family version as family (not as a reviewer). */
export const readsAsFamily = (member: Pick<CoreGroupMember, 'role'>) => member.role === 'family-member' || member.role === 'child';

/**
 * Authorises the caller on a meeting's family version and reads it: a reviewer (`review-family-version`:
 * the chair, the lead social worker) or, for `view-family-version`, the family or the child
 * when the minutes are shared with them. Minutes not yet signed have no family version.
 */
export async function loadFamilyRecord(deps: FamilyVersionDeps, request: { caller: Caller; meetingId: string; action: CaseAction | ((caller: CoreGroupMember | undefined) => CaseAction) }): Promise<FamilyRecord> {
  const meeting = await deps.meetings.findById(request.meetingId);
  if (!meeting) throw new NotFoundError('That meeting does not exist or you are not a member of its core group.', { said: said('serviceRefusals.meetings.notFound') });
  const [members, minutes] = await Promise.all([deps.coreGroups.members(meeting.coreGroupId), deps.minutes.findByMeeting(meeting.id)]);
  const caller = members.find((candidate) => candidate.aadObjectId === request.caller.aadObjectId);
  const meetingRoles = caller ? meetingRolesOf(meeting, caller) : [];
  const action = typeof request.action === 'function' ? request.action(caller) : request.action;
  // The caller's membership is among the members just read: authorise does not read it again.
  const { coreGroup, member } = await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action, meetingRoles, sharing: minutes?.content.sharing, targetId: meeting.id, known: { member: caller } });
  if (!minutes || !isSigned(minutes)) throw new RuleViolationError('The family version is prepared once the chair and the team manager have signed the minutes.', { said: said('serviceRefusals.familyVersion.minutesUnsigned') });
  const [plan, stored] = await Promise.all([deps.plans.current(coreGroup.id), deps.familyVersions.current(meeting.id)]);
  const fresh = stored && isPreparedFrom(stored, { minutes, planVersion: plan?.version });
  const current = fresh ? stored : { ...prepareFamilyVersion({ minutes, plan, members }), version: stored?.version ?? 0 };
  return { meeting, coreGroup, member, members, minutes, current };
}
