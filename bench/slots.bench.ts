import { Temporal } from 'temporal-polyfill';
import type { CivilDate } from '../src/domain/civil-date';
import { type BusyBlock, type SlotAttendee, SlotFinder, type SlotRequest } from '../src/domain/slot-finding';
import type { WorkingDays } from '../src/domain/working-days';
import { loadWorkingDayCalendars } from '../src/holidays/working-day-calendars';
import { type BenchResult, timePerCall } from './harness';

const ATTENDEES = 12;
const WORKING_DAYS = 30;
const BLOCKS_PER_DAY = 8;
const MINUTE = 60_000;

/** Twelve busy professionals: about eight appointments a day each, some tentative, over 30 working days. */
function busyWeeks(calendar: WorkingDays, from: CivilDate): SlotAttendee[] {
  let state = 7;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const attendees: SlotAttendee[] = [];
  for (let index = 0; index < ATTENDEES; index++) {
    const busy: BusyBlock[] = [];
    let date = from;
    for (let day = 0; day < WORKING_DAYS + 12; day++) {
      date = calendar.addWorkingDays(date, 1);
      const nine = date.toZonedDateTime({ timeZone: 'Europe/London', plainTime: '09:00' }).epochMilliseconds;
      for (let block = 0; block < BLOCKS_PER_DAY; block++) {
        const startMs = nine + Math.floor(random() * 16) * 30 * MINUTE;
        busy.push({ startMs, endMs: startMs + (15 + Math.floor(random() * 2) * 15) * MINUTE, kind: random() < 0.15 ? 'tentative' : 'busy' });
      }
    }
    attendees.push({ id: `member-${index}`, availability: 'known', busy, workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/London' } });
  }
  return attendees;
}

/**
 * The naive scan answers the same question the slow way: walk every minute of every working day
 * in the horizon, ask every block of every attendee whether it covers that minute, then test each
 * half-hour start minute by minute and rank the free ones the same way (before the deadline, nobody
 * tentative, earliest). All attendees share 09:00–17:00 Europe/London in this workload.
 */
function naiveProposal(request: SlotRequest, count: number): number[] {
  const free: { startMs: number; tentative: number; beforeDeadline: boolean }[] = [];
  const lastDate = request.calendar.addWorkingDays(request.deadline, 10);
  const firstDate = Temporal.Instant.fromEpochMilliseconds(request.earliestStartMs).toZonedDateTimeISO('Europe/London').toPlainDate();
  for (let date = firstDate; Temporal.PlainDate.compare(date, lastDate) <= 0; date = date.add({ days: 1 })) {
    if (!request.calendar.isWorkingDay(date)) continue;
    const nine = date.toZonedDateTime({ timeZone: 'Europe/London', plainTime: '09:00' }).epochMilliseconds;
    const busyMinute: boolean[] = [];
    const tentativeMinute: Set<string>[] = [];
    for (let minute = 0; minute < 8 * 60; minute++) {
      const at = nine + minute * MINUTE;
      const tentative = new Set<string>();
      let busy = false;
      for (const attendee of request.attendees) {
        for (const block of attendee.busy) {
          if (block.startMs <= at && at < block.endMs) {
            if (block.kind === 'busy') busy = true;
            else tentative.add(attendee.id);
          }
        }
      }
      busyMinute.push(busy);
      tentativeMinute.push(tentative);
    }
    const beforeDeadline = Temporal.PlainDate.compare(date, request.deadline) <= 0;
    for (let start = 0; start + request.durationMinutes <= 8 * 60; start += 30) {
      if (nine + start * MINUTE < request.earliestStartMs) continue;
      const minutes = busyMinute.slice(start, start + request.durationMinutes);
      if (minutes.some(Boolean)) continue;
      const tentative = new Set(tentativeMinute.slice(start, start + request.durationMinutes).flatMap((set) => [...set]));
      free.push({ startMs: nine + start * MINUTE, tentative: tentative.size, beforeDeadline });
    }
  }
  const before = free.filter((slot) => slot.beforeDeadline).sort((a, b) => a.tentative - b.tentative || a.startMs - b.startMs);
  return [...before, ...free.filter((slot) => !slot.beforeDeadline)].slice(0, count).map((slot) => slot.startMs);
}

/** Slot proposals for a core group of 12 over 30 working days, against the naive minute-by-minute scan. */
export function slotsBenchmark(): BenchResult {
  const calendar = loadWorkingDayCalendars()['england-and-wales'];
  const from = Temporal.PlainDate.from('2026-09-01');
  const attendees = busyWeeks(calendar, from);
  const request: SlotRequest = {
    attendees,
    durationMinutes: 60,
    earliestStartMs: from.toZonedDateTime({ timeZone: 'Europe/London', plainTime: '17:00' }).epochMilliseconds,
    deadline: calendar.addWorkingDays(from, WORKING_DAYS),
    calendar,
    count: 5,
  };
  const finder = new SlotFinder();
  const proposal = finder.propose(request);
  const proposalUs = timePerCall(() => finder.propose(request), { minMs: 2000 });
  const coldUs = timePerCall(() => new SlotFinder().propose(request), { minMs: 2000 });
  const naiveUs = timePerCall(() => naiveProposal(request, 5), { minMs: 2000, warmUpCalls: 1 });
  const naive = naiveProposal(request, 5);
  const agree = JSON.stringify(naive) === JSON.stringify(proposal.slots.map((slot) => slot.startMs));
  return {
    title: `Slot proposals: ${ATTENDEES} attendees, ${WORKING_DAYS} working days, ${BLOCKS_PER_DAY} busy blocks per person per day`,
    figures: [
      { name: 'time per proposal (finder reused across requests)', value: proposalUs / 1000, unit: 'ms' },
      { name: 'time per proposal (new finder each time)', value: coldUs / 1000, unit: 'ms' },
      { name: 'baseline (naive minute-by-minute scan)', value: naiveUs / 1000, unit: 'ms' },
      { name: 'speed-up over baseline', value: naiveUs / proposalUs, unit: '×' },
      { name: 'slots before the deadline found', value: proposal.slots.filter((slot) => slot.beforeDeadline).length, unit: '' },
    ],
    targets: [
      { description: '< 1 ms per proposal', met: proposalUs < 1000 },
      { description: '≥ 50× faster than the naive scan', met: naiveUs / proposalUs >= 50 },
      { description: 'the naive scan proposes the same slots', met: agree },
    ],
  };
}
