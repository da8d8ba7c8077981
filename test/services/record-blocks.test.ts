import { randomUUID } from 'node:crypto';
import { type Minutes, openingDraft, signMinutes } from '../../src/domain/minutes';
import { disagreementConcernId } from '../../src/services/minutes/escalate-disagreements';
import { wordsIn } from '../../src/i18n/words';
import { minutesBlocks } from '../../src/services/record-blocks';
import type { Concern } from '../../src/services/ports/store.port';
import { aCoreGroup } from '../support/fixtures';

/** Seed 002: the record says what became of a significant disagreement — the concern its signing raised, and when — and never claims one that was not raised. */
describe('a significant disagreement in the minutes record', () => {
  const { coreGroup, members, lead, manager } = aCoreGroup();
  const draft: Minutes = (() => {
    const opening = openingDraft({ id: randomUUID(), meeting: { id: randomUUID(), coreGroupId: coreGroup.id }, members });
    return { ...opening, content: { ...opening.content, disagreements: [{ text: 'Agencies disagree about contact', significant: true }, { text: 'A minor difference', significant: false }] } };
  })();
  const disagreementLines = (minutes: Minutes, concerns: readonly Pick<Concern, 'id' | 'raisedAt'>[] = []) => {
    const blocks = minutesBlocks(wordsIn('en'), { minutes, members, plan: undefined, checkIns: [], concerns });
    const heading = blocks.findIndex((block) => block.kind === 'heading' && block.text === 'Disagreements');
    return blocks.slice(heading + 1, heading + 3).map((block) => (block.kind === 'paragraph' ? block.text : ''));
  };

  const signed = signMinutes(signMinutes(draft, { as: 'chair', memberId: lead.id, at: '2026-07-01T09:00:00.000Z' }), { as: 'team-manager', memberId: manager.id, at: '2026-07-02T10:00:00.000Z' });

  test('signed: escalated as a concern to the team manager and the conference chair on the day the concern was raised', () => {
    const raised = { id: disagreementConcernId(signed, 0), raisedAt: '2026-07-02T10:00:01.000Z' };
    const another = { id: disagreementConcernId(signed, 1), raisedAt: '2026-07-02T10:00:01.000Z' };
    expect(disagreementLines(signed, [another, raised])).toEqual(['[Escalated as a concern to the team manager and the conference chair on Thu 2 Jul 2026] Agencies disagree about contact', 'A minor difference']);
  });

  test('signed before the app raised such concerns: the record says no concern was raised, never that it was escalated', () => {
    expect(disagreementLines(signed)).toEqual([
      '[Significant — no concern was raised in the app (the minutes were signed before it raised them): tell the team manager and the conference chair directly] Agencies disagree about contact',
      'A minor difference',
    ]);
  });

  test("a concern raised for other words (the disagreement reworded in an amendment) is not this disagreement's", () => {
    const reworded = { ...signed, content: { ...signed.content, disagreements: [{ text: 'Agencies disagree about contact and overnight stays', significant: true }] } };
    const [line] = disagreementLines(reworded, [{ id: disagreementConcernId(signed, 0), raisedAt: '2026-07-02T10:00:01.000Z' }]);
    expect(line).toMatch(/^\[Significant — no concern was raised in the app/);
  });

  test('a draft says it goes to them when the minutes are signed, never that it was escalated', () => {
    expect(disagreementLines(signMinutes(draft, { as: 'chair', memberId: lead.id, at: '2026-07-01T09:00:00.000Z' }))).toEqual([
      '[Significant — goes to the team manager and the conference chair when the minutes are signed] Agencies disagree about contact',
      'A minor difference',
    ]);
  });
});
