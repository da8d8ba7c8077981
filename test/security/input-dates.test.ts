import { type InputStack, clock, startInputStack } from './support/input-stack';
import { attack } from './support/attack';
import { addContribution } from '../../src/domain/minutes';

/**
 * F3: `/coregroup action … by 2026-02-30` was acknowledged "Added", and accepting it in the tab
 * was a 500 with a RangeError in the log. An impossible date is refused where it is typed, and one
 * stored before that (as typed, in a chat contribution) is a 4xx when the chair accepts it.
 */
describe('impossible calendar dates', () => {
  let stack: InputStack;
  beforeAll(async () => {
    stack = await startInputStack('sqlite');
  });
  afterAll(() => stack.stop());

  describe.each(['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01'])('due %s', (due) => {
    attack(`F3 /coregroup action … by ${due} in the meeting chat is refused with a clear reply, never acknowledged "Added", and nothing is added`, async () => {
      const before = (await stack.stored())?.content.contributions ?? [];
      const { status, reply } = await stack.chat('health', `/coregroup action phone the school by ${due}`);
      expect(status).toBe(200);
      expect(reply).toContain('must be a real date');
      expect(reply).not.toContain('Added');
      expect((await stack.stored())?.content.contributions ?? []).toEqual(before);
    });
  });

  attack('F3 accepting a chat action stored with due 2026-02-30 (before the fix) is a 422 with a code, never a 500; it stays waiting', async () => {
    await stack.tab('GET', `/api/meetings/${stack.meetingId}/minutes`, 'lead');
    const draft = (await stack.stored())!;
    const contribution = { id: 'activity-bad-date', kind: 'action' as const, text: 'phone the school by 2026-02-30', memberId: await stack.memberId('health'), at: clock.nowIso(), ownerMemberId: await stack.memberId('school'), ownerName: 'Owen Price', due: '2026-02-30' };
    await stack.store.minutes.save(addContribution(draft, contribution), { expectedVersion: draft.version, savedBy: 'test', at: clock.nowIso() });
    const response = await stack.tab('POST', `/api/meetings/${stack.meetingId}/minutes/contributions/${contribution.id}`, 'lead', { decision: 'accept' });
    expect(response.status).toBe(422);
    expect(response.body.error).toEqual({ code: 'rule-violation', message: expect.stringContaining('due date') });
    const after = (await stack.stored())!;
    expect(after.content.newActions).toEqual([]);
    expect(after.content.contributions.map((waiting) => waiting.id)).toContain(contribution.id);
  });
});
