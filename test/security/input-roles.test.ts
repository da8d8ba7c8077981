import { type InputStack, startInputStack } from './support/input-stack';
import { attack } from './support/attack';

/**
 * F5: a family member (or the child) named chair or minute-taker could edit the draft and change
 * who it is shared with. Only professionals hold a meeting role: naming anyone else is refused, and
 * a role stored before that rule gives a family member or the child nothing.
 */
describe('meeting roles are held by professionals only', () => {
  let stack: InputStack;
  beforeAll(async () => {
    stack = await startInputStack('sqlite');
    expect((await stack.tab('GET', `/api/meetings/${stack.meetingId}/minutes`, 'lead')).status).toBe(200);
  });
  afterAll(() => stack.stop());

  const roles = () => `/api/meetings/${stack.meetingId}/roles`;
  const minutes = () => `/api/meetings/${stack.meetingId}/minutes`;
  const namedRoles = async () => {
    const meeting = await stack.store.meetings.findById(stack.meetingId);
    return { chair: meeting?.chairMemberId, minuteTaker: meeting?.minuteTakerMemberId };
  };

  describe.each([
    ['a family member as minute-taker', 'lead', 'mum'],
    ['a family member as chair', 'mum', 'health'],
    ['the child as chair', 'youngperson', 'health'],
    ['the child as minute-taker', 'lead', 'youngperson'],
  ])('naming %s', (what, chair, minuteTaker) => {
    attack(`F5 naming ${what} (PUT /api/meetings/:id/roles) is a 422 with a code and a clear message, and the roles stay as they were`, async () => {
      const before = await namedRoles();
      const response = await stack.tab('PUT', roles(), 'lead', { chairMemberId: await stack.memberId(chair), minuteTakerMemberId: await stack.memberId(minuteTaker) });
      expect(response.status).toBe(422);
      expect(response.body.error).toEqual({ code: 'rule-violation', message: expect.stringMatching(/professional/) });
      expect(await namedRoles()).toEqual(before);
    });
  });

  describe('a family member and the child named before the rule', () => {
    beforeAll(async () => {
      const meeting = (await stack.store.meetings.findById(stack.meetingId))!;
      await stack.store.meetings.update({ ...meeting, chairMemberId: await stack.memberId('mum'), minuteTakerMemberId: await stack.memberId('youngperson') });
    });

    attack('F5 a family member stored as chair cannot read the draft', async () => {
      expect((await stack.tab('GET', minutes(), 'mum')).status).toBe(403);
    });

    attack('F5 a family member stored as chair cannot change the sharing (PATCH sharing)', async () => {
      const draft = (await stack.stored())!;
      const response = await stack.tab('PATCH', minutes(), 'mum', { baseVersion: draft.version, section: 'sharing', value: { withFamily: true, withChild: true } });
      expect(response.status).toBe(403);
      expect((await stack.stored())!).toEqual(draft);
    });

    attack('F5 the child stored as minute-taker cannot edit the draft (PATCH childsVoice)', async () => {
      const draft = (await stack.stored())!;
      const response = await stack.tab('PATCH', minutes(), 'youngperson', { baseVersion: draft.version, section: 'childsVoice', value: 'changed by the child' });
      expect(response.status).toBe(403);
      expect((await stack.stored())!).toEqual(draft);
    });

    attack('F5 a family member stored as chair cannot sign as chair', async () => {
      const draft = (await stack.stored())!;
      expect((await stack.tab('POST', `${minutes()}/sign-off`, 'mum', { as: 'chair' })).status).toBe(403);
      expect((await stack.stored())!.chairSignOff).toBeUndefined();
      expect((await stack.stored())!.version).toBe(draft.version);
    });
  });
});
