import { type PlanDelivery, type PlanNotReceived, awaitingPlan, planRecipients } from '../../domain/circulation';
import type { CoreGroupMember } from '../../domain/core-group';
import type { CoreGroupMeeting } from '../../domain/meeting';
import type { Minutes } from '../../domain/minutes';
import type { ChildProtectionPlan } from '../../domain/plan';
import { PLAN_DELIVERY_JOB, type PlanDeliveryJob } from '../../contracts/jobs.contract';
import type { PolicyProfile } from '../../domain/policy';
import type { WorkingDayCalendars } from '../../domain/working-days';
import { uuidFromKey } from '../deterministic-id';
import type { Clock } from '../ports/clock.port';
import type { AuditLog, CoreGroupRepository, JobQueue, MeetingRepository, MinutesRepository, PlanCirculationRepository, PlanRepository } from '../ports/store.port';

/** Everything the plan's circulation and the CP9 read and write; each use case takes the part it needs. */
export interface PlanCirculationDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members'>;
  readonly meetings: Pick<MeetingRepository, 'findById' | 'listByCoreGroup' | 'loadCaseTimeline' | 'recordCirculation'>;
  readonly minutes: Pick<MinutesRepository, 'findByMeeting'>;
  readonly plans: Pick<PlanRepository, 'current'>;
  readonly planCirculation: PlanCirculationRepository;
  readonly jobs: Pick<JobQueue, 'enqueue' | 'findById'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  readonly calendars: WorkingDayCalendars;
  readonly policy: (id: string) => PolicyProfile;
  /** The area's Children Services co-ordinator mailbox, where CP9 goes (`CP9_COORDINATOR_MAILBOX`); absent when not set. */
  readonly cp9CoordinatorMailbox?: string | undefined;
}

/** Where the plan's circulation after one meeting stands: who must have it, what was sent, who said it did not arrive. */
export interface CirculationState {
  readonly members: readonly CoreGroupMember[];
  readonly minutes: Minutes | undefined;
  readonly plan: ChildProtectionPlan | undefined;
  readonly recipients: readonly CoreGroupMember[];
  readonly deliveries: readonly PlanDelivery[];
  readonly notReceived: readonly PlanNotReceived[];
  /** The recipients who do not have the current version yet. */
  readonly awaiting: readonly CoreGroupMember[];
}

/** Reads, once, where the circulation of the current plan after a meeting stands. */
export async function circulationState(deps: Pick<PlanCirculationDeps, 'coreGroups' | 'minutes' | 'plans' | 'planCirculation'>, meeting: CoreGroupMeeting): Promise<CirculationState> {
  const [members, minutes, plan, deliveries, notReceived] = await Promise.all([
    deps.coreGroups.members(meeting.coreGroupId),
    deps.minutes.findByMeeting(meeting.id),
    deps.plans.current(meeting.coreGroupId),
    deps.planCirculation.deliveries(meeting.id),
    deps.planCirculation.notReceived(meeting.id),
  ]);
  const recipients = planRecipients({ members, minutes });
  const awaiting = plan ? awaitingPlan({ recipients, version: plan.version, deliveries, notReceived }) : [...recipients];
  return { members, minutes, plan, recipients, deliveries, notReceived, awaiting };
}

/**
 * The delivery job for one recipient of one plan version: sent again when they said it had not
 * reached them, and counting the deliveries that failed before, so that circulating again after a
 * failure queues a new job while a double press (or a retry) queues nothing twice.
 */
export function deliveryJobFor(options: { tenantId: string; meetingId: string; state: Pick<CirculationState, 'deliveries' | 'notReceived'>; planVersion: number; memberId: string }): PlanDeliveryJob {
  const { state, planVersion, memberId } = options;
  const resent = state.notReceived.some((report) => report.planVersion === planVersion && report.memberId === memberId);
  const attempt = state.deliveries.filter((delivery) => delivery.planVersion === planVersion && delivery.memberId === memberId && delivery.resent === resent && delivery.outcome === 'failed').length;
  return { tenantId: options.tenantId, meetingId: options.meetingId, planVersion, memberId, resent, attempt };
}

/** The business key of one delivery job: its idempotency key, and the root of the delivery rows it records. */
export function planDeliveryKey(job: PlanDeliveryJob): string {
  return `plan-delivery:${job.meetingId}:${job.planVersion}:${job.memberId}:${job.resent ? 'resent' : 'first'}:${job.attempt}`;
}

/** Queues one delivery of the plan, once per business key. */
export async function queueDelivery(deps: Pick<PlanCirculationDeps, 'jobs' | 'clock'>, job: PlanDeliveryJob): Promise<void> {
  const key = planDeliveryKey(job);
  const at = deps.clock.nowIso();
  await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: PLAN_DELIVERY_JOB, payload: job, runAt: at, idempotencyKey: key, at });
}
