import { Temporal } from 'temporal-polyfill';
import { CHECK_IN_CHASE_JOB, CHECK_IN_PROMPT_JOB, type CheckInPromptJob } from '../contracts/jobs.contract';
import { checkInMoments } from '../domain/check-in-moments';
import type { CivilDate } from '../domain/civil-date';
import { type CoreGroupMember, isInTeams } from '../domain/core-group';
import { currentActions, isOpen } from '../domain/plan';
import type { PolicyProfile } from '../domain/policy';
import type { WorkingDayCalendars } from '../domain/working-days';
import { uuidFromKey } from './deterministic-id';
import { promptedByFamilyLink } from './notifications/family-check-in-mail';
import { policyOf } from './policy-calendar';
import type { Clock } from './ports/clock.port';
import type { CheckInRepository, CoreGroupRepository, JobQueue, MeetingRepository, PlanRepository } from './ports/store.port';

/** Who is asked about their actions: members the bot reaches in Teams, and parents or carers e-mailed a check-in link. */
const isPrompted = (member: CoreGroupMember) => isInTeams(member) || promptedByFamilyLink(member);

/** 08:00 in London on a civil date, as an ISO instant. */
export const morningOf = (date: CivilDate) => date.toZonedDateTime({ timeZone: 'Europe/London', plainTime: Temporal.PlainTime.from('08:00') }).toInstant().toString();

/**
 * Plans check-in prompts as durable jobs: each owner hears about an open action a few working
 * days before it is due and the working day before each booked meeting; if they have not
 * answered a couple of working days later, the lead social worker is told. Parents and carers
 * outside Teams are asked too, by e-mail (`promptedByFamilyLink`). Idempotency keys make
 * planning safe to repeat (after every plan change or booking).
 */
export function createCheckInPromptPlanner(deps: {
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
  plans: Pick<PlanRepository, 'current'>;
  meetings: Pick<MeetingRepository, 'listByCoreGroup'>;
  checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  jobs: Pick<JobQueue, 'enqueue'>;
  calendars: WorkingDayCalendars;
  policy: (id: string) => PolicyProfile;
  clock: Clock;
  workingDaysBeforeDue?: number;
  chaseAfterWorkingDays?: number;
}) {
  return {
    async planFor(coreGroupId: string): Promise<number> {
      const coreGroup = await deps.coreGroups.findById(coreGroupId);
      if (!coreGroup || coreGroup.planEndedOn) return 0;
      const { calendar } = policyOf(deps, coreGroup);
      const [members, plan, checkIns, meetings] = await Promise.all([deps.coreGroups.members(coreGroupId), deps.plans.current(coreGroupId), deps.checkIns.listByCoreGroup(coreGroupId), deps.meetings.listByCoreGroup(coreGroupId)]);
      const today = deps.clock.today();
      const owners = new Map(members.filter(isPrompted).map((member) => [member.id, member]));
      const openActions = currentActions(plan?.actions ?? [], checkIns).filter(isOpen);
      const moments = checkInMoments({ openActions, meetings, today, calendar, workingDaysBeforeDue: deps.workingDaysBeforeDue ?? 3 });
      let planned = 0;
      for (const moment of moments) {
        const owner = owners.get(moment.memberId);
        if (!owner) continue;
        const key = `prompt:${coreGroupId}:${moment.key}:${owner.id}`;
        const promptedAt = morningOf(moment.date);
        const payload: CheckInPromptJob = { tenantId: coreGroup.tenantId, coreGroupId, memberId: owner.id, aadObjectId: owner.aadObjectId, promptId: uuidFromKey(key), promptedAt };
        const prompt = await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: CHECK_IN_PROMPT_JOB, payload, runAt: promptedAt, idempotencyKey: key, at: deps.clock.nowIso() });
        const chaseAt = morningOf(calendar.addWorkingDays(moment.date, deps.chaseAfterWorkingDays ?? 2));
        await deps.jobs.enqueue({ id: uuidFromKey(`job:chase:${key}`), kind: CHECK_IN_CHASE_JOB, payload, runAt: chaseAt, idempotencyKey: `chase:${key}`, at: deps.clock.nowIso() });
        if (prompt.created) planned++;
      }
      return planned;
    },
  };
}
