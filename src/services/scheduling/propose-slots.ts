import { Temporal } from 'temporal-polyfill';
import type { CivilDate } from '../../domain/civil-date';
import type { CoreGroup } from '../../domain/core-group';
import { RuleViolationError, said } from '../../domain/errors';
import { meetingInvitees } from '../../domain/meeting';
import type { Obligation } from '../../domain/obligations';
import { type SlotFinder, type SlotProposal, slotAttendeeOf, slotSearchWindow } from '../../domain/slot-finding';
import type { WorkingDays } from '../../domain/working-days';
import { type Caller, authorise } from '../authorise';
import { type SchedulingDeps, meetingMinutes, nextDeadlinesOf, organiserFor } from './scheduling-deps';

export interface SlotOffer {
  /** The deadline the next meeting must meet, and the rule it comes from (as data too, to be worded in the reader's language). */
  readonly obligation: Pick<Obligation, 'id' | 'due' | 'rule' | 'wording' | 'status'>;
  readonly proposal: SlotProposal;
  /** Member ids of people whose calendars we cannot read (family, other organisations). */
  readonly unknownAvailability: readonly string[];
  /** Members' names by id, to say who blocks the most slots (shown 1:1 to the person scheduling). */
  readonly names?: ReadonlyMap<string, string>;
}

/**
 * Slots for one meeting of the group, soonest first, before a deadline where anything fits, from
 * the calendars of the invitees inside the tenant (the rest are flagged, never blocking).
 */
export async function slotsBefore(deps: SchedulingDeps & { finder: SlotFinder }, request: { coreGroup: CoreGroup; deadline: CivilDate; calendar: WorkingDays; count?: number | undefined }): Promise<{ proposal: SlotProposal; names: ReadonlyMap<string, string> }> {
  const { deadline, calendar } = request;
  const members = meetingInvitees(await deps.coreGroups.members(request.coreGroup.id));
  const internal = members.filter((member) => member.reach === 'tenant');
  const window = slotSearchWindow({ nowMs: Temporal.Instant.from(deps.clock.nowIso()).epochMilliseconds, deadline, calendar });
  const organiser = organiserFor(deps, members);
  const availability = await deps.calendar.availability({ organiser, mailboxes: internal.map((member) => member.email), ...window });
  const byMailbox = new Map(availability.map((entry) => [entry.mailbox.toLowerCase(), entry]));
  const attendees = members.map((member) => slotAttendeeOf(member.id, member.reach === 'tenant' ? byMailbox.get(member.email.toLowerCase()) : undefined));
  const proposal = deps.finder.propose({ attendees, durationMinutes: meetingMinutes(deps), earliestStartMs: window.fromMs, deadline, calendar, count: request.count ?? 5 });
  return { proposal, names: new Map(members.map((member) => [member.id, member.displayName])) };
}

/** Proposes slots for the core group's next meeting, before its deadline where anything fits (see `slotsBefore`). */
export async function proposeSlots(deps: SchedulingDeps & { finder: SlotFinder }, request: { caller: Caller; coreGroupId: string; count?: number }): Promise<SlotOffer> {
  const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'schedule-meeting' });
  const { meeting, calendar } = await nextDeadlinesOf(deps, coreGroup);
  if (!meeting) throw new RuleViolationError('No core group meeting is due for this case.', { said: said('serviceRefusals.scheduling.noneDue') });
  const { proposal, names } = await slotsBefore(deps, { coreGroup, deadline: meeting.due, calendar, count: request.count });
  return {
    obligation: { id: meeting.id, due: meeting.due, rule: meeting.rule, wording: meeting.wording, status: meeting.status },
    proposal,
    unknownAvailability: proposal.unknownAvailability,
    names,
  };
}
