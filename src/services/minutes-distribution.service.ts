import { MINUTES_DELIVERY_JOB, type MinutesDeliveryJob } from '../contracts/jobs.contract';
import type { CoreGroupMember } from '../domain/core-group';
import { NotFoundError, RuleViolationError, VersionConflictError, said } from '../domain/errors';
import type { FamilyVersion } from '../domain/family-version';
import { checkTookPlace, meetingRolesOf } from '../domain/meeting';
import { type Delivery, isSigned, minutesRecipients, minutesSenderMailbox, undelivered } from '../domain/minutes';
import { type Caller, authorise } from './authorise';
import { uuidFromKey } from './deterministic-id';
import { readsAsFamily } from './family-version/family-version-deps';
import { type RecipientList, recipientList, sendableFamilyVersion } from './minutes-distribution/recipient-list';
import type { MinutesDeps } from './minutes.service';
import type { FamilyVersionRepository, JobQueue, MeetingRepository, MinutesRepository } from './ports/store.port';

/** What one delivery job needs: who, which case and meeting, and whether they get the family version. */
export interface MinutesDeliveryOf {
  readonly member: CoreGroupMember;
  readonly caseReference: string;
  readonly meetingDate: string;
  readonly chatId?: string | undefined;
  readonly fromMailbox?: string | undefined;
  /** The family and the child: the signed-off family version, never the professional minutes. */
  readonly familyVersion?: boolean | undefined;
}

/** The recipient list changed between Distribute showing it and the confirmation: nothing was sent; the current list is shown again. */
export class RecipientListChangedError extends VersionConflictError {
  constructor(readonly current: RecipientList) {
    super('The list of recipients changed since it was shown: check the new list and confirm again. Nothing was sent.');
  }
}

/**
 * Circulation of signed minutes (seeds 001/002): to every member, present or absent, the conference
 * chair and the team manager; to the family and the child (unless the chair withheld it) the
 * signed-off family version, never the professional minutes. Distribute first shows the list
 * (name, route, what each person gets) and sends only when confirmed against that same list. Each
 * delivery is a durable job keyed by minutes version and person, so pressing Distribute again only
 * reaches those not yet reached; each outcome is recorded with its time, and once everyone has the
 * version the circulation is recorded, which meets the circulation deadline.
 */
export function createMinutesDistribution(
  deps: Pick<MinutesDeps, 'coreGroups' | 'auditLog' | 'clock'> & {
    meetings: Pick<MeetingRepository, 'findById' | 'recordCirculation'>;
    minutes: Pick<MinutesRepository, 'findByMeeting' | 'deliveries' | 'recordDelivery'>;
    plans: Pick<MinutesDeps['plans'], 'current'>;
    familyVersions: Pick<FamilyVersionRepository, 'current'>;
    jobs: Pick<JobQueue, 'enqueue'>;
  },
) {
  const recipientsOf = async (meetingId: string) => {
    const meeting = await deps.meetings.findById(meetingId);
    const minutes = meeting ? await deps.minutes.findByMeeting(meeting.id) : undefined;
    if (!meeting || !minutes) throw new NotFoundError('There are no minutes for this meeting.', { said: said('serviceRefusals.minutes.none') });
    const members = await deps.coreGroups.members(meeting.coreGroupId);
    return { meeting, minutes, members, recipients: minutesRecipients(members, minutes.content.sharing) };
  };

  /** The family version that may go to the family with these minutes, if one is signed off for them and the current plan. */
  const familyVersionFor = async (meeting: { id: string; coreGroupId: string }, minutes: Parameters<typeof sendableFamilyVersion>[1]['minutes']): Promise<FamilyVersion | undefined> => {
    const [stored, plan] = await Promise.all([deps.familyVersions.current(meeting.id), deps.plans.current(meeting.coreGroupId)]);
    return sendableFamilyVersion(stored, { minutes, planVersion: plan?.version });
  };

  /** Authorises the caller to distribute and reads the list Distribute shows, once. */
  const authorisedList = async (caller: Caller, meetingId: string) => {
    const { meeting, minutes, members } = await recipientsOf(meetingId);
    const member = members.find((candidate) => candidate.aadObjectId === caller.aadObjectId);
    const meetingRoles = member ? meetingRolesOf(meeting, member) : [];
    // The caller's membership is among the members just read: authorise does not read it again.
    const { coreGroup } = await authorise(deps, { caller, coreGroupId: meeting.coreGroupId, action: 'distribute-minutes', meetingRoles, targetId: meeting.id, known: { member } });
    checkTookPlace(meeting, { nowIso: deps.clock.nowIso(), today: deps.clock.today() }, 'circulate-minutes');
    if (!isSigned(minutes)) throw new RuleViolationError('Minutes are circulated once the chair and the team manager have signed them.', { said: said('serviceRefusals.circulation.minutesUnsigned') });
    if (meeting.status !== 'held') throw new RuleViolationError('Minutes are circulated once the meeting is recorded as held.', { said: said('serviceRefusals.circulation.minutesNotHeld') });
    const list = recipientList({ members, minutes, deliveries: await deps.minutes.deliveries(minutes.id), familyVersion: await familyVersionFor(meeting, minutes) });
    return { meeting, minutes, coreGroup, list };
  };

  return {
    /** Who Distribute would send to, by which route and with what, and the fingerprint to confirm it with. */
    async recipients(caller: Caller, meetingId: string): Promise<RecipientList> {
      return (await authorisedList(caller, meetingId)).list;
    },

    /**
     * Sends to everyone on the list who is to be sent to, once the caller confirmed that list: a
     * confirmation of another list (someone joined, the family version was signed off, a delivery
     * went meanwhile) is refused with the current list, and nothing is sent.
     */
    async distribute(caller: Caller, meetingId: string, confirmation: { listHash: string }): Promise<{ queued: number; recipients: number }> {
      const { meeting, minutes, coreGroup, list } = await authorisedList(caller, meetingId);
      if (confirmation.listHash !== list.listHash) throw new RecipientListChangedError(list);
      const pending = list.entries.filter((entry) => entry.status === 'to-send');
      const at = deps.clock.nowIso();
      for (const recipient of pending) {
        const familyVersion = recipient.gets === 'family-version' ? list.familyVersion : undefined;
        const key = `minutes-delivery:${minutes.id}:${minutes.version}:${recipient.memberId}${familyVersion ? `:family-v${familyVersion}` : ''}`;
        const payload: MinutesDeliveryJob = { tenantId: coreGroup.tenantId, meetingId, minutesId: minutes.id, minutesVersion: minutes.version, memberId: recipient.memberId, familyVersion };
        await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: MINUTES_DELIVERY_JOB, payload, runAt: at, idempotencyKey: key, at });
      }
      await deps.auditLog.append({ at, tenantId: caller.tenantId, actor: caller.aadObjectId, action: 'distribute-minutes:confirmed', coreGroupId: coreGroup.id, targetId: meeting.id, outcome: 'allowed' });
      return { queued: pending.length, recipients: list.entries.length };
    },

    /**
     * Who a delivery is for, with what the message needs; nothing when the minutes moved on (an
     * amendment is circulated anew). The family and the child get only the family version queued
     * for them, and only while it is still the signed-off one and the minutes are still shared
     * with them: anything else sends them nothing.
     */
    async deliveryOf(payload: MinutesDeliveryJob): Promise<MinutesDeliveryOf | undefined> {
      const { meeting, minutes, members, recipients } = await recipientsOf(payload.meetingId);
      const coreGroup = await deps.coreGroups.findById(meeting.coreGroupId);
      const member = recipients.find((candidate) => candidate.id === payload.memberId);
      if (!coreGroup || !member || minutes.version !== payload.minutesVersion) return undefined;
      if (readsAsFamily(member) && (!payload.familyVersion || (await familyVersionFor(meeting, minutes))?.version !== payload.familyVersion)) return undefined;
      return { member, caseReference: coreGroup.caseReference, meetingDate: meeting.date.toString(), chatId: meeting.booking?.chatId, fromMailbox: minutesSenderMailbox(meeting, members), familyVersion: readsAsFamily(member) };
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
