import { Temporal } from 'temporal-polyfill';
import { parseCivilDate } from '../../src/domain/civil-date';
import { ASSUMED_WORKING_HOURS, type BusyBlock, type SlotAttendee, SlotFinder, type WorkingHours, slotAttendeeOf, slotSearchWindow } from '../../src/domain/slot-finding';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';

const calendar = loadWorkingDayCalendars()['england-and-wales'];
const finder = new SlotFinder();
const OFFICE: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/London' };
const at = (local: string) => Temporal.PlainDateTime.from(local).toZonedDateTime('Europe/London').epochMilliseconds;
const local = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO('Europe/London').toPlainDateTime().toString().slice(0, 16);
const block = (from: string, to: string, kind: BusyBlock['kind'] = 'busy'): BusyBlock => ({ startMs: at(from), endMs: at(to), kind });
const person = (id: string, busy: BusyBlock[] = [], workingHours = OFFICE): SlotAttendee => ({ id, availability: 'known', busy, workingHours });
const allDay = (date: string) => block(`${date}T00:00`, `${date}T23:59`);

function propose(attendees: SlotAttendee[], options: { from: string; deadline: string; count?: number; minutes?: number }) {
  return finder.propose({
    attendees,
    durationMinutes: options.minutes ?? 60,
    earliestStartMs: at(options.from),
    deadline: parseCivilDate(options.deadline),
    calendar,
    count: options.count ?? 3,
  });
}

test('the earliest common free hour inside working hours, before the deadline', () => {
  const result = propose([person('lsw', [block('2026-06-01T09:00', '2026-06-01T11:00')]), person('hv', [block('2026-06-01T11:00', '2026-06-01T12:30')])], {
    from: '2026-06-01T08:00',
    deadline: '2026-06-05',
  });
  expect(result.deadlineCanBeMet).toBe(true);
  expect(result.slots.map((slot) => local(slot.startMs))).toEqual(['2026-06-01T12:30', '2026-06-01T13:00', '2026-06-01T13:30']);
  expect(result.slots.every((slot) => slot.reason === 'all-free')).toBe(true);
});

test('nothing starts before the earliest start, and starts are on the half hour', () => {
  const result = propose([person('lsw')], { from: '2026-06-01T10:10', deadline: '2026-06-05', count: 1 });
  expect(local(result.slots[0]!.startMs)).toBe('2026-06-01T10:30');
});

test('weekends and bank holidays are skipped (Spring bank holiday, Monday 25 May 2026)', () => {
  const result = propose([person('lsw')], { from: '2026-05-22T17:00', deadline: '2026-05-29', count: 1 });
  expect(local(result.slots[0]!.startMs)).toBe('2026-05-26T09:00');
});

test('slots where nobody is tentative come before earlier ones where someone is', () => {
  const result = propose([person('lsw', [block('2026-06-01T09:00', '2026-06-01T17:00', 'tentative')]), person('teacher')], {
    from: '2026-06-01T08:00',
    deadline: '2026-06-05',
    count: 2,
  });
  expect(result.slots.map((slot) => [local(slot.startMs), slot.reason])).toEqual([
    ['2026-06-02T09:00', 'all-free'],
    ['2026-06-02T09:30', 'all-free'],
  ]);
  const onlyTentative = propose([person('lsw', [block('2026-06-01T09:00', '2026-06-05T17:00', 'tentative')])], { from: '2026-06-01T08:00', deadline: '2026-06-05', count: 1 });
  expect(onlyTentative.slots[0]).toMatchObject({ reason: 'some-tentative', tentative: ['lsw'] });
});

test('people outside the tenant are flagged, not blocking', () => {
  const mum: SlotAttendee = { id: 'mum', availability: 'unknown', busy: [allDay('2026-06-01')], workingHours: { ...OFFICE, days: [] } };
  const result = propose([person('lsw'), mum], { from: '2026-06-01T08:00', deadline: '2026-06-05', count: 1 });
  expect(result.unknownAvailability).toEqual(['mum']);
  expect(local(result.slots[0]!.startMs)).toBe('2026-06-01T09:00');
});

test('working hours are intersected, in each person’s own time zone', () => {
  const partTime = person('gp', [], { days: [1, 2, 3], start: '13:00', end: '18:00', timeZone: 'Europe/London' });
  const paris = person('liaison', [], { ...OFFICE, start: '08:00', end: '15:00', timeZone: 'Europe/Paris' });
  const result = propose([person('lsw'), partTime, paris], { from: '2026-06-04T08:00', deadline: '2026-06-12', count: 2 });
  expect(result.slots.map((slot) => local(slot.startMs))).toEqual(['2026-06-08T13:00', '2026-06-09T13:00']);
});

describe('when nothing fits before the deadline', () => {
  const deadline = '2026-06-05';
  const away = ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05'].map(allDay);
  const result = propose([person('lsw', [allDay('2026-06-01')]), person('teacher', away), person('hv', [allDay('2026-06-02')])], { from: '2026-06-01T08:00', deadline, count: 2 });

  test('it says so and offers the earliest slots after the deadline', () => {
    expect(result.deadlineCanBeMet).toBe(false);
    expect(result.slots.map((slot) => [local(slot.startMs), slot.reason, slot.beforeDeadline])).toEqual([
      ['2026-06-08T09:00', 'after-deadline', false],
      ['2026-06-08T09:30', 'after-deadline', false],
    ]);
  });

  test('it names who blocks the most slots', () => {
    expect(result.blockers).toEqual([
      { attendeeId: 'teacher', blockedSlots: 75 },
      { attendeeId: 'lsw', blockedSlots: 15 },
      { attendeeId: 'hv', blockedSlots: 15 },
    ]);
  });
});

describe('across the clock changes', () => {
  test('the Monday after the spring change (29 March 2026) starts at 09:00 BST, 08:00 UTC', () => {
    const result = propose([person('lsw')], { from: '2026-03-27T17:30', deadline: '2026-04-02', count: 1 });
    expect(new Date(result.slots[0]!.startMs).toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  test('the Monday after the autumn change (25 October 2026) starts at 09:00 GMT, 09:00 UTC', () => {
    const result = propose([person('lsw')], { from: '2026-10-23T17:30', deadline: '2026-10-30', count: 1 });
    expect(new Date(result.slots[0]!.startMs).toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  test('a busy block given in UTC across the change blocks the right local hours', () => {
    const busy = { startMs: Date.UTC(2026, 2, 30, 8, 0), endMs: Date.UTC(2026, 2, 30, 10, 0), kind: 'busy' as const };
    const result = propose([person('lsw', [busy])], { from: '2026-03-30T08:00', deadline: '2026-04-02', count: 1 });
    expect(local(result.slots[0]!.startMs)).toBe('2026-03-30T11:00');
  });
});

test('a meeting length outside 1 minute to 8 hours is refused', () => {
  expect(() => propose([person('lsw')], { from: '2026-06-01T08:00', deadline: '2026-06-05', minutes: 0 })).toThrow('between 1 minute and 8 hours');
});

describe('what the finder is given', () => {
  test.each([
    ['a calendar that could be read', { availability: 'known' as const, busy: [block('2026-06-01T09:00', '2026-06-01T10:00')], workingHours: { ...OFFICE, start: '08:00' } }, 'known', 1, '08:00'],
    ['a calendar outside the tenant', { availability: 'unknown' as const, busy: [block('2026-06-01T09:00', '2026-06-01T10:00')], workingHours: { ...OFFICE, start: '08:00' } }, 'unknown', 0, '09:00'],
    ['no calendar at all', undefined, 'unknown', 0, '09:00'],
  ])('%s', (_case, calendarSaid, availability, busy, start) => {
    const attendee = slotAttendeeOf('m1', calendarSaid);
    expect({ id: attendee.id, availability: attendee.availability, busy: attendee.busy.length, start: attendee.workingHours.start }).toEqual({ id: 'm1', availability, busy, start });
    if (availability === 'unknown') expect(attendee.workingHours).toEqual(ASSUMED_WORKING_HOURS);
  });

  test.each([
    ['a deadline two weeks out: up to the 11th working day after it', '2026-06-01T08:00', '2026-06-15', '2026-06-01T10:00', '2026-06-30T00:00'],
    ['across the August bank holiday', '2026-08-20T08:00', '2026-08-24', '2026-08-20T10:00', '2026-09-09T00:00'],
    ['a deadline long past: at least a day', '2026-06-01T08:00', '2026-01-05', '2026-06-01T10:00', '2026-06-02T10:00'],
  ])('the search window for %s', (_case, now, deadline, from, to) => {
    const window = slotSearchWindow({ nowMs: at(now), deadline: parseCivilDate(deadline), calendar });
    expect([local(window.fromMs), local(window.toMs)]).toEqual([from, to]);
  });
});
