import { familyPlan } from '../domain/family-version';
import { NotFoundError, said } from '../domain/errors';
import { currentActions } from '../domain/plan';
import { type Caller, authorise } from './authorise';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CheckInRepository, CoreGroupRepository, MeetingRepository, PlanRepository } from './ports/store.port';

/** Who makes the stage show the family version: the family or the child is in the group, so may be in the meeting. */
const FAMILY_ROLES = new Set(['family-member', 'child']);

/**
 * The plan as the chair shares it to the meeting's stage (issue 17): every person in the meeting
 * sees the same thing on their own screen, each loading it as themselves — so it is never more than
 * the least of them may see. With the family or the child in the group it is the family version
 * (`familyPlan`: no third-party agency's actions, no monitoring arrangements); no check-in notes for
 * anyone. Each read is authorised (`view-plan-on-stage`: every role that attends) and audited.
 */
export function createMeetingStage(deps: {
  meetings: Pick<MeetingRepository, 'findById'>;
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members'>;
  plans: Pick<PlanRepository, 'current'>;
  checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  auditLog: Pick<AuditLog, 'append'>;
  clock: Clock;
}) {
  return {
    async planOnStage(caller: Caller, meetingId: string) {
      const meeting = await deps.meetings.findById(meetingId);
      if (!meeting) throw new NotFoundError('That meeting does not exist or you are not a member of its core group.', { said: said('serviceRefusals.meetings.notFound') });
      const { coreGroup } = await authorise(deps, { caller, coreGroupId: meeting.coreGroupId, action: 'view-plan-on-stage', targetId: meetingId });
      const [plan, checkIns, members] = await Promise.all([deps.plans.current(coreGroup.id), deps.checkIns.listByCoreGroup(coreGroup.id), deps.coreGroups.members(coreGroup.id)]);
      if (!plan) throw new NotFoundError('This core group has no plan yet.', { said: said('serviceRefusals.plan.none') });
      const forFamily = members.some((member) => member.active && FAMILY_ROLES.has(member.role));
      const shown = forFamily ? familyPlan(plan) : plan;
      const names = new Map(members.map((member) => [member.id, `${member.displayName} (${member.agency})`]));
      return {
        caseReference: coreGroup.caseReference,
        version: plan.version,
        familyVersion: forFamily,
        outcomes: shown.outcomes,
        actions: currentActions(shown.actions, checkIns).map((action) => ({ ...action, ownerName: names.get(action.ownerMemberId) })),
      };
    },
  };
}

export type MeetingStage = ReturnType<typeof createMeetingStage>;
