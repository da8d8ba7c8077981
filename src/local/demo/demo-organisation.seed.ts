import type * as Graph from '@microsoft/microsoft-graph-types';
import { Temporal } from 'temporal-polyfill';
import { DEMO_CASELOAD_PEOPLE } from './demo-caseload.seed';
import { DEMO_PEOPLE, demoObjectId } from './demo-core-group.seed';
import { SimulatorState } from '../graph-simulator/graph-simulator.state';

const OFFICE_HOURS: Graph.WorkingHours = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startTime: '09:00:00.0000000',
  endTime: '17:00:00.0000000',
  timeZone: { name: 'GMT Standard Time' },
};

/**
 * Typical days of a busy practitioner, by local start time and length in minutes. Most leave the
 * early afternoon free; a training day blocks everything, so some days have no common slot.
 */
const DAY_SHAPES: readonly [string, number, string][][] = [
  [['09:30', 60, 'Home visit'], ['11:00', 90, 'Home visit'], ['15:00', 60, 'Supervision']],
  [['09:30', 120, 'Court preparation'], ['12:00', 60, 'Strategy discussion'], ['16:00', 30, 'Call with school']],
  [['10:00', 60, 'Home visit'], ['12:00', 60, 'Lunch and learn'], ['15:00', 90, 'Child protection conference']],
  [['09:00', 30, 'Duty'], ['11:30', 60, 'Clinic'], ['16:00', 60, 'Case notes']],
];
const TRAINING_DAY: readonly [string, number, string][] = [['09:00', 480, 'Training (all day)']];

/**
 * The invented organisation behind local mode: the demo core group's tenant members, each with
 * office hours in "GMT Standard Time" and eight weeks of realistic appointments from `from`
 * (one weekly team meeting is a recurring series). Guests and the family have no mailbox here,
 * as in a real tenant.
 */
export function demoOrganisation(from: Temporal.PlainDate): SimulatorState {
  const state = new SimulatorState();
  DEMO_PEOPLE.filter((person) => person.reach === 'tenant').forEach((person, index) => {
    state.addUser({ id: demoObjectId(person.key), displayName: person.name, mail: person.email, mailboxSettings: { timeZone: 'GMT Standard Time', workingHours: OFFICE_HOURS } });
    const user = state.findUser(person.email)!;
    if (person.key === 'lead' || person.key === 'manager') state.assignAppRole(user.id, 'CoreGroup.Create');
    for (let day = 0; day < 56; day++) {
      const date = from.add({ days: day });
      if (date.dayOfWeek > 5) continue;
      const shape = (day + index) % 9 === 0 ? TRAINING_DAY : DAY_SHAPES[(day * 3 + index) % DAY_SHAPES.length]!;
      for (const [time, minutes, subject] of shape) {
        const start = date.toPlainDateTime(Temporal.PlainTime.from(time));
        state.addEvent(user, {
          subject,
          showAs: (day + index) % 7 === 3 ? 'tentative' : 'busy',
          start: { dateTime: start.toString(), timeZone: 'Europe/London' },
          end: { dateTime: start.add({ minutes }).toString(), timeZone: 'Europe/London' },
        });
      }
    }
    const monday = from.add({ days: (8 - from.dayOfWeek) % 7 });
    state.addEvent(user, {
      subject: 'Team meeting',
      showAs: 'busy',
      start: { dateTime: monday.toPlainDateTime(Temporal.PlainTime.from('09:00')).toString(), timeZone: 'Europe/London' },
      end: { dateTime: monday.toPlainDateTime(Temporal.PlainTime.from('10:00')).toString(), timeZone: 'Europe/London' },
      recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, range: { type: 'noEnd', startDate: monday.toString() } },
    });
  });
  // The partners invited as guests: in the directory (their mailboxes are their own organisations'); the police force's policy does not allow apps installed for its officers.
  for (const person of DEMO_CASELOAD_PEOPLE.filter((candidate) => candidate.reach === 'guest')) state.addUser({ id: demoObjectId(person.key), displayName: person.name, mail: person.email, userType: 'Guest', mailboxSettings: {} });
  state.appBlockedFor.add(demoObjectId('police'));
  return state;
}
