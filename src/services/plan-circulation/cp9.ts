import { CP9_JOB, type Cp9Job } from '../../contracts/jobs.contract';
import type { CoreGroup } from '../../domain/core-group';
import { NotConfiguredError, RuleViolationError, said } from '../../domain/errors';
import { type CoreGroupMeeting, checkTookPlace } from '../../domain/meeting';
import { isSigned, minutesSenderMailbox } from '../../domain/minutes';
import { type Caller, authorise } from '../authorise';
import { uuidFromKey } from '../deterministic-id';
import { loadMeeting } from '../minutes/meeting-access';
import { policyOf } from '../policy-calendar';
import type { Job } from '../ports/store.port';
import type { PlanCirculationDeps } from './plan-circulation-deps';

/** Where the CP9 of a meeting stands: sent (recorded), on its way, its last try failed, or not sent. */
export type Cp9State = 'sent' | 'sending' | 'failed' | 'not-sent';

const firstKey = (meetingId: string) => `cp9:${meetingId}`;
const keyAfter = (meetingId: string, failed: Job) => `cp9:${meetingId}:after:${failed.id}`;

/**
 * The latest CP9 job of a meeting. Each try after a failed one has a key naming the failed job, so
 * a press after a failure queues exactly one new try and a double press queues nothing twice.
 */
export async function latestCp9Job(deps: Pick<PlanCirculationDeps, 'jobs'>, meetingId: string): Promise<Job | undefined> {
  let latest = await deps.jobs.findById(uuidFromKey(`job:${firstKey(meetingId)}`));
  while (latest?.status === 'dead') {
    const next = await deps.jobs.findById(uuidFromKey(`job:${keyAfter(meetingId, latest)}`));
    if (!next) return latest;
    latest = next;
  }
  return latest;
}

/** Where a meeting's CP9 stands, from whether it is recorded as sent and its latest job. */
export async function cp9StateOf(deps: Pick<PlanCirculationDeps, 'jobs'>, options: { meetingId: string; sent: boolean }): Promise<Cp9State> {
  if (options.sent) return 'sent';
  const latest = await latestCp9Job(deps, options.meetingId);
  if (!latest) return 'not-sent';
  return latest.status === 'dead' ? 'failed' : 'sending';
}

/** Refuses a CP9 where the group's profile has no CP9 rule: that area sends none. */
function checkCp9Rule(deps: PlanCirculationDeps, coreGroup: CoreGroup): void {
  const { profile } = policyOf(deps, coreGroup);
  if (!profile.rules.cp9ToCoordinator) throw new RuleViolationError(`CP9 is not part of this area's procedures (${profile.name}): there is nothing to send.`, { said: said('serviceRefusals.cp9.notInProcedures', { profile: profile.name }) });
}

/** The co-ordinator's mailbox, or an error that tells the person and the administrator what is missing. */
function coordinatorMailbox(deps: Pick<PlanCirculationDeps, 'cp9CoordinatorMailbox'>): string {
  if (deps.cp9CoordinatorMailbox) return deps.cp9CoordinatorMailbox;
  throw new NotConfiguredError('CP9 cannot be sent yet: the Children Services co-ordinator’s mailbox has not been set up. Please tell your administrator (setting CP9_COORDINATOR_MAILBOX).', { said: said('serviceRefusals.cp9.noCoordinatorMailbox'), internalMessage: 'CP9_COORDINATOR_MAILBOX is not set, and a core group on a profile with a CP9 rule asked to send one' });
}

/**
 * Sends the CP9 of a held core group to the area's Children Services co-ordinator (seed 001: a
 * copy of CP9 within seven days), for profiles with that rule only: a durable job e-mails the CP9
 * record, built from the signed minutes and the plan; the CP9 is recorded as sent when the e-mail
 * has gone. Pressing again while it is on its way or once it went changes nothing; after a failed
 * try it tries once more.
 */
export async function sendCp9(deps: PlanCirculationDeps, request: { caller: Caller; meetingId: string }): Promise<{ outcome: 'queued' | 'already-queued' | 'already-sent' }> {
  const meeting = await loadMeeting(deps, request.meetingId);
  const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'send-cp9', targetId: meeting.id });
  checkCp9Rule(deps, coreGroup);
  checkTookPlace(meeting, { nowIso: deps.clock.nowIso(), today: deps.clock.today() }, 'send-cp9');
  if (meeting.status !== 'held') throw new RuleViolationError('The CP9 is sent once the meeting is recorded as held.', { said: said('serviceRefusals.cp9.notHeld') });
  const minutes = await deps.minutes.findByMeeting(meeting.id);
  if (!minutes || !isSigned(minutes)) throw new RuleViolationError('The CP9 carries the decisions of the signed minutes: it is sent once the chair and the team manager have signed them.', { said: said('serviceRefusals.cp9.minutesUnsigned') });
  coordinatorMailbox(deps);
  const timeline = await deps.meetings.loadCaseTimeline(coreGroup.id, coreGroup);
  if (timeline.circulations.some((circulation) => circulation.kind === 'cp9' && circulation.meetingId === meeting.id)) return { outcome: 'already-sent' };
  const latest = await latestCp9Job(deps, meeting.id);
  if (latest && latest.status !== 'dead') return { outcome: 'already-queued' };
  const key = latest ? keyAfter(meeting.id, latest) : firstKey(meeting.id);
  const at = deps.clock.nowIso();
  const payload: Cp9Job = { tenantId: coreGroup.tenantId, meetingId: meeting.id };
  await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: CP9_JOB, payload, runAt: at, idempotencyKey: key, at });
  return { outcome: 'queued' };
}

/** What the CP9 e-mail needs: the meeting, the case by reference, from which mailbox, to the co-ordinator. */
export interface Cp9Mail {
  readonly meeting: CoreGroupMeeting;
  readonly caseReference: string;
  readonly from?: string | undefined;
  readonly to: string;
}

/** What a CP9 job sends, read when it runs; nothing when the meeting is gone or its CP9 is already recorded as sent. */
export async function cp9MailOf(deps: PlanCirculationDeps, job: Cp9Job): Promise<Cp9Mail | undefined> {
  const meeting = await deps.meetings.findById(job.meetingId);
  const coreGroup = meeting ? await deps.coreGroups.findById(meeting.coreGroupId) : undefined;
  if (!meeting || !coreGroup) return undefined;
  const timeline = await deps.meetings.loadCaseTimeline(coreGroup.id, coreGroup);
  if (timeline.circulations.some((circulation) => circulation.kind === 'cp9' && circulation.meetingId === meeting.id)) return undefined;
  const members = await deps.coreGroups.members(coreGroup.id);
  return { meeting, caseReference: coreGroup.caseReference, from: minutesSenderMailbox(meeting, members), to: coordinatorMailbox(deps) };
}

/** Records the CP9 as sent today, which meets the profile's CP9 deadline, and audits it. */
export async function recordCp9Sent(deps: PlanCirculationDeps, job: Cp9Job): Promise<void> {
  const meeting = await deps.meetings.findById(job.meetingId);
  if (!meeting) return;
  await deps.meetings.recordCirculation({ meetingId: meeting.id, kind: 'cp9', on: deps.clock.today() });
  await deps.auditLog.append({ at: deps.clock.nowIso(), tenantId: job.tenantId, actor: 'core-group:cp9', action: 'send-cp9:email:sent', coreGroupId: meeting.coreGroupId, targetId: meeting.id, outcome: 'allowed' });
}
