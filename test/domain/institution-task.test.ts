import { parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { RuleViolationError } from '../../src/domain/errors';
import { type InstitutionTask, checkPersonInInstitution, coordinatorsOf, institutionTaskKey, recordLetterSent } from '../../src/domain/institution-task';

const d = (text: string) => parseCivilDate(text);
const task: InstitutionTask = { id: 't1', coreGroupId: 'g1', person: 'father', kind: 'prison', institution: 'HMP Leeds', recordedByMemberId: 'm-lead', recordedAt: '2026-06-08T10:00:00.000Z' };

describe('a relative in an institution (seed 001)', () => {
  test('the same person in the same institution, however typed, is the same task; another institution is another', () => {
    expect(institutionTaskKey('g1', { person: ' Father ', kind: 'prison', institution: 'HMP  Leeds' })).toBe(institutionTaskKey('g1', { person: 'father', kind: 'prison', institution: 'hmp leeds' }));
    expect(institutionTaskKey('g1', { person: 'father', kind: 'prison', institution: 'HMP Wakefield' })).not.toBe(institutionTaskKey('g1', { person: 'father', kind: 'prison', institution: 'HMP Leeds' }));
  });

  test.each([
    ['nobody named', { person: '  ', kind: 'prison', institution: 'HMP Leeds' }, /Say who/],
    ['no institution named', { person: 'mother', kind: 'hospital', institution: '' }, /Name the institution/],
  ] as const)('is refused with %s', (_case, entry, message) => {
    expect(() => checkPersonInInstitution(entry)).toThrow(RuleViolationError);
    expect(() => checkPersonInInstitution(entry)).toThrow(message);
  });

  test('is done by the group’s co-ordinators still in it; with none, nobody can do it', () => {
    const member = (id: string, role: CoreGroupMember['role'], active = true): CoreGroupMember => ({ id, displayName: id, role, agency: 'x', reach: 'tenant', active });
    expect(coordinatorsOf([member('a', 'lead-social-worker'), member('b', 'coordinator'), member('c', 'coordinator', false)]).map((m) => m.id)).toEqual(['b']);
    expect(coordinatorsOf([member('a', 'lead-social-worker')])).toEqual([]);
  });
});

describe('marking the letter sent', () => {
  const today = d('2026-06-10');

  test('records the day and who; the same day again changes nothing', () => {
    const done = recordLetterSent(task, { on: d('2026-06-09'), today, memberId: 'm-coordinator' });
    expect(done).toMatchObject({ letterSentOn: d('2026-06-09'), doneByMemberId: 'm-coordinator' });
    expect(recordLetterSent(done, { on: d('2026-06-09'), today, memberId: 'm-coordinator' })).toBe(done);
  });

  test('another day once it is recorded, or a day still to come, is refused', () => {
    const done = recordLetterSent(task, { on: d('2026-06-09'), today, memberId: 'm-coordinator' });
    expect(() => recordLetterSent(done, { on: d('2026-06-10'), today, memberId: 'm-coordinator' })).toThrow('The letter was recorded as sent on Tue 9 Jun 2026.');
    expect(() => recordLetterSent(task, { on: d('2026-06-11'), today, memberId: 'm-coordinator' })).toThrow(/Thu 11 Jun 2026 is still to come/);
  });
});
