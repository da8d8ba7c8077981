import { Temporal } from 'temporal-polyfill';
import type { CivilDate } from './civil-date';
import { InvalidInputError, said } from './errors';
import type { WorkingDays } from './working-days';

/** A stretch of someone's calendar that is taken. Out-of-office counts as busy. */
export interface BusyBlock {
  readonly startMs: number;
  readonly endMs: number;
  readonly kind: 'busy' | 'tentative';
}

/** When someone works: ISO weekdays (1 = Monday) and local clock times in their own time zone. */
export interface WorkingHours {
  readonly days: readonly number[];
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

/**
 * Someone to invite. Family members and partner agencies outside the tenant have no calendar we
 * can read: their availability is unknown, so they are flagged, never blocking.
 */
export interface SlotAttendee {
  readonly id: string;
  readonly availability: 'known' | 'unknown';
  readonly busy: readonly BusyBlock[];
  readonly workingHours: WorkingHours;
}

/** Working hours assumed for someone whose calendar cannot be read: weekdays 09:00–17:00 in London. */
export const ASSUMED_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/London' };

/**
 * An attendee for the slot finder from what their calendar said: known busy time and working
 * hours, or unknown (never blocking) when it said nothing or could not be read.
 */
export function slotAttendeeOf(memberId: string, calendar: Pick<SlotAttendee, 'availability' | 'busy' | 'workingHours'> | undefined): SlotAttendee {
  if (calendar?.availability === 'known') return { id: memberId, availability: 'known', busy: calendar.busy, workingHours: calendar.workingHours };
  return { id: memberId, availability: 'unknown', busy: [], workingHours: ASSUMED_WORKING_HOURS };
}

/**
 * Where to look for a slot: from two hours from now (notice to join) to the start of the 11th
 * working day after the deadline (room for the finder's slots after it), and at least a day.
 */
export function slotSearchWindow(options: { nowMs: number; deadline: CivilDate; calendar: WorkingDays }): { fromMs: number; toMs: number } {
  const fromMs = options.nowMs + 2 * 3_600_000;
  const lastDay = options.calendar.addWorkingDays(options.deadline, 11).toZonedDateTime({ timeZone: 'Europe/London' }).epochMilliseconds;
  return { fromMs, toMs: Math.max(lastDay, fromMs + 86_400_000) };
}

export interface ProposedSlot {
  readonly startMs: number;
  readonly endMs: number;
  readonly date: CivilDate;
  readonly beforeDeadline: boolean;
  /** Attendees holding a tentative appointment across this slot. */
  readonly tentative: readonly string[];
  /** Why this slot: everyone free, some tentative, or the earliest after a deadline nothing fits before. */
  readonly reason: 'all-free' | 'some-tentative' | 'after-deadline';
}

export interface SlotProposal {
  readonly slots: readonly ProposedSlot[];
  readonly deadline: CivilDate;
  /** False when no slot fits on or before the deadline: the caller must say so. */
  readonly deadlineCanBeMet: boolean;
  /** When the deadline cannot be met: who blocks how many of the slots before it, most first. */
  readonly blockers: readonly { readonly attendeeId: string; readonly blockedSlots: number }[];
  readonly unknownAvailability: readonly string[];
}

export interface SlotRequest {
  readonly attendees: readonly SlotAttendee[];
  readonly durationMinutes: number;
  /** Nothing starts before this instant (now, or a notice period from now). */
  readonly earliestStartMs: number;
  /** The last civil date the meeting may be held on (the policy deadline). */
  readonly deadline: CivilDate;
  readonly calendar: WorkingDays;
  readonly count?: number;
  /** Slots start on the hour and at multiples of this many minutes past it. */
  readonly stepMinutes?: number;
  /** How far past the deadline to look when nothing fits before it. */
  readonly workingDaysAfterDeadline?: number;
  /** The time zone dates are judged in (deadlines are civil dates in Europe/London). */
  readonly timeZone?: string;
}

const MINUTE = 60_000;

interface Candidate {
  readonly startMs: number;
  readonly date: CivilDate;
  readonly beforeDeadline: boolean;
}

/**
 * Proposes the best slots for a core group: on working days, inside every known attendee's
 * working hours, clear of everyone's busy time, before the policy deadline. Slots before the
 * deadline come first, those where nobody is tentative before those where someone is, then the
 * earliest. When nothing fits before the deadline it says so, names who blocks most, and offers
 * the earliest slots after it — a deadline is never silently missed. Clock changes are handled
 * by resolving each day's working hours in the attendee's own time zone.
 */
export class SlotFinder {
  /** Working-hour boundaries per (zone, date, time): the same few are asked for on every proposal. */
  private readonly instants = new Map<string, number>();
  private readonly times = new Map<string, Temporal.PlainTime>();

  propose(request: SlotRequest): SlotProposal {
    const count = request.count ?? 5;
    const step = request.stepMinutes ?? 30;
    if (!Number.isInteger(request.durationMinutes) || request.durationMinutes <= 0 || request.durationMinutes > 8 * 60) {
      throw new InvalidInputError(`a meeting lasts between 1 minute and 8 hours, got ${request.durationMinutes} minutes`, { said: said('refusals.slots.duration', { minutes: request.durationMinutes }) });
    }
    const known = request.attendees.filter((attendee) => attendee.availability === 'known');
    const unknownAvailability = request.attendees.filter((attendee) => attendee.availability === 'unknown').map((a) => a.id);
    const candidates = this.candidates(request, known, step);
    const index = new CandidateIndex(candidates);
    const durationMs = request.durationMinutes * MINUTE;

    const blockedByAttendee = known.map(() => new Int32Array(candidates.length + 1));
    const tentativeBy = new Map<number, string[]>();
    known.forEach((attendee, attendeeIndex) => {
      const blocked = blockedByAttendee[attendeeIndex]!;
      for (const block of attendee.busy) {
        const first = index.firstFrom(block.startMs - durationMs, true);
        const last = index.firstFrom(block.endMs, false);
        if (first >= last) continue;
        if (block.kind === 'busy') {
          blocked[first]!++;
          blocked[last]!--;
          continue;
        }
        for (let position = first; position < last; position++) {
          const ids = tentativeBy.get(position) ?? [];
          if (!ids.includes(attendee.id)) ids.push(attendee.id);
          tentativeBy.set(position, ids);
        }
      }
    });

    const blockedSlots = new Int32Array(known.length);
    const depth = new Int32Array(known.length);
    const free: ProposedSlot[] = [];
    for (let position = 0; position < candidates.length; position++) {
      const candidate = candidates[position]!;
      let blocked = false;
      for (let attendeeIndex = 0; attendeeIndex < known.length; attendeeIndex++) {
        depth[attendeeIndex]! += blockedByAttendee[attendeeIndex]![position]!;
        if (depth[attendeeIndex]! > 0) {
          blocked = true;
          if (candidate.beforeDeadline) blockedSlots[attendeeIndex]!++;
        }
      }
      if (blocked) continue;
      const tentative = tentativeBy.get(position) ?? [];
      const reason = !candidate.beforeDeadline ? 'after-deadline' : tentative.length > 0 ? 'some-tentative' : 'all-free';
      free.push({ startMs: candidate.startMs, endMs: candidate.startMs + durationMs, date: candidate.date, beforeDeadline: candidate.beforeDeadline, tentative, reason });
    }
    const beforeDeadline = free.filter((slot) => slot.beforeDeadline).sort((a, b) => a.tentative.length - b.tentative.length || a.startMs - b.startMs);
    const deadlineCanBeMet = beforeDeadline.length > 0;
    return {
      slots: [...beforeDeadline, ...free.filter((slot) => !slot.beforeDeadline)].slice(0, count),
      deadline: request.deadline,
      deadlineCanBeMet,
      blockers: deadlineCanBeMet
        ? []
        : known
            .map((attendee, attendeeIndex) => ({ attendeeId: attendee.id, blockedSlots: blockedSlots[attendeeIndex]! }))
            .filter((blocker) => blocker.blockedSlots > 0)
            .sort((a, b) => b.blockedSlots - a.blockedSlots),
      unknownAvailability,
    };
  }

  /** Every possible start, in time order: working days, common working hours, on the step grid. */
  private candidates(request: SlotRequest, known: readonly SlotAttendee[], step: number): Candidate[] {
    const zone = request.timeZone ?? 'Europe/London';
    const distinctHours = [...new Map(known.map((a) => [JSON.stringify(a.workingHours), a.workingHours])).values()];
    const firstDate = Temporal.Instant.fromEpochMilliseconds(request.earliestStartMs).toZonedDateTimeISO(zone).toPlainDate();
    const lastDate = request.calendar.addWorkingDays(request.deadline, request.workingDaysAfterDeadline ?? 10);
    const stepMs = step * MINUTE;
    const durationMs = request.durationMinutes * MINUTE;
    const candidates: Candidate[] = [];
    for (let date = firstDate; request.calendar.daysBetween(date, lastDate) >= 0; date = request.calendar.addDays(date, 1)) {
      if (!request.calendar.isWorkingDay(date)) continue;
      const window = this.commonWindow(distinctHours, date, zone);
      if (!window) continue;
      const beforeDeadline = request.calendar.daysBetween(date, request.deadline) >= 0;
      const firstStart = window.startMs + Math.max(0, Math.ceil((request.earliestStartMs - window.startMs) / stepMs)) * stepMs;
      for (let startMs = firstStart; startMs + durationMs <= window.endMs; startMs += stepMs) candidates.push({ startMs, date, beforeDeadline });
    }
    return candidates;
  }

  /** The stretch of a date inside every known attendee's working hours, as instants. */
  private commonWindow(allHours: readonly WorkingHours[], date: CivilDate, zone: string): { startMs: number; endMs: number } | undefined {
    let startMs = -Infinity;
    let endMs = Infinity;
    const dayOfWeek = date.dayOfWeek;
    const dateText = date.toString();
    for (const hours of allHours) {
      if (!hours.days.includes(dayOfWeek)) return undefined;
      startMs = Math.max(startMs, this.instant(date, dateText, hours.start, hours.timeZone));
      endMs = Math.min(endMs, this.instant(date, dateText, hours.end, hours.timeZone));
    }
    if (allHours.length === 0) {
      startMs = this.instant(date, dateText, '09:00', zone);
      endMs = this.instant(date, dateText, '17:00', zone);
    }
    return endMs > startMs ? { startMs, endMs } : undefined;
  }

  private instant(date: CivilDate, dateText: string, time: string, timeZone: string): number {
    const key = `${timeZone}|${dateText}|${time}`;
    let value = this.instants.get(key);
    if (value === undefined) {
      if (this.instants.size > 50_000) this.instants.clear();
      let plainTime = this.times.get(time);
      if (!plainTime) {
        plainTime = Temporal.PlainTime.from(time);
        this.times.set(time, plainTime);
      }
      value = date.toZonedDateTime({ timeZone, plainTime }).epochMilliseconds;
      this.instants.set(key, value);
    }
    return value;
  }
}

const HOUR = 60 * MINUTE;

/**
 * Candidate starts in time order, with an hour-by-hour index so "which candidates does this busy
 * block overlap" is two array lookups and a step or two — no sorting of anyone's calendar.
 */
class CandidateIndex {
  private readonly starts: Float64Array;
  private readonly baseMs: number;
  private readonly firstInHour: Int32Array;

  constructor(readonly candidates: readonly Candidate[]) {
    this.starts = Float64Array.from(candidates, (candidate) => candidate.startMs);
    this.baseMs = this.starts.length > 0 ? this.starts[0]! : 0;
    const hours = this.starts.length > 0 ? Math.floor((this.starts[this.starts.length - 1]! - this.baseMs) / HOUR) + 1 : 0;
    this.firstInHour = new Int32Array(hours);
    let index = 0;
    for (let hour = 0; hour < hours; hour++) {
      while (index < this.starts.length && this.starts[index]! < this.baseMs + hour * HOUR) index++;
      this.firstInHour[hour] = index;
    }
  }

  /**
   * The candidates a block overlaps are the half-open range from `firstFrom(start − duration, true)`
   * (starting after) to `firstFrom(end, false)` (starting before the block ends).
   */
  firstFrom(ms: number, strictlyAfter: boolean): number {
    if (ms < this.baseMs) return 0;
    const hour = Math.floor((ms - this.baseMs) / HOUR);
    if (hour >= this.firstInHour.length) return this.starts.length;
    let index = this.firstInHour[hour]!;
    while (index < this.starts.length && (strictlyAfter ? this.starts[index]! <= ms : this.starts[index]! < ms)) index++;
    return index;
  }
}
