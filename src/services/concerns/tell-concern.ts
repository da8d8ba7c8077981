import { CONCERN_NOTIFICATION_JOB, type ConcernNotificationJob } from '../../contracts/jobs.contract';
import { type AreaContact, stepPeople } from '../../domain/concern-steps';
import type { CoreGroup, CoreGroupMember } from '../../domain/core-group';
import { uuidFromKey } from '../deterministic-id';
import type { Clock } from '../ports/clock.port';
import type { AreaContactRepository, Concern, CoreGroupRepository, JobQueue } from '../ports/store.port';

/** What queuing a concern's notices reads and writes. */
export interface TellConcernDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'members'>;
  readonly areaContacts: Pick<AreaContactRepository, 'list'>;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly clock: Clock;
}

/** The group a concern is about, as its notices need it: a group's area is its policy profile. */
export type ConcernGroup = Pick<CoreGroup, 'id' | 'tenantId' | 'policyId'>;

/**
 * The key of one step's notice to one person. The raising keeps the key it always had (so a job
 * queued before routes climbed is not queued again); every later step's notices are distinct.
 */
function stepNoticeKey(concernId: string, step: number, recipientId: string): string {
  return step === 0 ? `concern:${concernId}:${recipientId}` : `concern:${concernId}:step-${step}:${recipientId}`;
}

async function queueNotice(deps: Pick<TellConcernDeps, 'jobs' | 'clock'>, key: string, payload: ConcernNotificationJob): Promise<void> {
  const at = deps.clock.nowIso();
  await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: CONCERN_NOTIFICATION_JOB, payload, runAt: at, idempotencyKey: key, at });
}

function memberRecipient(member: CoreGroupMember): Pick<ConcernNotificationJob, 'recipientMemberId' | 'recipientAadObjectId'> {
  return { recipientMemberId: member.id, ...(member.aadObjectId ? { recipientAadObjectId: member.aadObjectId } : {}) };
}

/**
 * Queues a notice, by a durable job each, to everyone the concern's current step names — the
 * group's members in its roles and the area's contacts in them — never the member who raised it.
 * Safe to repeat: each step's notice to each person has one key.
 */
export async function tellStep(deps: TellConcernDeps, options: { coreGroup: ConcernGroup; concern: Concern }): Promise<{ members: CoreGroupMember[]; areaContacts: AreaContact[] }> {
  const { coreGroup, concern } = options;
  const [members, areaContacts] = await Promise.all([deps.coreGroups.members(coreGroup.id), deps.areaContacts.list(coreGroup.tenantId, coreGroup.policyId)]);
  const people = stepPeople({ kind: concern.kind, step: concern.step, members: members.filter((member) => member.id !== concern.raisedByMemberId), areaContacts });
  const base = { tenantId: coreGroup.tenantId, coreGroupId: coreGroup.id, concernId: concern.id, ...(concern.step === 0 ? {} : { step: concern.step }) };
  for (const member of people.members) await queueNotice(deps, stepNoticeKey(concern.id, concern.step, member.id), { ...base, ...memberRecipient(member) });
  for (const contact of people.areaContacts) await queueNotice(deps, stepNoticeKey(concern.id, concern.step, contact.id), { ...base, recipientAreaContactId: contact.id });
  return people;
}

/** Queues a notice of a decision (an extra meeting granted or refused) to each of these members, once per decision and member. */
export async function tellDecision(deps: Pick<TellConcernDeps, 'jobs' | 'clock'>, options: { coreGroup: ConcernGroup; concern: Concern; transitionId: string; members: readonly CoreGroupMember[] }): Promise<void> {
  const { coreGroup, concern } = options;
  for (const member of options.members) {
    const payload: ConcernNotificationJob = { tenantId: coreGroup.tenantId, coreGroupId: coreGroup.id, concernId: concern.id, transitionId: options.transitionId, ...memberRecipient(member) };
    await queueNotice(deps, `concern:${concern.id}:${options.transitionId}:${member.id}`, payload);
  }
}
