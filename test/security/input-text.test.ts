import { type InputStack, clock, startInputStack } from './support/input-stack';
import { attack } from './support/attack';
import { describeEachEngine } from '../store/each-engine';
import { addContribution, signMinutes } from '../../src/domain/minutes';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const EMOJI = '\u{1F600}';

/**
 * F10 and text PostgreSQL cannot store. A 20,000-character note was acknowledged "Added" but
 * stored cut to 2,000 characters, ending in a lone surrogate when an emoji sat at the cut; NUL
 * (which PostgreSQL refuses in text) and lone surrogates went through untested. Over-long text is
 * refused with the limit, the chat and the tab agree on it, and NUL and lone surrogates are a
 * clear 400 (a refusal in the chat) on both engines, never a 500, with nothing stored.
 */
describeEachEngine('text at the edge', (engine) => {
  let stack: InputStack;
  beforeAll(async () => {
    stack = await startInputStack(engine);
    expect((await stack.tab('PUT', `/api/meetings/${stack.meetingId}/roles`, 'lead', { chairMemberId: await stack.memberId('lead'), minuteTakerMemberId: await stack.memberId('health') })).status).toBe(200);
  }, 30_000);
  afterAll(() => stack.stop());

  const minutes = () => `/api/meetings/${stack.meetingId}/minutes`;
  const waiting = async () => (await stack.stored())?.content.contributions ?? [];

  describe.each([
    ['a 20,000-character note', `/coregroup note ${'a'.repeat(20_000)}`],
    ['a note of 2,000 characters and an emoji', `/coregroup note ${'a'.repeat(2000)}${EMOJI}`],
    ['a 2,001-character decision', `/coregroup decision ${'d'.repeat(2001)}`],
  ])('%s', (what, message) => {
    attack(`F10 ${what} from the meeting chat is refused with the limit, never acknowledged "Added", nothing stored (${engine})`, async () => {
      const before = await waiting();
      const { status, reply } = await stack.chat('health', message);
      expect(status).toBe(200);
      expect(reply).toContain('2,000 characters');
      expect(reply).not.toContain('Added');
      expect(await waiting()).toEqual(before);
    });
  });

  attack(`F10 a note whose 2,000th character is an emoji is stored whole and acknowledged, never cut into a lone surrogate (${engine})`, async () => {
    const text = `${'b'.repeat(1999)}${EMOJI}`;
    const { reply } = await stack.chat('health', `/coregroup note ${text}`);
    expect(reply).toContain('Added');
    const stored = (await waiting()).find((contribution) => contribution.text.startsWith('bbb'));
    expect(LONE_SURROGATE.test(stored!.text)).toBe(false);
    expect(stored?.text).toBe(text);
  });

  test(`an action of 2,000 characters from the chat, once accepted, can be saved again from the tab: the chat and the tab agree on the limit (${engine})`, async () => {
    const draft = (await stack.stored())!;
    const what = `${'w'.repeat(1999)}.`;
    const contribution = { id: 'activity-long-action', kind: 'action' as const, text: what, memberId: await stack.memberId('health'), at: clock.nowIso(), ownerMemberId: await stack.memberId('school'), due: '2026-07-01' };
    await stack.store.minutes.save(addContribution(draft, contribution), { expectedVersion: draft.version, savedBy: 'test', at: clock.nowIso() });
    const accepted = await stack.tab('POST', `${minutes()}/contributions/${contribution.id}`, 'lead', { decision: 'accept' });
    expect(accepted.status).toBe(200);
    const snapshot = accepted.body as { version: number; content: { newActions: unknown[] } };
    const again = await stack.tab('PATCH', minutes(), 'lead', { baseVersion: snapshot.version, section: 'newActions', value: snapshot.content.newActions });
    expect(again.status).toBe(200);
  });

  attack(`F10 accepting a chat note that would take a section past its 10,000-character limit is a 422, and the note stays waiting (${engine})`, async () => {
    const draft = (await stack.stored())!;
    const contribution = { id: 'activity-long-note', kind: 'note' as const, text: 'n'.repeat(1_500), memberId: await stack.memberId('health'), at: clock.nowIso() };
    const filled = addContribution({ ...draft, content: { ...draft.content, childsVoice: 'c'.repeat(9_000) } }, contribution);
    await stack.store.minutes.save(filled, { expectedVersion: draft.version, savedBy: 'test', at: clock.nowIso() });
    const before = (await stack.stored())!;
    const response = await stack.tab('POST', `${minutes()}/contributions/${contribution.id}`, 'lead', { decision: 'accept', into: 'childsVoice' });
    expect(response.status).toBe(422);
    expect(response.body.error).toEqual({ code: 'rule-violation', message: expect.stringContaining('10,000 characters') });
    expect(await stack.stored()).toEqual(before);
  });

  describe.each([
    ['NUL', 'before\u0000after'],
    ['a lone surrogate', 'before\uD800after'],
  ])('%s', (what, text) => {
    attack(`${what} in a minutes section (PATCH /api/meetings/:id/minutes childsVoice) is a 400 with a code, nothing stored (${engine})`, async () => {
      const before = (await stack.stored())!;
      const response = await stack.tab('PATCH', minutes(), 'lead', { baseVersion: before.version, section: 'childsVoice', value: text });
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({ code: 'invalid-input', message: expect.stringMatching(/childsVoice/) });
      expect(await stack.stored()).toEqual(before);
    });

    attack(`${what} in a new action in the tab (PATCH newActions) is a 400, nothing stored (${engine})`, async () => {
      const before = (await stack.stored())!;
      const value = [{ what: text, ownerMemberId: await stack.memberId('school'), agency: 'school', due: '2026-07-01', progressMeasure: '' }];
      const response = await stack.tab('PATCH', minutes(), 'lead', { baseVersion: before.version, section: 'newActions', value });
      expect(response.status).toBe(400);
      expect(await stack.stored()).toEqual(before);
    });

    attack(`${what} in a note from the meeting chat is refused with a clear reply, nothing stored (${engine})`, async () => {
      const before = await waiting();
      const { status, reply } = await stack.chat('health', `/coregroup note ${text}`);
      expect(status).toBe(200);
      expect(reply).not.toContain('Added');
      expect(reply).toMatch(/character/);
      expect(await waiting()).toEqual(before);
    });
  });

  // A lone surrogate cannot be written in a URL as UTF-8: only NUL reaches a query string.
  attack(`NUL in the chat id of GET /api/meetings/current is a 400, never a 500 (${engine})`, async () => {
    const response = await stack.tab('GET', `/api/meetings/current?chatId=${encodeURIComponent('19:meeting\u0000@thread.v2')}`, 'lead');
    expect(response.status).toBe(400);
    expect(response.body.error?.code).toBe('invalid-input');
  });

  attack(`NUL in a Graph notification's subscription id (POST /api/graph/notifications, no token needed) is a 400, never a 500 (${engine})`, async () => {
    const response = await stack.graphNotification({ value: [{ subscriptionId: 'subscription\u0000', clientState: 'guess', changeType: 'updated', resourceData: { id: 'event' } }] });
    expect(response.status).toBe(400);
  });

  describe('on signed minutes', () => {
    beforeAll(async () => {
      const draft = (await stack.stored())!;
      const signed = signMinutes(signMinutes(draft, { as: 'chair', memberId: await stack.memberId('lead'), at: clock.nowIso() }), { as: 'team-manager', memberId: await stack.memberId('manager'), at: clock.nowIso() });
      await stack.store.minutes.save({ ...signed, version: draft.version + 1 }, { expectedVersion: draft.version, savedBy: 'test', at: clock.nowIso() });
    });

    attack(`NUL in the reason for an amendment (POST /api/meetings/:id/minutes/amend) is a 400 with a code, never a 500, nothing stored (${engine})`, async () => {
      const before = (await stack.stored())!;
      const response = await stack.tab('POST', `${minutes()}/amend`, 'lead', { reason: 'wrong date\u0000' });
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({ code: 'invalid-input', message: expect.stringMatching(/reason/) });
      expect(await stack.stored()).toEqual(before);
    });
  });
});
