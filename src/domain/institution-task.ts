import { type CivilDate, isAfter } from './civil-date';
import type { CoreGroupMember } from './core-group';
import { RuleViolationError, said } from './errors';
import { ukDate } from './uk-date';

/** Where the person is held (seed 001: "an institution (e.g. prison, hospital)"). */
export const INSTITUTION_KINDS = ['prison', 'hospital', 'other'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/**
 * A parent, relative or other relevant person in an institution, and the task it gives the
 * co-ordinator, Children Services (seed 001): write to the head of the institution with the
 * relevant details, including who to contact if the person absconds or is about to be discharged.
 */
export interface InstitutionTask {
  readonly id: string;
  readonly coreGroupId: string;
  /** Who, by their relationship to the child ("father", "maternal uncle"); a member of the group or not. */
  readonly person: string;
  readonly kind: InstitutionKind;
  /** The institution's name, as the letter is addressed ("HMP Leeds"). */
  readonly institution: string;
  readonly recordedByMemberId: string;
  /** ISO instant it was recorded. */
  readonly recordedAt: string;
  /** The day the letter went, once the co-ordinator has marked the task done. */
  readonly letterSentOn?: CivilDate | undefined;
  readonly doneByMemberId?: string | undefined;
}

/** What the lead social worker records: who, where, and the institution's name. */
export interface PersonInInstitution {
  readonly person: string;
  readonly kind: InstitutionKind;
  readonly institution: string;
}

/** The same person in the same institution, however it was typed: recording it again is the same task. */
export function institutionTaskKey(coreGroupId: string, entry: PersonInInstitution): string {
  const plain = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  return `institution-task:${coreGroupId}:${plain(entry.person)}:${entry.kind}:${plain(entry.institution)}`;
}

/** Who does the task: the group's co-ordinators still in it (none: the task has nobody to do it). */
export function coordinatorsOf(members: readonly CoreGroupMember[]): CoreGroupMember[] {
  return members.filter((member) => member.role === 'coordinator' && member.active);
}

/** The entry as it is kept: each text trimmed, none empty. */
export function checkPersonInInstitution(entry: PersonInInstitution): PersonInInstitution {
  const person = entry.person.trim();
  const institution = entry.institution.trim();
  if (person === '') throw new RuleViolationError('Say who is in the institution, by their relationship to the child.', { said: said('refusals.institutions.sayWho') });
  if (institution === '') throw new RuleViolationError('Name the institution, as the letter is to be addressed.', { said: said('refusals.institutions.nameInstitution') });
  return { person, kind: entry.kind, institution };
}

/**
 * Marks the letter sent on a day: not a day still to come. The same day again changes nothing;
 * another day, once the letter is recorded, is refused (the record says when it went).
 */
export function recordLetterSent(task: InstitutionTask, facts: { on: CivilDate; today: CivilDate; memberId: string }): InstitutionTask {
  if (task.letterSentOn?.equals(facts.on)) return task;
  if (task.letterSentOn) throw new RuleViolationError(`The letter was recorded as sent on ${ukDate(task.letterSentOn)}.`, { said: said('refusals.institutions.letterSent', { on: task.letterSentOn.toString() }) });
  if (isAfter(facts.on, facts.today)) throw new RuleViolationError(`${ukDate(facts.on)} is still to come: mark the task done once the letter has gone.`, { said: said('refusals.institutions.stillToCome', { on: facts.on.toString() }) });
  return { ...task, letterSentOn: facts.on, doneByMemberId: facts.memberId };
}
