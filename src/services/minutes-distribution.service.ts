import { MINUTES_DELIVERY_JOB, type MinutesDeliveryJob } from '../contracts/jobs.contract';
import type { CoreGroupMember } from '../domain/core-group';
import { NotFoundError, RuleViolationError } from '../domain/errors';
import { checkTookPlace, meetingRolesOf } from '../domain/meeting';
import { type Delivery, isSigned, minutesRecipients, minutesSenderMailbox, undelivered } from '../domain/minutes';
import { type Caller, authorise } from './authorise';
import { uuidFromKey } from './deterministic-id';
import type { MinutesDeps } from './minutes.service';
import type { JobQueue, MeetingRepository, MinutesRepository } from './ports/store.port';

/**
 * Circulation of signed minutes (seeds 001/002): to every member, present or absent, the conference
 * chair and the team manager, and to the family and the child where the group decided so. Each
 * delivery is a durable job keyed by minutes version and person, so pressing Distribute again only
 * reaches those not yet reached; each outcome is recorded with its time, and once everyone has the
 * version the circulation is recorded, which meets the circulation deadline.
 */
export function createMinutesDistribution(
  deps: Pick<MinutesDeps, 'coreGroups' | 'auditLog' | 'clock'> & {
    meetings: Pick<MeetingRepository, 'findById' | 'recordCirculation'>;
    minutes: Pick<MinutesRepository, 'findByMeeting' | 'deliveries' | 'recordDelivery'>;
    jobs: Pick<JobQueue, 'enqueue'>;
  },
) {
  const recipientsOf = async (meetingId: string) => {
    const meeting = await deps.meetings.findById(meetingId);
    const minutes = meeting ? await deps.minutes.findByMeeting(meeting.id) : undefined;
    if (!meeting || !minutes) throw new NotFoundError('There are no minutes for this meeting.');
    const members = await deps.coreGroups.members(meeting.coreGroupId);
    return { meeting, minutes, members, recipients: minutesRecipients(members, minutes.content.sharing) };
  };

  return {
    async distribute(caller: Caller, meetingId: string): Promise<{ queued: number; recipients: number }> {
      const { meeting, minutes, members, recipients } = await recipientsOf(meetingId);
      const member = members.find((candidate) => candidate.aadObjectId === caller.aadObjectId);
      const meetingRoles = member ? meetingRolesOf(meeting, member) : [];
      // The caller's membership is among the members just read: authorise does not read it again.
      const { coreGroup } = await authorise(deps, { caller, coreGroupId: meeting.coreGroupId, action: 'distribute-minutes', meetingRoles, targetId: meeting.id, known: { member } });
      checkTookPlace(meeting, { nowIso: deps.clock.nowIso(), today: deps.clock.today() }, 'its minutes can be circulated');
      if (!isSigned(minutes)) throw new RuleViolationError('Minutes are circulated once the chair and the team manager have signed them.');
      if (meeting.status !== 'held') throw new RuleViolationError('Minutes are circulated once the meeting is recorded as held.');
      const pending = undelivered(recipients, await deps.minutes.deliveries(minutes.id), minutes.version);
      const at = deps.clock.nowIso();
      for (const recipient of pending) {
        const key = `minutes-delivery:${minutes.id}:${minutes.version}:${recipient.id}`;
        const payload: MinutesDeliveryJob = { tenantId: coreGroup.tenantId, meetingId, minutesId: minutes.id, minutesVersion: minutes.version, memberId: recipient.id };
        await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: MINUTES_DELIVERY_JOB, payload, runAt: at, idempotencyKey: key, at });
      }
      return { queued: pending.length, recipients: recipients.length };
    },

    /** Who a delivery is for, with what the message needs; nothing when the minutes moved on (an amendment is circulated anew). */
    async deliveryOf(payload: MinutesDeliveryJob): Promise<{ member: CoreGroupMember; caseReference: string; meetingDate: string; chatId?: string | undefined; fromMailbox?: string | undefined } | undefined> {
      const { meeting, minutes, members } = await recipientsOf(payload.meetingId);
      const coreGroup = await deps.coreGroups.findById(meeting.coreGroupId);
      const member = members.find((candidate) => candidate.id === payload.memberId);
      if (!coreGroup || !member || minutes.version !== payload.minutesVersion) return undefined;
      return { member, caseReference: coreGroup.caseReference, meetingDate: meeting.date.toString(), chatId: meeting.booking?.chatId, fromMailbox: minutesSenderMailbox(meeting, members) };
    },

    /** Records how a delivery went; when everyone has this version, the circulation is recorded. */
    async recordOutcome(payload: MinutesDeliveryJob, outcome: Pick<Delivery, 'channel' | 'outcome' | 'detail'>): Promise<void> {
      const at = deps.clock.nowIso();
      await deps.minutes.recordDelivery({ id: uuidFromKey(`delivery:${payload.minutesId}:${payload.minutesVersion}:${payload.memberId}:${outcome.channel}:${outcome.outcome}`), minutesId: payload.minutesId, minutesVersion: payload.minutesVersion, memberId: payload.memberId, at, ...outcome });
      const { meeting, minutes, recipients } = await recipientsOf(payload.meetingId);
      if (minutes.version === payload.minutesVersion && undelivered(recipients, await deps.minutes.deliveries(minutes.id), minutes.version).length === 0) {
        await deps.meetings.recordCirculation({ meetingId: meeting.id, kind: 'minutes', on: deps.clock.today() });
      }
      await deps.auditLog.append({ at, tenantId: payload.tenantId, actor: 'core-group:distribution', action: `deliver-minutes:${outcome.channel}:${outcome.outcome}`, coreGroupId: meeting.coreGroupId, targetId: payload.memberId, outcome: 'allowed' });
    },
  };
}

export type MinutesDistribution = ReturnType<typeof createMinutesDistribution>;
