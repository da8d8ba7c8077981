import { SIGNAL_NOTICE_JOB, type SignalNoticeJob } from '../contracts/jobs.contract';
import { computeObligations } from '../domain/obligations';
import { currentActions, isOpen } from '../domain/plan';
import type { PolicyProfile } from '../domain/policy';
import { type Signal, detectSignals, signalRecipients } from '../domain/signals';
import type { WorkingDayCalendars } from '../domain/working-days';
import { uuidFromKey } from './deterministic-id';
import { heldMeetingAttendance } from './held-meetings';
import { policyOf } from './policy-calendar';
import type { Clock } from './ports/clock.port';
import type { CheckInRepository, CoreGroupRepository, JobQueue, MeetingRepository, MinutesRepository, PlanRepository } from './ports/store.port';

/**
 * Watches a core group for drift and attendance signals (overdue or silent actions, members
 * absent meeting after meeting, missed statutory deadlines) and tells the people the seeds'
 * escalation route names, 1:1, once per signal and person: the idempotency key is the signal and
 * the recipient, so the hourly watch repeats safely and a persisting signal is not re-sent.
 * Recipients outside the tenant (an agency manager reached by e-mail) are not told here.
 */
export function createSignalWatch(deps: {
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
  plans: Pick<PlanRepository, 'current'>;
  meetings: Pick<MeetingRepository, 'loadCaseTimeline'>;
  minutes: Pick<MinutesRepository, 'findByMeetings'>;
  checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  jobs: Pick<JobQueue, 'enqueue'>;
  clock: Clock;
  calendars: WorkingDayCalendars;
  policy: (id: string) => PolicyProfile;
}) {
  return {
    async watch(coreGroupId: string): Promise<{ signals: Signal[]; queued: number }> {
      const coreGroup = await deps.coreGroups.findById(coreGroupId);
      if (!coreGroup || coreGroup.planEndedOn) return { signals: [], queued: 0 };
      const { profile, calendar } = policyOf(deps, coreGroup);
      const asOf = deps.clock.today();
      const [timeline, plan, checkIns, members] = await Promise.all([deps.meetings.loadCaseTimeline(coreGroupId, coreGroup), deps.plans.current(coreGroupId), deps.checkIns.listByCoreGroup(coreGroupId), deps.coreGroups.members(coreGroupId)]);
      const heldMeetings = await heldMeetingAttendance(deps.minutes, timeline.meetings);
      const obligations = computeObligations({ profile, calendar, timeline, asOf });
      const signals = detectSignals({ asOf, actions: currentActions(plan?.actions ?? [], checkIns).filter(isOpen), checkIns, heldMeetings, obligations });
      let queued = 0;
      for (const signal of signals) {
        const recipients = signalRecipients(members, signal);
        for (const recipient of recipients) {
          const key = `signal:${coreGroupId}:${signal.kind}:${signal.subjectId}:${recipient.id}`;
          const missed = obligations.find((obligation) => obligation.id === signal.subjectId);
          const payload: SignalNoticeJob = {
            tenantId: coreGroup.tenantId,
            coreGroupId,
            kind: signal.kind,
            concern: signal.concern,
            subjectId: signal.subjectId,
            measure: signal.measure,
            memberId: signal.memberId,
            rule: missed?.rule,
            wording: missed?.wording,
            recipientMemberId: recipient.id,
          };
          const at = deps.clock.nowIso();
          const { created } = await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: SIGNAL_NOTICE_JOB, payload, runAt: at, idempotencyKey: key, at });
          if (created) queued += 1;
        }
      }
      return { signals, queued };
    },
  };
}

export type SignalWatch = ReturnType<typeof createSignalWatch>;
