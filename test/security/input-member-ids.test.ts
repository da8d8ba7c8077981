import { type InputStack, startInputStack } from './support/input-stack';
import { attack } from './support/attack';
import { editMinutes } from '../../src/domain/minutes';
import { civilDate } from '../../src/domain/civil-date';

/**
 * F4: the minutes PATCH took attendance, scaling and new-action owners that were another group's
 * member id or any string, and the plan signed from it listed an action owned by "—". Every
 * member id a minutes write names must be a member of this core group — an active one for a new
 * action's owner; attendance and scaling record who was there, so someone who has since left may
 * stay in them — and every action update names an action of this group's plan. Anything else is a
 * 400 with a code and a message naming the field.
 */
describe('member and action ids in a minutes write belong to this core group', () => {
  let stack: InputStack;
  beforeAll(async () => {
    stack = await startInputStack('sqlite');
    expect((await stack.tab('PUT', `/api/meetings/${stack.meetingId}/roles`, 'lead', { chairMemberId: await stack.memberId('lead'), minuteTakerMemberId: await stack.memberId('health') })).status).toBe(200);
  });
  afterAll(() => stack.stop());

  const minutes = () => `/api/meetings/${stack.meetingId}/minutes`;
  const action = (ownerMemberId: string) => ({ what: 'Phone the school', ownerMemberId, agency: 'school', due: '2026-07-01', progressMeasure: '' });
  const scaling = (memberId: string) => ({ worries: '', workingWell: '', needsToHappen: '', scaling: [{ memberId, score: 5 }] });

  /** Each case: what the id is, the section and its value with it, and the field the answer must name. */
  const CASES: [string, string, (ids: { other: string; former: string; health: string }) => unknown, string][] = [
    ["attendance naming another core group's member", 'attendance', ({ other }) => [{ memberId: other, attendance: 'present' }], 'attendance[0].memberId'],
    ['attendance naming an arbitrary string', 'attendance', ({ health }) => [{ memberId: health, attendance: 'present' }, { memberId: 'somebody', attendance: 'present' }], 'attendance[1].memberId'],
    ["scaling by another core group's member", 'signsOfSafety', ({ other }) => scaling(other), 'signsOfSafety.scaling[0].memberId'],
    ['scaling by an arbitrary string', 'signsOfSafety', () => scaling('—'), 'signsOfSafety.scaling[0].memberId'],
    ["a new action owned by another core group's member", 'newActions', ({ other }) => [action(other)], 'newActions[0].ownerMemberId'],
    ['a new action owned by a member who has left the group', 'newActions', ({ health, former }) => [action(health), action(former)], 'newActions[1].ownerMemberId'],
    ['a new action owned by an arbitrary string', 'newActions', () => [action('nobody')], 'newActions[0].ownerMemberId'],
    ["an update on an action that is not in this group's plan", 'actionUpdates', () => [{ actionId: 'action-elsewhere', agency: 'school', update: 'Done' }], 'actionUpdates[0].actionId'],
  ];

  describe.each(CASES)('%s', (what, section, value, field) => {
    attack(`F4 ${what} (PATCH /api/meetings/:id/minutes ${section}) is a 400 naming ${field}, and nothing is saved`, async () => {
      const ids = { other: stack.otherMemberId, former: await stack.memberId('leftgroup'), health: await stack.memberId('health') };
      await stack.tab('GET', minutes(), 'lead');
      const before = (await stack.stored())!;
      const response = await stack.tab('PATCH', minutes(), 'lead', { baseVersion: before.version, section, value: value(ids) });
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({ code: 'invalid-input', message: expect.stringContaining(field) });
      expect(await stack.stored()).toEqual(before);
    });
  });

  test('attendance and scaling may record a member who has since left; a new action may not be given to them', async () => {
    const former = await stack.memberId('leftgroup');
    const save = async (section: string, value: unknown) => stack.tab('PATCH', minutes(), 'lead', { baseVersion: (await stack.stored())!.version, section, value });
    expect((await save('attendance', [{ memberId: former, attendance: 'apologies' }])).status).toBe(200);
    expect((await save('signsOfSafety', scaling(former))).status).toBe(200);
    expect((await save('newActions', [action(former)])).status).toBe(400);
  });

  attack('F4 minutes stored with an action owned by someone outside the group (before the fix) cannot be signed into the plan: 422, the plan unchanged', async () => {
    const draft = (await stack.stored())!;
    const ownerless = { what: 'Phone the school', ownerMemberId: stack.otherMemberId, agency: 'school', due: civilDate(2026, 7, 1), progressMeasure: '' };
    await stack.store.minutes.save(editMinutes(draft, { content: { ...draft.content, newActions: [ownerless] }, basedOnVersion: draft.version }), { expectedVersion: draft.version, savedBy: 'test', at: '2026-06-08T11:00:00.000Z' });
    const planBefore = await stack.store.plans.current(stack.coreGroupId);
    const response = await stack.tab('POST', `${minutes()}/sign-off`, 'lead', { as: 'chair' });
    expect(response.status).toBe(422);
    expect(response.body.error?.message).toMatch(/owner/);
    expect((await stack.stored())!.chairSignOff).toBeUndefined();
    expect(await stack.store.plans.current(stack.coreGroupId)).toEqual(planBefore);
  });
});
