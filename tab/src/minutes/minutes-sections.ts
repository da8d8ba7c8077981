import type { ActionUpdate, AgencyUpdate, AttendanceEntry, Disagreement, NewAction, OtherAttendee, SectionName, SectionValues, SignsOfSafety, WrittenReport } from '@contracts/minutes.contract';
import { formatDate, isCivilDate } from '../common/format';
import { ATTENDANCE_LABELS, RECOMMENDATION_LABELS, YES_NO_LABELS } from '../common/labels';
import { isolatedUserText } from '../common/display-text';

/** Headings of the sections, as the agreed minutes template names them. */
export const SECTION_TITLES: Readonly<Record<SectionName, string>> = {
  attendance: 'Attendance',
  otherAttendees: 'Others who attended',
  allAgenciesPresent: 'Are all the agencies that should be here, here?',
  writtenReports: 'Written reports from those who could not come',
  actionUpdates: 'Progress on the plan',
  agencyUpdates: 'Updates from each agency',
  childSeen: 'The child seen, and seen alone',
  childsVoice: "The child's voice",
  signsOfSafety: 'Signs of Safety',
  decisions: 'Decisions',
  newActions: 'New actions',
  disagreements: 'Disagreements',
  contingencyReview: 'Contingency plan review',
  reviewRecommendation: 'Recommendation to the review conference',
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
  if (section === 'otherAttendees') {
    const unnamed = (value as OtherAttendee[]).flatMap((attendee, index) => (attendee.name.trim() === '' || attendee.relationship.trim() === '' ? [index + 1] : []));
    return unnamed.length > 0 ? `Not saved yet: give the name and relationship of other attendee ${joinWords(unnamed.map(String))}, or remove them.` : undefined;
  }
  if (section === 'agencyUpdates') {
    const unnamed = (value as AgencyUpdate[]).flatMap((update, index) => (update.agency.trim() === '' ? [index + 1] : []));
    return unnamed.length > 0 ? `Not saved yet: name the agency of update ${joinWords(unnamed.map(String))}.` : undefined;
  }
  if (section === 'writtenReports') {
    const unowned = (value as WrittenReport[]).flatMap((report, index) => (report.memberId === '' ? [index + 1] : []));
    return unowned.length > 0 ? `Not saved yet: choose who sent written report ${joinWords(unowned.map(String))}.` : undefined;
  }
  if (section === 'childSeen') {
    const date = (value as SectionValues['childSeen']).lastSeenOn;
    return date !== null && !isCivilDate(date) ? 'Not saved yet: enter a whole date for when the child was last seen.' : undefined;
  }
  if (section === 'reviewRecommendation') {
    const recommendation = value as SectionValues['reviewRecommendation'];
    return recommendation.outcome !== null && recommendation.reasons.trim() === '' ? 'Not saved yet: give the reasons for the recommendation.' : undefined;
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
    case 'otherAttendees':
      return orNone((value as OtherAttendee[]).map((attendee) => `${text(attendee.name)} (${text(attendee.relationship)}${attendee.organisation.trim() ? `, ${isolatedUserText(attendee.organisation)}` : ''})`));
    case 'agencyUpdates':
      return orNone((value as AgencyUpdate[]).map((update) => `${text(update.agency)}: ${text(update.update)}`));
    case 'writtenReports':
      return orNone((value as WrittenReport[]).map((report) => `${report.memberId ? names.member(report.memberId) : 'nobody chosen'}: ${text(report.summary)}`));
    case 'childSeen': {
      const seen = value as SectionValues['childSeen'];
      return [
        `Seen since the last meeting: ${YES_NO_LABELS[seen.seen]}`,
        `Seen alone: ${YES_NO_LABELS[seen.seenAlone]}`,
        `Last seen: ${seen.lastSeenOn && isCivilDate(seen.lastSeenOn) ? formatDate(seen.lastSeenOn) : '(no date)'}${seen.seenBy.trim() ? ` by ${isolatedUserText(seen.seenBy)}` : ''}`,
        ...(seen.note.trim() ? [isolatedUserText(seen.note)] : []),
      ];
    }
    case 'reviewRecommendation': {
      const recommendation = value as SectionValues['reviewRecommendation'];
      return [recommendation.outcome ? RECOMMENDATION_LABELS[recommendation.outcome] : 'Not agreed at this meeting', ...(recommendation.reasons.trim() ? [isolatedUserText(recommendation.reasons)] : [])];
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
