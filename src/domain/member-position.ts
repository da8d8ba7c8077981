import type { MemberRole } from './core-group';

/**
 * What a member is to the case, in the words practitioners use (the set-up form and the members
 * card offer these). Each maps to a standing `MemberRole`, which is what permissions read: the
 * position is what people see, the role is what they may do.
 */
export const MEMBER_POSITIONS = [
  'lead-social-worker',
  'team-manager',
  'conference-chair',
  'health-visitor',
  'school-nurse',
  'teacher-dsl',
  'gp',
  'police',
  'probation',
  'housing',
  'family-support',
  'parent-carer',
  'child',
  'other',
] as const;
export type MemberPosition = (typeof MEMBER_POSITIONS)[number];

interface PositionEntry {
  /** How it is written on cards. */
  readonly label: string;
  readonly role: MemberRole;
  /** Other ways people write it (lower case). */
  readonly alsoWritten: readonly string[];
  /**
   * How people write it in Welsh (lower case): first as the Welsh catalogue names it
   * (`members.position.*` in `cy.cards.json`, which a test keeps in step), then other ways.
   */
  readonly welsh: readonly string[];
}

const POSITIONS: Record<MemberPosition, PositionEntry> = {
  'lead-social-worker': { label: 'lead social worker', role: 'lead-social-worker', alsoWritten: ['social worker', 'lead-social-worker'], welsh: ['gweithiwr cymdeithasol arweiniol', 'gweithiwr cymdeithasol', 'gweithwraig gymdeithasol arweiniol', 'gweithwraig gymdeithasol'] },
  'team-manager': { label: 'team manager', role: 'team-manager', alsoWritten: ['team-manager'], welsh: ['rheolwr tîm', 'rheolwraig tîm'] },
  'conference-chair': { label: 'conference chair', role: 'conference-chair', alsoWritten: ['chair', 'conference-chair', 'independent reviewing officer'], welsh: ['cadeirydd y gynhadledd', 'cadeirydd', 'cadeirydd cynhadledd', 'swyddog adolygu annibynnol'] },
  'health-visitor': { label: 'health visitor', role: 'professional', alsoWritten: [], welsh: ['ymwelydd iechyd'] },
  'school-nurse': { label: 'school nurse', role: 'professional', alsoWritten: [], welsh: ['nyrs ysgol'] },
  'teacher-dsl': { label: 'teacher / designated safeguarding lead', role: 'professional', alsoWritten: ['teacher', 'designated safeguarding lead', 'dsl', 'teacher/dsl', 'teacher / dsl'], welsh: ['athro / arweinydd diogelu dynodedig', 'athro', 'athrawes', 'arweinydd diogelu dynodedig', 'person diogelu dynodedig'] },
  gp: { label: 'GP', role: 'professional', alsoWritten: ['doctor'], welsh: ['meddyg teulu', 'meddyg'] },
  police: { label: 'police', role: 'professional', alsoWritten: ['police officer'], welsh: ['heddlu', 'swyddog heddlu', 'heddwas'] },
  probation: { label: 'probation', role: 'professional', alsoWritten: ['probation officer'], welsh: ['gwasanaeth prawf', 'prawf', 'swyddog prawf'] },
  housing: { label: 'housing', role: 'professional', alsoWritten: ['housing officer'], welsh: ['tai', 'swyddog tai'] },
  'family-support': { label: 'family support', role: 'professional', alsoWritten: ['family support worker'], welsh: ['cymorth i deuluoedd', 'gweithiwr cymorth i deuluoedd', 'cymorth teulu'] },
  'parent-carer': { label: 'parent/carer', role: 'family-member', alsoWritten: ['parent', 'carer', 'parent / carer', 'parent or carer', 'family-member', 'family member'], welsh: ['rhiant/gofalwr', 'rhiant', 'gofalwr', 'gofalwraig', 'rhiant neu ofalwr', "aelod o'r teulu"] },
  child: { label: 'child', role: 'child', alsoWritten: ['young person'], welsh: ['plentyn', 'person ifanc'] },
  other: { label: 'other', role: 'professional', alsoWritten: ['professional', 'other professional'], welsh: ['arall', 'ymarferydd', 'ymarferydd arall', 'gweithiwr proffesiynol'] },
};

/** The plain-word name of a position, as cards show it. */
export const positionLabel = (position: MemberPosition): string => POSITIONS[position].label;

/** The standing role (what the member may do) that goes with a position. */
export const roleOfPosition = (position: MemberPosition): MemberRole => POSITIONS[position].role;

/** Every position's plain-word name, in the form's order, for labels and error messages. */
export const POSITION_LABELS: readonly string[] = MEMBER_POSITIONS.map(positionLabel);

/**
 * Words as they are compared: lower case, single spaces, a slash spaced the same way, a curly
 * apostrophe straight, and no accents — people often type `rheolwr tim` for `rheolwr tîm`.
 */
function comparable(words: string): string {
  return words
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s*\/\s*/g, ' / ')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_WORDS: ReadonlyMap<string, MemberPosition> = new Map(
  MEMBER_POSITIONS.flatMap((position) => [position, POSITIONS[position].label, ...POSITIONS[position].alsoWritten, ...POSITIONS[position].welsh].map((words) => [comparable(words), position] as const)),
);

/**
 * The position and standing role written as `words` in English or Welsh (case, spacing and
 * accents as people type them), or nothing. The role codes of earlier versions are still read:
 * `coordinator` keeps its own role as an "other" position.
 */
export function readPosition(words: string): { position: MemberPosition; role: MemberRole } | undefined {
  const written = comparable(words);
  if (written === 'coordinator') return { position: 'other', role: 'coordinator' };
  const position = BY_WORDS.get(written);
  return position ? { position, role: roleOfPosition(position) } : undefined;
}

/** The position a member holds: the stored one, or (for members from before positions were kept) the nearest to their role. */
export function positionOf(member: { readonly role: MemberRole; readonly position?: MemberPosition | undefined }): MemberPosition {
  if (member.position) return member.position;
  const nearest: Record<MemberRole, MemberPosition> = { 'lead-social-worker': 'lead-social-worker', 'team-manager': 'team-manager', 'conference-chair': 'conference-chair', 'family-member': 'parent-carer', child: 'child', professional: 'other', coordinator: 'other' };
  return nearest[member.role];
}
