import { type CivilDate, calendarDaysBetween, isAfter, londonDateOf } from './civil-date';
import type { CoreGroupMember } from './core-group';
import { type ConcernKind, type Recipient, recipientsAtStep } from './escalation';
import type { Attendance } from './minutes';
import type { Obligation } from './obligations';
import { type CheckIn, type PlanAction, isOpen } from './plan';

export type SignalKind = 'action-overdue' | 'action-silent' | 'member-absent' | 'deadline-missed';

/**
 * A drift or attendance signal: something going wrong that someone should hear about, typed,
 * with the concern it amounts to and who the seeds say should be told.
 */
export interface Signal {
  readonly kind: SignalKind;
  /** The action, member or obligation it is about (ids only: no names, no case content). */
  readonly subjectId: string;
  readonly concern: ConcernKind;
  readonly notify: readonly Recipient[];
  /** Days overdue, days silent, or meetings missed in a row. */
  readonly measure: number;
  /** The member whose agency line hears about it at the second step, where there is one. */
  readonly memberId?: string | undefined;
}

export interface SignalThresholds {
  /** An open action with no check-in for this many days is silent. */
  readonly silentAfterDays: number;
  /** A member absent (not present, no representative, no written report) from this many meetings in a row. */
  readonly absentMeetingsInARow: number;
}

export const DEFAULT_THRESHOLDS: SignalThresholds = { silentAfterDays: 14, absentMeetingsInARow: 2 };

const ACCOUNTED_FOR: readonly Attendance[] = ['present', 'representative-sent', 'written-report'];

/**
 * Finds drift and attendance signals (seed 003: members not carrying out their tasks, continual
 * absence, delay and drift). Absence counts only meetings that were held, newest first; apologies
 * without a representative or written report still count as absent (seed 000).
 */
export function detectSignals(options: {
  asOf: CivilDate;
  actions: readonly PlanAction[];
  checkIns: readonly CheckIn[];
  /** Attendance at held meetings, oldest first. */
  heldMeetings: readonly { readonly meetingId: string; readonly attendance: ReadonlyMap<string, Attendance> }[];
  obligations: readonly Obligation[];
  thresholds?: SignalThresholds;
}): Signal[] {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const signals: Signal[] = [];
  const lastCheckIn = new Map<string, CivilDate>();
  for (const checkIn of options.checkIns) {
    const on = londonDateOf(checkIn.recordedAt);
    const previous = lastCheckIn.get(checkIn.actionId);
    if (!previous || isAfter(on, previous)) lastCheckIn.set(checkIn.actionId, on);
  }

  for (const action of options.actions.filter(isOpen)) {
    if (isAfter(options.asOf, action.due)) {
      signals.push({
        kind: 'action-overdue',
        subjectId: action.id,
        concern: 'tasks-not-done',
        notify: recipientsAtStep('tasks-not-done', 0),
        measure: calendarDaysBetween(action.due, options.asOf),
        memberId: action.ownerMemberId,
      });
    }
    const silentDays = calendarDaysBetween(lastCheckIn.get(action.id) ?? action.agreedOn, options.asOf);
    if (silentDays >= thresholds.silentAfterDays) {
      signals.push({
        kind: 'action-silent',
        subjectId: action.id,
        concern: 'drift-and-delay',
        notify: recipientsAtStep('drift-and-delay', 0),
        measure: silentDays,
        memberId: action.ownerMemberId,
      });
    }
  }

  const memberIds = new Set(options.heldMeetings.flatMap((meeting) => [...meeting.attendance.keys()]));
  for (const memberId of memberIds) {
    let run = 0;
    for (let index = options.heldMeetings.length - 1; index >= 0; index--) {
      const attendance = options.heldMeetings[index]!.attendance.get(memberId);
      if (attendance === undefined || ACCOUNTED_FOR.includes(attendance)) break;
      run++;
    }
    if (run >= thresholds.absentMeetingsInARow) {
      signals.push({ kind: 'member-absent', subjectId: memberId, concern: 'continual-absence', notify: recipientsAtStep('continual-absence', 0), measure: run, memberId });
    }
  }

  for (const obligation of options.obligations) {
    if (obligation.status !== 'overdue') continue;
    signals.push({ kind: 'deadline-missed', subjectId: obligation.id, concern: 'drift-and-delay', notify: recipientsAtStep('drift-and-delay', 0), measure: obligation.daysLate });
  }
  return signals;
}

/** Who hears about a signal: the active members whose role its escalation route names, in Teams or not (a notice goes by e-mail where Teams cannot reach). */
export function signalRecipients(members: readonly CoreGroupMember[], signal: Signal): CoreGroupMember[] {
  return members.filter((member) => member.active && signal.notify.includes(member.role));
}
