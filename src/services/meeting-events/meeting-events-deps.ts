import type { CoreGroup } from '../../domain/core-group';
import type { CoreGroupMeeting } from '../../domain/meeting';
import { uuidFromKey } from '../deterministic-id';
import type { DraftMinutesDeps } from '../draft-minutes';
import type { PolicyDeps } from '../policy-calendar';
import type { AuditLog, CheckInRepository, CoreGroupRepository, JobQueue, MeetingRepository, PlanRepository, DocumentLanguageRepository } from '../ports/store.port';

/** Who acts when Teams reports a meeting event (no person pressed anything). */
export const SYSTEM_ACTOR = 'teams:meeting-event';
/** The agenda waits for the app to be installed in the meeting chat: retried with backoff for about a day. */
export const AGENDA_ATTEMPTS = 12;

/** What the meeting-event use cases read and write. */
export type MeetingEventsDeps = DraftMinutesDeps &
  PolicyDeps & {
    coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members'>;
    meetings: Pick<MeetingRepository, 'findById' | 'findByChatId' | 'update'>;
    plans: Pick<PlanRepository, 'current'>;
    checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
    jobs: Pick<JobQueue, 'enqueue'>;
    auditLog: Pick<AuditLog, 'append'>;
    /** The group's document language, which the agenda in the meeting chat is written in (none given: English). */
    documentLanguages?: Pick<DocumentLanguageRepository, 'of'> | undefined;
  };

/** Queues a job to run now, once per key: Teams delivering an event twice queues it once. */
export async function enqueueOnce(deps: Pick<MeetingEventsDeps, 'jobs' | 'clock'>, job: { kind: string; key: string; payload: object; maxAttempts?: number }): Promise<void> {
  const { kind, key, payload, maxAttempts } = job;
  const at = deps.clock.nowIso();
  await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind, payload, runAt: at, idempotencyKey: key, at, maxAttempts });
}

/** Audits what the app did on Teams' word for a meeting (who: the system, never a person). */
export async function auditMeetingEvent(deps: Pick<MeetingEventsDeps, 'auditLog' | 'clock'>, event: { coreGroup: CoreGroup; action: string; meetingId: string }): Promise<void> {
  const { coreGroup } = event;
  await deps.auditLog.append({ at: deps.clock.nowIso(), tenantId: coreGroup.tenantId, actor: SYSTEM_ACTOR, action: event.action, coreGroupId: coreGroup.id, targetId: event.meetingId, outcome: 'allowed' });
}

/** The booked meeting behind a chat, only when its core group is in the tenant the event came from. */
export async function meetingOfChat(deps: Pick<MeetingEventsDeps, 'meetings' | 'coreGroups'>, event: { tenantId: string; chatId: string }): Promise<{ meeting: CoreGroupMeeting; coreGroup: CoreGroup } | undefined> {
  const meeting = await deps.meetings.findByChatId(event.chatId);
  const coreGroup = meeting ? await deps.coreGroups.findById(meeting.coreGroupId) : undefined;
  return meeting && coreGroup?.tenantId === event.tenantId ? { meeting, coreGroup } : undefined;
}
