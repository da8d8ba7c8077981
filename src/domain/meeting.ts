import type { CivilDate } from './civil-date';
import { RuleViolationError } from './errors';

/** A core group meeting's life: booked, held, or cancelled (cancelled never satisfies a deadline). */
export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';

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
  readonly cancellationReason?: string | undefined;
  /** Where the meeting lives on the organiser's calendar, once booked. */
  readonly booking?: MeetingBooking | undefined;
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
    throw new RuleViolationError('the chair cannot also take the minutes; choose a different minute-taker');
  }
  return { ...meeting, ...roles };
}

/** Records that a meeting went ahead (seeds 000/004: it goes ahead even if the lead social worker is absent). */
export function markHeld(meeting: CoreGroupMeeting): CoreGroupMeeting {
  if (meeting.status === 'cancelled') throw new RuleViolationError('a cancelled meeting cannot be marked as held');
  return { ...meeting, status: 'held' };
}

/** Cancels a meeting. Seed 000: cancel only as a last resort, so a reason is required. */
export function cancelMeeting(meeting: CoreGroupMeeting, reason: string): CoreGroupMeeting {
  if (meeting.status === 'held') throw new RuleViolationError('a meeting that has been held cannot be cancelled');
  if (reason.trim() === '') throw new RuleViolationError('say why the meeting is cancelled; meetings are cancelled only as a last resort');
  return { ...meeting, status: 'cancelled', cancellationReason: reason };
}
