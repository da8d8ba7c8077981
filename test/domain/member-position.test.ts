import { MEMBER_POSITIONS, POSITION_LABELS, positionLabel, positionOf, readPosition, roleOfPosition } from '../../src/domain/member-position';
import { translatorFor } from '../../src/i18n/translate';

describe('member positions in plain words', () => {
  test.each([
    ['Health Visitor', 'health-visitor', 'professional'],
    ['  school   nurse ', 'school-nurse', 'professional'],
    ['teacher', 'teacher-dsl', 'professional'],
    ['Designated Safeguarding Lead', 'teacher-dsl', 'professional'],
    ['gp', 'gp', 'professional'],
    ['Parent/Carer', 'parent-carer', 'family-member'],
    ['carer', 'parent-carer', 'family-member'],
    ['child', 'child', 'child'],
    ['conference chair', 'conference-chair', 'conference-chair'],
    ['family-member', 'parent-carer', 'family-member'],
    ['professional', 'other', 'professional'],
    ['coordinator', 'other', 'coordinator'],
  ])('"%s" is read as %s, standing role %s', (words, position, role) => {
    expect(readPosition(words)).toEqual({ position, role });
  });

  test.each([
    ['Gweithiwr Cymdeithasol Arweiniol', 'lead-social-worker', 'lead-social-worker'],
    ['rheolwr tim', 'team-manager', 'team-manager'],
    ['Cadeirydd', 'conference-chair', 'conference-chair'],
    ['  ymwelydd   iechyd ', 'health-visitor', 'professional'],
    ['athrawes', 'teacher-dsl', 'professional'],
    ['Meddyg Teulu', 'gp', 'professional'],
    ['rhiant / gofalwr', 'parent-carer', 'family-member'],
    ['aelod o’r teulu', 'parent-carer', 'family-member'],
    ['plentyn', 'child', 'child'],
    ['ymarferydd', 'other', 'professional'],
  ])('in Welsh, "%s" is read as %s, standing role %s', (words, position, role) => {
    expect(readPosition(words)).toEqual({ position, role });
  });

  test('every position reads back from the names the members card lists, in English and in Welsh', () => {
    for (const language of ['en', 'cy'] as const) {
      const t = translatorFor(language);
      const misread = MEMBER_POSITIONS.filter((position) => readPosition(t(`members.position.${position}`))?.position !== position);
      expect({ language, misread }).toEqual({ language, misread: [] });
    }
  });

  test('words that name no position are not guessed at', () => {
    expect(readPosition('nurse')).toBeUndefined();
    expect(readPosition('')).toBeUndefined();
  });

  test('every position reads back from its own label, and the labels are the issue’s list in its order', () => {
    for (const position of MEMBER_POSITIONS) expect(readPosition(positionLabel(position))?.position).toBe(position);
    expect(POSITION_LABELS).toEqual(['lead social worker', 'team manager', 'conference chair', 'health visitor', 'school nurse', 'teacher / designated safeguarding lead', 'GP', 'police', 'probation', 'housing', 'family support', 'parent/carer', 'child', 'other']);
  });

  test('only the family and the child get the family’s and the child’s standing', () => {
    expect(MEMBER_POSITIONS.filter((position) => ['family-member', 'child'].includes(roleOfPosition(position)))).toEqual(['parent-carer', 'child']);
  });

  test('a member stored before positions were kept reads as the nearest to their role', () => {
    expect(positionOf({ role: 'family-member' })).toBe('parent-carer');
    expect(positionOf({ role: 'professional', position: 'police' })).toBe('police');
  });
});
