import { randomUUID } from 'node:crypto';
import { type Minutes, openingDraft, signMinutes } from '../../src/domain/minutes';
import { minutesBlocks } from '../../src/services/record-blocks';
import { aCoreGroup } from '../support/fixtures';

/** Seed 002: the record says what became of a significant disagreement — escalated when the minutes were signed, and when. */
describe('a significant disagreement in the minutes record', () => {
  const { coreGroup, members, lead, manager } = aCoreGroup();
  const draft: Minutes = (() => {
    const opening = openingDraft({ id: randomUUID(), meeting: { id: randomUUID(), coreGroupId: coreGroup.id }, members });
    return { ...opening, content: { ...opening.content, disagreements: [{ text: 'Agencies disagree about contact', significant: true }, { text: 'A minor difference', significant: false }] } };
  })();
  const disagreementLines = (minutes: Minutes) => {
    const blocks = minutesBlocks({ minutes, members, plan: undefined, checkIns: [] });
    const heading = blocks.findIndex((block) => block.kind === 'heading' && block.text === 'Disagreements');
    return blocks.slice(heading + 1, heading + 3).map((block) => (block.kind === 'paragraph' ? block.text : ''));
  };

  test('signed: escalated to the team manager and the conference chair on the day of the second signature', () => {
    const signed = signMinutes(signMinutes(draft, { as: 'chair', memberId: lead.id, at: '2026-07-01T09:00:00.000Z' }), { as: 'team-manager', memberId: manager.id, at: '2026-07-02T10:00:00.000Z' });
    expect(disagreementLines(signed)).toEqual(['[Escalated to the team manager and the conference chair on Thu 2 Jul 2026] Agencies disagree about contact', 'A minor difference']);
  });

  test('a draft says it goes to them when the minutes are signed, never that it was escalated', () => {
    expect(disagreementLines(signMinutes(draft, { as: 'chair', memberId: lead.id, at: '2026-07-01T09:00:00.000Z' }))).toEqual([
      '[Significant — goes to the team manager and the conference chair when the minutes are signed] Agencies disagree about contact',
      'A minor difference',
    ]);
  });
});
