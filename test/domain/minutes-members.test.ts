import { parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember, MemberRole } from '../../src/domain/core-group';
import { InvalidInputError, RuleViolationError } from '../../src/domain/errors';
import { emptyMinutesContent } from '../../src/domain/minutes';
import { checkNewActionOutcomes, checkNewActionOwners, checkSectionIds, sectionNamesIds } from '../../src/domain/minutes-members';

const member = (id: string, role: MemberRole, active = true): CoreGroupMember => ({ id, displayName: id, role, agency: 'agency', reach: 'tenant', active });
const members = [member('lsw', 'lead-social-worker'), member('hv', 'professional'), member('left', 'professional', false)];
const group = { members, planActionIds: ['action-visits'] };
const action = (ownerMemberId: string) => ({ what: 'Visit', ownerMemberId, agency: 'health visiting', due: parseCivilDate('2026-07-01'), progressMeasure: '' });
const scaling = (memberId: string) => ({ worries: '', workingWell: '', needsToHappen: '', scaling: [{ memberId, score: 5 }] });

describe('the ids a section of the minutes names are this core group’s', () => {
  test.each([
    ['attendance of a member', 'attendance', [{ memberId: 'hv', attendance: 'present' }]],
    ['attendance of a member who has since left', 'attendance', [{ memberId: 'left', attendance: 'apologies' }]],
    ['scaling by a member who has since left', 'signsOfSafety', scaling('left')],
    ['a new action owned by an active member', 'newActions', [action('hv')]],
    ['an update on an action of the plan', 'actionUpdates', [{ actionId: 'action-visits', agency: 'health visiting', update: 'Done' }]],
    ['a section that names nobody', 'childsVoice', 'Sam is happier'],
  ] as const)('%s is accepted', (_case, section, value) => {
    expect(() => checkSectionIds({ section, value, group } as Parameters<typeof checkSectionIds>[0])).not.toThrow();
  });

  test.each([
    ['attendance of someone outside the group', 'attendance', [{ memberId: 'hv', attendance: 'present' }, { memberId: 'elsewhere', attendance: 'present' }], 'attendance[1].memberId: must be a member of this core group.'],
    ['scaling by someone outside the group', 'signsOfSafety', scaling('elsewhere'), 'signsOfSafety.scaling[0].memberId: must be a member of this core group.'],
    ['a new action owned by a member who has left', 'newActions', [action('left')], 'newActions[0].ownerMemberId: must be an active member of this core group.'],
    ['an update on an action of another plan', 'actionUpdates', [{ actionId: 'elsewhere', agency: 'school', update: 'Done' }], 'actionUpdates[0].actionId: must be an action in this core group’s plan.'],
  ] as const)('%s is refused, naming the field', (_case, section, value, message) => {
    const check = () => checkSectionIds({ section, value, group } as Parameters<typeof checkSectionIds>[0]);
    expect(check).toThrow(InvalidInputError);
    expect(check).toThrow(message);
  });

  test('only the sections that name ids need the group read', () => {
    expect(['attendance', 'signsOfSafety', 'newActions', 'actionUpdates', 'childsVoice', 'sharing'].filter((section) => sectionNamesIds(section as never))).toEqual(['attendance', 'signsOfSafety', 'newActions', 'actionUpdates']);
  });
});

describe('before the chair signs, every new action has an owner who is an active member', () => {
  const content = (owners: string[]) => ({ ...emptyMinutesContent(members), newActions: owners.map(action) });

  test('owners who are active members: signed', () => {
    expect(() => checkNewActionOwners(content(['hv', 'lsw']), members)).not.toThrow();
  });

  test.each([
    ['outside the group', ['hv', 'elsewhere'], 'New action 2 has no owner'],
    ['who has left', ['left'], 'New action 1 has no owner'],
  ])('an owner %s: refused with the action’s number', (_case, owners, message) => {
    const check = () => checkNewActionOwners(content(owners), members);
    expect(check).toThrow(RuleViolationError);
    expect(check).toThrow(message);
  });
});

describe('before the chair signs, every new action serves an outcome of the plan', () => {
  const content = (outcomeIds: (string | undefined)[]) => ({ ...emptyMinutesContent(members), newActions: outcomeIds.map((outcomeId) => ({ ...action('hv'), outcomeId })) });

  test('each under an outcome of the plan: signed; a plan without outcomes asks for none', () => {
    expect(() => checkNewActionOutcomes(content(['o1', 'o2']), ['o1', 'o2'])).not.toThrow();
    expect(() => checkNewActionOutcomes(content([undefined]), [])).not.toThrow();
  });

  test.each([
    ['none chosen (an action from the meeting chat)', [undefined]],
    ['one the plan does not have', ['o1', 'o9']],
  ])('%s: refused with the action’s number', (_case, outcomeIds) => {
    expect(() => checkNewActionOutcomes(content(outcomeIds), ['o1', 'o2'])).toThrow(`New action ${outcomeIds.length} serves no outcome of the plan`);
  });
});
