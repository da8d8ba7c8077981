import { Temporal } from 'temporal-polyfill';
import { type CivilDate, compareDates, isBefore } from './civil-date';
import { type CoreGroupMember, type MemberInTeams, type MemberRole, isInTeams, leadSocialWorkerOf } from './core-group';
import { RuleViolationError, said } from './errors';
import { ukDate, ukDateTime } from './uk-date';
import { type MeetingRole, mayHoldMeetingRoles } from './permissions';
import { type ChairRole, type ChairRule, type Period, workingDayOnOrBefore } from './policy';
import type { WorkingDays } from './working-days';

const UK_ZONE = 'Europe/London';

/**
 * A core group meeting's life: booked, then held (it took place), cancelled (called off
 * beforehand) or not held (its time came and it did not take place). Only a held meeting meets a
 * deadline.
 */
export type MeetingStatus = 'scheduled' | 'held' | 'cancelled' | 'not-held';

export interface CoreGroupMeeting {
  readonly id: string;
  readonly coreGroupId: string;
  readonly date: CivilDate;
  /** ISO instants of the booked slot, when known. */
  readonly startsAt?: string | undefined;
  readonly endsAt?: string | undefined;
  readonly status: MeetingStatus;
  readonly chairMemberId?: string | undefined;
  readonly minuteTakerMemberId?: string | undefined;
  /** Why it was cancelled, or why it did not take place. */
  readonly cancellationReason?: string | undefined;
  /** Where the meeting lives on the organiser's calendar, once booked. */
  readonly booking?: MeetingBooking | undefined;
  /** Where people meet: on Teams only (when absent), in person at a venue, or both (seed 000). */
  readonly place?: MeetingPlace | undefined;
  /** The granted extra meeting request (seed 001) this meeting was booked for: a single meeting beside the series, never part of it. */
  readonly grantedBy?: string | undefined;
}

/** How a core group meets: on Teams, in a room, or in a room with Teams for those who cannot come. */
export const MEETING_MODES = ['online', 'in-person', 'hybrid'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export interface MeetingPlace {
  readonly mode: MeetingMode;
  /** The room and address, for a meeting in person or hybrid. */
  readonly venue?: string | undefined;
}

/**
 * Where a meeting is held, checked: a meeting in person or hybrid names its venue (seed 000:
 * accessible premises that give privacy); one on Teams only has none.
 */
export function meetingPlace(mode: MeetingMode, venue: string | undefined): MeetingPlace {
  const named = venue?.trim() ?? '';
  if (mode === 'online') return { mode };
  if (named === '') throw new RuleViolationError('Name the venue for a meeting in person or hybrid: accessible premises where the family can talk in private (seed 000).', { said: said('refusals.meeting.venue') });
  return { mode, venue: named };
}

/** A core group meeting's event on the organiser's calendar and its Teams meeting chat. */
export interface MeetingBooking {
  readonly organiser: string;
  readonly eventId: string;
  readonly joinUrl?: string | undefined;
  readonly chatId?: string | undefined;
}

/**
 * Sets who chairs and who takes the minutes. Seed 000: the chair is never the minute-taker (the
 * chair need not be the lead social worker).
 */
export function assignMeetingRoles(meeting: CoreGroupMeeting, roles: { chairMemberId: string; minuteTakerMemberId: string }): CoreGroupMeeting {
  if (roles.chairMemberId === roles.minuteTakerMemberId) {
    throw new RuleViolationError('the chair cannot also take the minutes; choose a different minute-taker', { said: said('refusals.meeting.chairTakesMinutes') });
  }
  return { ...meeting, ...roles };
}

/** Who each chair role of a profile is among a core group's members: a nominee is any professional the group names. */
const CHAIR_HOLDERS: Readonly<Record<ChairRole, { roles: readonly MemberRole[] | 'any-professional'; words: string }>> = {
  'lead-social-worker': { roles: ['lead-social-worker'], words: 'the lead social worker' },
  'lead-social-workers-manager': { roles: ['team-manager'], words: "the lead social worker's manager" },
  'team-manager': { roles: ['team-manager'], words: 'the team manager' },
  'key-worker': { roles: ['lead-social-worker'], words: 'the key worker (the lead social worker)' },
  nominee: { roles: 'any-professional', words: 'a professional nominated by the group' },
};

/**
 * Checks the chair named for a meeting against the profile's chair rule: the first core group's
 * (seed 003: the lead social worker's manager) or later ones' (seed 002: the key worker or a
 * nominee). The rule's source is cited in the refusal.
 */
export function checkChairRule(chair: CoreGroupMember, rule: ChairRule, stage: 'first' | 'later'): void {
  const allowed = stage === 'first' ? rule.firstMeeting : rule.laterMeetings;
  const fits = allowed.some((role) => {
    const { roles } = CHAIR_HOLDERS[role];
    return roles === 'any-professional' ? mayHoldMeetingRoles(chair.role) : roles.includes(chair.role);
  });
  if (fits) return;
  const who = allowed.map((role) => CHAIR_HOLDERS[role].words).join(' or ');
  // The catalogue words the roles allowed (`who1`, `who2`: the profiles allow one or two) in the reader's language; the citation is the profile's own.
  const roles = Object.fromEntries(allowed.map((role, index) => [`who${index + 1}`, role]));
  throw new RuleViolationError(`${stage === 'first' ? 'The first core group' : 'This core group'} is chaired by ${who} (${rule.source.citation}); choose them as chair.`, {
    said: said(`refusals.meeting.chairRule.${stage}`, { count: allowed.length, ...roles, citation: rule.source.citation }),
  });
}

/**
 * Checks that the people named chair and minute-taker may hold those roles (F5): professionals
 * only, never a family member or the child.
 */
export function checkMeetingRoleHolders(named: readonly CoreGroupMember[]): void {
  if (named.some((member) => !mayHoldMeetingRoles(member.role))) {
    throw new RuleViolationError('Only a professional can chair a core group meeting or take its minutes, not a family member or the child; choose someone else.', { said: said('refusals.meeting.professionalsOnly') });
  }
}

/** Teams says the meeting ended, so it took place (seeds 000/004: it goes ahead even if the lead social worker is absent). */
export function markHeld(meeting: CoreGroupMeeting): CoreGroupMeeting {
  if (meeting.status === 'cancelled' || meeting.status === 'not-held') throw new RuleViolationError('a meeting recorded as cancelled or not held cannot be marked as held', { said: said('refusals.meeting.cannotMarkHeld') });
  return { ...meeting, status: 'held' };
}

/** Whether a meeting's time has come: its booked start, or the start of its day when no time was booked. */
export function hasStarted(meeting: Pick<CoreGroupMeeting, 'date' | 'startsAt'>, now: { nowIso: string; today: CivilDate }): boolean {
  return meeting.startsAt ? Temporal.Instant.compare(Temporal.Instant.from(meeting.startsAt), Temporal.Instant.from(now.nowIso)) <= 0 : !isBefore(now.today, meeting.date);
}

/** How a meeting's start is said to someone told to wait for it. */
const startOf = (meeting: Pick<CoreGroupMeeting, 'date' | 'startsAt'>) => (meeting.startsAt ? ukDateTime(meeting.startsAt) : ukDate(meeting.date));

/** The same as catalogue values (`refusals.meeting.startsOn.*`): its booked start, or its day when no time was booked. */
const startValues = (meeting: Pick<CoreGroupMeeting, 'date' | 'startsAt'>): Record<string, string> => (meeting.startsAt ? { starts: 'time', at: meeting.startsAt } : { starts: 'day', on: meeting.date.toString() });

/** What waits for a meeting to have taken place. */
export type AfterMeeting = 'record-held' | 'sign-minutes' | 'circulate-minutes' | 'circulate-plan' | 'send-cp9';

const AFTER_MEETING_WORDS: Readonly<Record<AfterMeeting, { readonly can: string; readonly cannot: string }>> = {
  'record-held': { can: 'it can be recorded as held', cannot: 'it cannot be recorded as held' },
  'sign-minutes': { can: 'its minutes can be signed', cannot: 'its minutes cannot be signed' },
  'circulate-minutes': { can: 'its minutes can be circulated', cannot: 'its minutes cannot be circulated' },
  'circulate-plan': { can: 'the plan can be circulated', cannot: 'the plan cannot be circulated' },
  'send-cp9': { can: 'its CP9 can be sent', cannot: 'its CP9 cannot be sent' },
};

/** Refuses what only a meeting that took place may have: signed or circulated minutes. */
export function checkTookPlace(meeting: CoreGroupMeeting, now: { nowIso: string; today: CivilDate }, what: AfterMeeting): void {
  const words = AFTER_MEETING_WORDS[what];
  if (meeting.status === 'cancelled' || meeting.status === 'not-held') throw new RuleViolationError(`This meeting did not take place, so ${words.cannot}.`, { said: said(`refusals.meeting.didNotTakePlace.${what}`) });
  if (!hasStarted(meeting, now)) throw new RuleViolationError(`The meeting starts on ${startOf(meeting)}; ${words.can} once it has taken place.`, { said: said(`refusals.meeting.notYetTakenPlace.${what}`, startValues(meeting)) });
}

/**
 * The chair (or the lead social worker or team manager) confirms the meeting took place, with the
 * attendance recorded in its minutes: held from then on. Repeating it changes nothing.
 */
export function confirmHeld(meeting: CoreGroupMeeting, facts: { now: { nowIso: string; today: CivilDate }; present: number }): CoreGroupMeeting {
  if (meeting.status === 'held') return meeting;
  checkTookPlace(meeting, facts.now, 'record-held');
  if (facts.present === 0) throw new RuleViolationError('Record who attended first: nobody is marked present in the minutes.', { said: said('refusals.meeting.nobodyPresent') });
  return { ...meeting, status: 'held' };
}

/** Records that a meeting's time came and it did not take place, and why. Repeating it with the same reason changes nothing. */
export function recordNotHeld(meeting: CoreGroupMeeting, facts: { now: { nowIso: string; today: CivilDate }; reason: string }): CoreGroupMeeting {
  const reason = facts.reason.trim();
  if (meeting.status === 'not-held' && meeting.cancellationReason === reason) return meeting;
  if (meeting.status === 'held') throw new RuleViolationError('This meeting is recorded as held: its minutes are the record of it.', { said: said('refusals.meeting.alreadyHeld') });
  if (meeting.status === 'cancelled' || meeting.status === 'not-held') throw new RuleViolationError('This meeting is already recorded as cancelled or not held.', { said: said('refusals.meeting.alreadyCancelledOrNotHeld') });
  if (!hasStarted(meeting, facts.now)) throw new RuleViolationError(`The meeting starts on ${startOf(meeting)}: a meeting still to come is cancelled, not recorded as not held.`, { said: said('refusals.meeting.stillToComeIsCancelled', startValues(meeting)) });
  if (reason === '') throw new RuleViolationError('Say why the meeting did not take place.', { said: said('refusals.meeting.sayWhyNotHeld') });
  return { ...meeting, status: 'not-held', cancellationReason: reason };
}

/** Cancels a meeting. Seed 000: cancel only as a last resort, so a reason is required. */
export function cancelMeeting(meeting: CoreGroupMeeting, reason: string): CoreGroupMeeting {
  if (meeting.status === 'held' || meeting.status === 'not-held') throw new RuleViolationError('a meeting whose time has come and gone cannot be cancelled', { said: said('refusals.meeting.pastCannotCancel') });
  if (reason.trim() === '') throw new RuleViolationError('say why the meeting is cancelled; meetings are cancelled only as a last resort', { said: said('refusals.meeting.sayWhyCancelled') });
  return { ...meeting, status: 'cancelled', cancellationReason: reason };
}

/**
 * The meeting roles a member holds: the named chair and minute-taker; the lead social worker
 * chairs when nobody was named. A family member or the child holds none, even if named (a meeting
 * stored before `checkMeetingRoleHolders`).
 */
export function meetingRolesOf(meeting: CoreGroupMeeting, member: CoreGroupMember): MeetingRole[] {
  const roles: MeetingRole[] = [];
  if (!mayHoldMeetingRoles(member.role)) return roles;
  const chairs = meeting.chairMemberId ? meeting.chairMemberId === member.id : member.role === 'lead-social-worker' && meeting.minuteTakerMemberId !== member.id;
  if (chairs) roles.push('chair');
  if (meeting.minuteTakerMemberId === member.id) roles.push('minute-taker');
  return roles;
}

/** Who chairs the meeting: the named chair, else the lead social worker (see `meetingRolesOf`). */
export function chairOf(meeting: CoreGroupMeeting, members: readonly CoreGroupMember[]): CoreGroupMember | undefined {
  return members.find((member) => member.active && meetingRolesOf(meeting, member).includes('chair'));
}

/**
 * Who is reminded to finish and sign off the minutes when the meeting ends: its chair and its
 * minute-taker, each when they can be reached in Teams.
 */
export function signOffReminders(meeting: CoreGroupMeeting, members: readonly CoreGroupMember[]): { member: MemberInTeams; meetingRole: MeetingRole }[] {
  const named: { memberId: string | undefined; meetingRole: MeetingRole }[] = [
    { memberId: chairOf(meeting, members)?.id, meetingRole: 'chair' },
    { memberId: meeting.minuteTakerMemberId, meetingRole: 'minute-taker' },
  ];
  return named.flatMap(({ memberId, meetingRole }) => {
    const member = members.find((candidate) => candidate.id === memberId);
    return member && isInTeams(member) ? [{ member, meetingRole }] : [];
  });
}

/** A member invited to the meeting: they have a mailbox to receive the invitation. */
export type Invitee = CoreGroupMember & { readonly email: string };

/** Who is invited to a core group meeting: every active member with a mailbox except the child. */
export function meetingInvitees(members: readonly CoreGroupMember[]): Invitee[] {
  return members.filter((member): member is Invitee => member.active && member.role !== 'child' && Boolean(member.email));
}

/** Whose calendar the meeting is on: a shared mailbox when the area uses one, else the lead social worker's. */
export function organiserOf(options: { invitees: readonly Invitee[]; sharedMailbox?: string | undefined }): string | undefined {
  return options.sharedMailbox ?? leadSocialWorkerOf(options.invitees)?.email;
}

/** How a booked meeting repeats: at the policy's frequency until the next review conference. */
export interface MeetingSeries {
  readonly every: number;
  readonly unit: 'weeks' | 'months';
  readonly until: CivilDate;
}

/**
 * The series a booking repeats as: at the policy's frequency, until the next review conference.
 * None when no review is due, or when the frequency is counted in days (a calendar cannot repeat it).
 */
export function meetingSeries(frequency: Period, until: CivilDate | undefined): MeetingSeries | undefined {
  if (!until || (frequency.unit !== 'weeks' && frequency.unit !== 'months')) return undefined;
  return { every: frequency.count, unit: frequency.unit, until };
}

/**
 * Whether changing one occurrence of a booked series (by its start; none for the whole series)
 * changes the meeting as recorded, which is dated by the series' first occurrence.
 */
export function changesRecordedOccurrence(meeting: Pick<CoreGroupMeeting, 'startsAt'>, occurrenceStartMs: number | undefined): boolean {
  if (occurrenceStartMs === undefined) return true;
  // The booking recorded its start as Date#toISOString writes it: milliseconds and Z.
  return Temporal.Instant.fromEpochMilliseconds(occurrenceStartMs).toString({ fractionalSecondDigits: 3 }) === meeting.startsAt;
}

/**
 * The occurrences of a booked series that fall on a weekend or a bank holiday of the group's
 * nation, each moved to the working day before at the same UK time (a core group is never put on
 * a day off, and never later than its rhythm asks).
 */
export function occurrencesOffWorkingDays(occurrences: readonly { id: string; startMs: number; endMs: number }[], calendar: WorkingDays): { id: string; startMs: number; endMs: number }[] {
  return occurrences.flatMap((occurrence) => {
    const start = Temporal.Instant.fromEpochMilliseconds(occurrence.startMs).toZonedDateTimeISO(UK_ZONE);
    if (calendar.isWorkingDay(start.toPlainDate())) return [];
    const moved = workingDayOnOrBefore(calendar, start.toPlainDate()).toZonedDateTime({ timeZone: UK_ZONE, plainTime: start.toPlainTime() }).epochMilliseconds;
    return [{ id: occurrence.id, startMs: moved, endMs: moved + (occurrence.endMs - occurrence.startMs) }];
  });
}

/** Just what the meeting rules below read of a meeting (the case timeline carries no more). */
type DatedMeeting = Pick<CoreGroupMeeting, 'id' | 'date' | 'status'>;

const byDate = (a: Pick<CoreGroupMeeting, 'date'>, b: Pick<CoreGroupMeeting, 'date'>) => compareDates(a.date, b.date);

/** Meetings in date order, meetings on the same day in id order (as the store lists them). */
export function meetingsInDateOrder<T extends DatedMeeting>(meetings: readonly T[]): T[] {
  return [...meetings].sort((a, b) => byDate(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The meetings that took place, oldest first: only a held meeting is a record of who came. */
export function heldMeetingsOldestFirst<T extends DatedMeeting>(meetings: readonly T[]): T[] {
  return meetings.filter((meeting) => meeting.status === 'held').sort(byDate);
}

/** The meetings held before a date, oldest first. */
export function heldBefore<T extends DatedMeeting>(meetings: readonly T[], date: CivilDate): T[] {
  return heldMeetingsOldestFirst(meetings).filter((meeting) => isBefore(meeting.date, date));
}

/** The next meeting booked for today or later. */
export function nextBookedMeeting<T extends DatedMeeting>(meetings: readonly T[], today: CivilDate): T | undefined {
  return meetings.filter((meeting) => meeting.status === 'scheduled' && !isBefore(meeting.date, today)).sort(byDate)[0];
}

/** The meeting a member most likely means when they name none: the next one not called off, else the latest. */
export function nextOrLatestMeeting<T extends DatedMeeting>(meetings: readonly T[], today: CivilDate): T | undefined {
  const standing = meetings.filter((meeting) => meeting.status === 'scheduled' || meeting.status === 'held');
  const next = standing.filter((meeting) => !isBefore(meeting.date, today)).sort(byDate)[0];
  return next ?? standing.sort(byDate).at(-1);
}
