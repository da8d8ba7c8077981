import { parseCivilDate } from '../../src/domain/civil-date';
import { checkInMoments } from '../../src/domain/check-in-moments';
import type { MeetingStatus } from '../../src/domain/meeting';
import type { PlanAction } from '../../src/domain/plan';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';

const calendar = loadWorkingDayCalendars()['england-and-wales'];
const d = (text: string) => parseCivilDate(text);
const action = (id: string, owner: string, due: string): PlanAction => ({ id, what: 'x', ownerMemberId: owner, agency: 'a', due: d(due), agreedOn: d('2026-06-01'), progressMeasure: 'y', state: 'in-progress' });
const meeting = (id: string, date: string, status: MeetingStatus = 'scheduled') => ({ id, date: d(date), status });
const moments = (options: { actions?: PlanAction[]; meetings?: ReturnType<typeof meeting>[]; today: string }) =>
  checkInMoments({ openActions: options.actions ?? [], meetings: options.meetings ?? [], today: d(options.today), calendar, workingDaysBeforeDue: 3 }).map((moment) => [moment.key, moment.date.toString(), moment.memberId]);

describe('when owners are asked about their actions', () => {
  test.each([
    ['three working days before it is due', 'Friday 26 June', '2026-06-26', '2026-06-10', '2026-06-23'],
    ['across a weekend', 'Tuesday 30 June', '2026-06-30', '2026-06-10', '2026-06-25'],
    ['across the August bank holiday', 'Wednesday 2 September', '2026-09-02', '2026-06-10', '2026-08-27'],
    ['today, when that moment has passed', 'Friday 12 June', '2026-06-12', '2026-06-11', '2026-06-11'],
  ])('%s (due %s)', (_case, _due, due, today, expected) => {
    expect(moments({ actions: [action('a1', 'hv', due)], today })).toEqual([[`action:a1:${due}`, expected, 'hv']]);
  });

  test('every owner of an open action is asked the working day before each meeting booked after today', () => {
    const result = moments({
      actions: [action('a1', 'hv', '2026-07-31'), action('a2', 'teacher', '2026-07-31'), action('a3', 'hv', '2026-07-31')],
      meetings: [meeting('m1', '2026-06-15'), meeting('past', '2026-06-05'), meeting('today', '2026-06-10'), meeting('off', '2026-06-22', 'cancelled'), meeting('held', '2026-06-11', 'held')],
      today: '2026-06-10',
    });
    expect(result.filter(([key]) => key!.startsWith('meeting:'))).toEqual([
      ['meeting:m1', '2026-06-12', 'hv'],
      ['meeting:m1', '2026-06-12', 'teacher'],
    ]);
  });

  test('nobody is asked before a meeting when no action is open', () => {
    expect(moments({ meetings: [meeting('m1', '2026-06-15')], today: '2026-06-10' })).toEqual([]);
  });
});
