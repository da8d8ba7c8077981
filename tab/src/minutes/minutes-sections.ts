import type { ActionUpdate, AttendanceEntry, Disagreement, NewAction, SectionName, SectionValues, SignsOfSafety } from '@contracts/minutes.contract';
import { formatDate, isCivilDate } from '../common/format';
import { ATTENDANCE_LABELS } from '../common/labels';
import { isolatedUserText } from '../common/display-text';

/** Headings of the sections, as the agreed minutes template names them. */
export const SECTION_TITLES: Readonly<Record<SectionName, string>> = {
  attendance: 'Attendance',
  allAgenciesPresent: 'Are all the agencies that should be here, here?',
  actionUpdates: 'Progress on the plan',
  childsVoice: "The child's voice",
  signsOfSafety: 'Signs of Safety',
  decisions: 'Decisions',
  newActions: 'New actions',
  disagreements: 'Disagreements',
  contingencyReview: 'Contingency plan review',
  nextMeetingDate: 'Next meeting',
  sharing: 'The family version: who receives it',
};

/**
 * Why a section cannot be saved yet, or undefined. Mirrors the server's schema for what a person
 * is still typing (an action without an owner, an empty disagreement), so the autosave holds the
 * section back and says what is missing instead of sending something the server refuses.
 */
export function incompleteReason(section: SectionName, value: unknown): string | undefined {
  if (section === 'newActions') {
    const gaps = (value as NewAction[]).flatMap((action, index) => {
      const missing = [action.what.trim() === '' && 'what', action.ownerMemberId === '' && 'an owner', !isCivilDate(action.due) && 'a due date'].filter((gap): gap is string => typeof gap === 'string');
      return missing.length > 0 ? [`new action ${index + 1} needs ${joinWords(missing)}`] : [];
    });
    return gaps.length > 0 ? `Not saved yet: ${gaps.join('; ')}.` : undefined;
  }
  if (section === 'disagreements') {
    const empty = (value as Disagreement[]).flatMap((item, index) => (item.text.trim() === '' ? [index + 1] : []));
    return empty.length > 0 ? `Not saved yet: say what disagreement ${joinWords(empty.map(String))} is about, or remove it.` : undefined;
  }
  if (section === 'sharing') {
    const sharing = value as SectionValues['sharing'];
    const withheld = !sharing.withFamily || !sharing.withChild;
    return withheld && (sharing.withheldReason ?? '').trim() === '' ? 'Not saved yet: say why the family version is withheld.' : undefined;
  }
  if (section === 'nextMeetingDate') {
    const date = value as string | null;
    return date !== null && !isCivilDate(date) ? 'Not saved yet: enter a whole date.' : undefined;
  }
  return undefined;
}

function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export interface Names {
  member(id: string): string;
  action(id: string): string;
}

/**
 * A section's value as lines of plain text: how the conflict view shows "theirs" and "yours" side
 * by side, whatever the section's shape.
 */
export function describeSection<S extends SectionName>(section: S, value: SectionValues[S], names: Names): string[] {
  const orNone = (lines: string[]) => (lines.length > 0 ? lines : ['(nothing)']);
  const text = (line: string) => (line.trim() === '' ? '(empty)' : isolatedUserText(line));
  switch (section) {
    case 'attendance':
      return orNone(
        (value as AttendanceEntry[]).map((entry) => {
          const label = ATTENDANCE_LABELS[entry.attendance] ?? entry.attendance;
          const representative = entry.attendance === 'representative-sent' && entry.representativeName ? ` (${isolatedUserText(entry.representativeName)})` : '';
          return `${names.member(entry.memberId)}: ${label}${representative}`;
        }),
      );
    case 'allAgenciesPresent': {
      const answer = value as SectionValues['allAgenciesPresent'];
      return [answer.discussed ? 'Asked and discussed' : 'Not asked yet', ...(answer.note.trim() ? [isolatedUserText(answer.note)] : [])];
    }
    case 'actionUpdates':
      return orNone((value as ActionUpdate[]).map((update) => `${names.action(update.actionId)}: ${text(update.update)}`));
    case 'signsOfSafety': {
      const sos = value as SignsOfSafety;
      return [
        `Worries: ${text(sos.worries)}`,
        `Working well: ${text(sos.workingWell)}`,
        `Needs to happen: ${text(sos.needsToHappen)}`,
        ...sos.scaling.map((score) => `Scaling, ${names.member(score.memberId)}: ${score.score}`),
      ];
    }
    case 'decisions':
      return orNone((value as string[]).map((decision, index) => `${index + 1}. ${text(decision)}`));
    case 'newActions':
      return orNone(
        (value as NewAction[]).map((action, index) => {
          const owner = action.ownerMemberId ? names.member(action.ownerMemberId) : 'no owner';
          const due = isCivilDate(action.due) ? `by ${formatDate(action.due)}` : 'no due date';
          const measure = action.progressMeasure.trim() ? `; progress measure: ${isolatedUserText(action.progressMeasure)}` : '';
          return `${index + 1}. ${text(action.what)} (${owner}, ${due})${measure}`;
        }),
      );
    case 'disagreements':
      return orNone((value as Disagreement[]).map((item, index) => `${index + 1}. ${text(item.text)}${item.significant ? ' (significant: escalate)' : ''}`));
    case 'nextMeetingDate': {
      const date = value as string | null;
      return [date ? formatDate(date) : '(no date)'];
    }
    case 'sharing': {
      const sharing = value as SectionValues['sharing'];
      return [`Share with the family: ${sharing.withFamily ? 'yes' : 'no'}`, `Share with the child: ${sharing.withChild ? 'yes' : 'no'}`, ...(sharing.withheldReason ? [`Withheld because: ${isolatedUserText(sharing.withheldReason)}`] : [])];
    }
    default:
      return [text(value as string)];
  }
}
