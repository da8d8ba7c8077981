import type { ActionUpdate, AgencyUpdate, AttendanceEntry, Disagreement, NewAction, OtherAttendee, SectionName, SectionValues, SignsOfSafety, WrittenReport } from '@contracts/minutes.contract';
import { formatDateIn, isCivilDate } from '../common/format';
import { isolatedUserText } from '../common/display-text';
import type { TabLanguage, TabTranslate } from '../i18n/i18n';
import { andList } from './minutes-language';

/** The heading of a section, as the agreed minutes template names it ("Attendance", "Signs of Safety"). */
export function sectionTitle(t: TabTranslate, section: SectionName | 'contributions'): string {
  return t(`minutesSections.title.${section}`);
}

/** What a new action still lacks, as the key of its sentence: "what", "owner", "due" and their combinations. */
const GAP_KEYS: Readonly<Record<string, string>> = {
  what: 'what',
  owner: 'owner',
  due: 'due',
  'what owner': 'whatOwner',
  'what due': 'whatDue',
  'owner due': 'ownerDue',
  'what owner due': 'whatOwnerDue',
};

/**
 * Why a section cannot be saved yet, or undefined. Mirrors the server's schema for what a person
 * is still typing (an action without an owner, an empty disagreement), so the autosave holds the
 * section back and says what is missing instead of sending something the server refuses.
 */
export function incompleteReason(section: SectionName, value: unknown, t: TabTranslate): string | undefined {
  const numbers = (indexes: number[]) => andList(t, indexes.map((index) => String(index + 1)));
  if (section === 'newActions') {
    const gaps = (value as NewAction[]).flatMap((action, index) => {
      const missing = [action.what.trim() === '' && 'what', action.ownerMemberId === '' && 'owner', !isCivilDate(action.due) && 'due'].filter((gap): gap is string => typeof gap === 'string');
      return missing.length > 0 ? [t(`minutes.incomplete.newAction.${GAP_KEYS[missing.join(' ')]!}`, { number: index + 1 })] : [];
    });
    return gaps.length > 0 ? t('minutes.incomplete.newActions', { gaps: gaps.join('; ') }) : undefined;
  }
  if (section === 'disagreements') {
    const empty = (value as Disagreement[]).flatMap((item, index) => (item.text.trim() === '' ? [index] : []));
    return empty.length > 0 ? t('minutes.incomplete.disagreements', { numbers: numbers(empty) }) : undefined;
  }
  if (section === 'sharing') {
    const sharing = value as SectionValues['sharing'];
    const withheld = !sharing.withFamily || !sharing.withChild;
    return withheld && (sharing.withheldReason ?? '').trim() === '' ? t('minutes.incomplete.sharing') : undefined;
  }
  if (section === 'otherAttendees') {
    const unnamed = (value as OtherAttendee[]).flatMap((attendee, index) => (attendee.name.trim() === '' || attendee.relationship.trim() === '' ? [index] : []));
    return unnamed.length > 0 ? t('minutes.incomplete.otherAttendees', { numbers: numbers(unnamed) }) : undefined;
  }
  if (section === 'agencyUpdates') {
    const unnamed = (value as AgencyUpdate[]).flatMap((update, index) => (update.agency.trim() === '' ? [index] : []));
    return unnamed.length > 0 ? t('minutes.incomplete.agencyUpdates', { numbers: numbers(unnamed) }) : undefined;
  }
  if (section === 'writtenReports') {
    const unowned = (value as WrittenReport[]).flatMap((report, index) => (report.memberId === '' ? [index] : []));
    return unowned.length > 0 ? t('minutes.incomplete.writtenReports', { numbers: numbers(unowned) }) : undefined;
  }
  if (section === 'childSeen') {
    const date = (value as SectionValues['childSeen']).lastSeenOn;
    return date !== null && !isCivilDate(date) ? t('minutes.incomplete.childSeen') : undefined;
  }
  if (section === 'reviewRecommendation') {
    const recommendation = value as SectionValues['reviewRecommendation'];
    return recommendation.outcome !== null && recommendation.reasons.trim() === '' ? t('minutes.incomplete.reviewRecommendation') : undefined;
  }
  if (section === 'nextMeetingDate') {
    const date = value as string | null;
    return date !== null && !isCivilDate(date) ? t('minutes.incomplete.nextMeetingDate') : undefined;
  }
  return undefined;
}

export interface Names {
  member(id: string): string;
  action(id: string): string;
}

/**
 * A section's value as lines of plain text: how the conflict view shows "theirs" and "yours" side
 * by side, whatever the section's shape, and how the minutes read as a document.
 */
export function describeSection<S extends SectionName>(section: S, value: SectionValues[S], names: Names, t: TabTranslate, language: TabLanguage): string[] {
  const orNone = (lines: string[]) => (lines.length > 0 ? lines : [t('minutes.describe.nothing')]);
  const text = (line: string) => (line.trim() === '' ? t('minutes.describe.empty') : isolatedUserText(line));
  const yesNo = (answer: string) => t(`minutesLabels.yesNo.${answer}`);
  switch (section) {
    case 'attendance':
      return orNone(
        (value as AttendanceEntry[]).map((entry) => {
          const attendance = t(`minutesLabels.attendance.${entry.attendance}`, { defaultValue: entry.attendance });
          return entry.attendance === 'representative-sent' && entry.representativeName
            ? t('minutes.describe.attendanceRepresentative', { name: names.member(entry.memberId), attendance, representative: isolatedUserText(entry.representativeName) })
            : t('minutes.describe.attendance', { name: names.member(entry.memberId), attendance });
        }),
      );
    case 'allAgenciesPresent': {
      const answer = value as SectionValues['allAgenciesPresent'];
      return [answer.discussed ? t('minutes.describe.discussed') : t('minutes.describe.notDiscussed'), ...(answer.note.trim() ? [isolatedUserText(answer.note)] : [])];
    }
    case 'otherAttendees':
      return orNone(
        (value as OtherAttendee[]).map((attendee) =>
          attendee.organisation.trim()
            ? t('minutes.describe.otherAttendeeOrganisation', { name: text(attendee.name), relationship: text(attendee.relationship), organisation: isolatedUserText(attendee.organisation) })
            : t('minutes.describe.otherAttendee', { name: text(attendee.name), relationship: text(attendee.relationship) }),
        ),
      );
    case 'agencyUpdates':
      return orNone((value as AgencyUpdate[]).map((update) => t('minutes.describe.labelled', { label: text(update.agency), text: text(update.update) })));
    case 'writtenReports':
      return orNone((value as WrittenReport[]).map((report) => t('minutes.describe.labelled', { label: report.memberId ? names.member(report.memberId) : t('minutes.describe.nobodyChosen'), text: text(report.summary) })));
    case 'childSeen': {
      const seen = value as SectionValues['childSeen'];
      const date = seen.lastSeenOn && isCivilDate(seen.lastSeenOn) ? formatDateIn(language, seen.lastSeenOn) : t('minutes.describe.noDate');
      return [
        t('minutes.describe.seen', { answer: yesNo(seen.seen) }),
        t('minutes.describe.seenAlone', { answer: yesNo(seen.seenAlone) }),
        seen.seenBy.trim() ? t('minutes.describe.lastSeenBy', { date, by: isolatedUserText(seen.seenBy) }) : t('minutes.describe.lastSeen', { date }),
        ...(seen.note.trim() ? [isolatedUserText(seen.note)] : []),
      ];
    }
    case 'reviewRecommendation': {
      const recommendation = value as SectionValues['reviewRecommendation'];
      return [recommendation.outcome ? t(`minutesLabels.recommendation.${recommendation.outcome}`) : t('minutes.describe.notAgreed'), ...(recommendation.reasons.trim() ? [isolatedUserText(recommendation.reasons)] : [])];
    }
    case 'actionUpdates':
      return orNone((value as ActionUpdate[]).map((update) => t('minutes.describe.labelled', { label: names.action(update.actionId), text: text(update.update) })));
    case 'signsOfSafety': {
      const sos = value as SignsOfSafety;
      return [
        t('minutes.describe.worries', { text: text(sos.worries) }),
        t('minutes.describe.workingWell', { text: text(sos.workingWell) }),
        t('minutes.describe.needsToHappen', { text: text(sos.needsToHappen) }),
        ...sos.scaling.map((score) => t('minutes.describe.scaling', { name: names.member(score.memberId), score: score.score })),
      ];
    }
    case 'decisions':
      return orNone((value as string[]).map((decision, index) => t('minutes.describe.numbered', { number: index + 1, text: text(decision) })));
    case 'newActions':
      return orNone(
        (value as NewAction[]).map((action, index) => {
          const owner = action.ownerMemberId ? names.member(action.ownerMemberId) : t('minutes.describe.noOwner');
          const due = isCivilDate(action.due) ? t('minutes.describe.dueBy', { date: formatDateIn(language, action.due) }) : t('minutes.describe.noDueDate');
          const line = { number: index + 1, what: text(action.what), owner, due };
          return action.progressMeasure.trim() ? t('minutes.describe.newActionMeasure', { ...line, measure: isolatedUserText(action.progressMeasure) }) : t('minutes.describe.newAction', line);
        }),
      );
    case 'disagreements':
      return orNone((value as Disagreement[]).map((item, index) => t(item.significant ? 'minutes.describe.significant' : 'minutes.describe.numbered', { number: index + 1, text: text(item.text) })));
    case 'nextMeetingDate': {
      const date = value as string | null;
      return [date ? formatDateIn(language, date) : t('minutes.describe.noDate')];
    }
    case 'sharing': {
      const sharing = value as SectionValues['sharing'];
      return [
        t(sharing.withFamily ? 'minutes.describe.shareFamily.yes' : 'minutes.describe.shareFamily.no'),
        t(sharing.withChild ? 'minutes.describe.shareChild.yes' : 'minutes.describe.shareChild.no'),
        ...(sharing.withheldReason ? [t('minutes.describe.withheld', { reason: isolatedUserText(sharing.withheldReason) })] : []),
      ];
    }
    default:
      return [text(value as string)];
  }
}
