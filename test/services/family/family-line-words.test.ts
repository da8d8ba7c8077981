import type { FamilyLine } from '../../../src/domain/family-version';
import { wordsIn } from '../../../src/i18n/words';
import { familyLineText, familyReadingText } from '../../../src/services/family-version/family-line-words';

const EN = wordsIn('en');
const CY = wordsIn('cy');

describe('the family version’s prepared lines, worded in the family’s document language', () => {
  test.each<[FamilyLine, string, RegExp]>([
    [{ kind: 'someone-left' }, 'someone who has left the group', /^rhywun sydd wedi gadael y grŵp$/],
    [{ kind: 'progress', action: 'Weekly home visit', update: 'Going well' }, 'Weekly home visit: Going well', /^Weekly home visit: Going well$/],
    [{ kind: 'progress', update: 'Going well' }, 'An action: Going well', /^Cam gweithredu: Going well$/],
    [{ kind: 'new-action', what: 'Book the review', owner: 'Name hv (health visiting)', due: '2026-07-15' }, 'Book the review — Name hv (health visiting), by Wed 15 Jul 2026.', /^Book the review — Name hv \(health visiting\), erbyn Mer\W+15 Gorff 2026\.$/],
    [{ kind: 'new-action', what: 'Book the review', due: '2026-07-15' }, 'Book the review — someone who has left the group, by Wed 15 Jul 2026.', /^Book the review — rhywun sydd wedi gadael y grŵp, erbyn Mer\W+15 Gorff 2026\.$/],
    [{ kind: 'plan-action', what: 'Weekly home visit', owner: 'Alex Lead (children’s social care)', due: '2026-07-15', state: 'in-progress' }, 'Weekly home visit — Alex Lead (children’s social care), by Wed 15 Jul 2026 (under way).', /^Weekly home visit — Alex Lead \(children’s social care\), erbyn Mer\W+15 Gorff 2026 \(ar y gweill\)\.$/],
    [{ kind: 'recommendation', outcome: 'continue-with-changes' }, 'We think the child protection plan should carry on, with changes.', /^Rydym yn credu y dylai'r cynllun amddiffyn plant barhau, gyda newidiadau\.$/],
    [{ kind: 'next-meeting', on: '2026-07-15' }, 'The next core group meeting is on Wed 15 Jul 2026.', /^Mae'r cyfarfod grŵp craidd nesaf ar Mer\W+15 Gorff 2026\.$/],
  ])('%j: as the family version has always said it in English, and in Welsh', (line, english, welsh) => {
    expect(familyLineText(EN, line)).toBe(english);
    expect(familyLineText(CY, line)).toMatch(welsh);
  });

  test('what a person wrote is printed as written, in either language', () => {
    expect(familyReadingText(CY, { text: 'You stay on the plan.' })).toBe('You stay on the plan.');
  });
});
