import type { CivilDate } from '../../src/domain/civil-date';
import type { ObligationStatus } from '../../src/domain/obligations';
import type { FamilyVersionReadyMessage, MinutesReadyMessage } from '../../src/services/ports/notifier.port';
import type { BookedSeries } from '../../src/services/scheduling.service';
import type { Words } from '../../src/i18n/words';
import { seriesSection } from './booked-series.card';
import { adaptiveCard, heading, line } from './card';
import { deadlineStatus } from '../../src/services/deadline-words';
import { escapeCardText } from './escape';

interface MeetingMinutes {
  readonly date: CivilDate;
  readonly drafted: boolean;
  readonly chairSigned: boolean;
  readonly managerSigned: boolean;
  /** Members this version reached; for an amended version not sent yet, the earlier version that was. */
  readonly sent: { readonly thisVersion: number; readonly earlier?: { readonly version: number; readonly members: number } | undefined };
  readonly amended: boolean;
  readonly circulation?: { readonly due: CivilDate; readonly status: ObligationStatus; readonly daysLate: number } | undefined;
}

/** Who the minutes reached, from the deliveries recorded: an amended version not sent yet says so, and how far the earlier one went. */
function sentText({ t }: Words, meeting: MeetingMinutes): string {
  const { thisVersion, earlier } = meeting.sent;
  if (thisVersion === 0 && earlier) return t('minutesCard.amendedNotSent', { version: earlier.version, members: t('minutesCard.members', { count: earlier.members }) });
  return t('minutesCard.members', { count: thisVersion });
}

/** The circulation deadline; met by an earlier version, an amendment still to go out says so. */
function circulationText(words: Words, meeting: MeetingMinutes, circulation: NonNullable<MeetingMinutes['circulation']>): string {
  const { t, dates } = words;
  const standing = circulation.status === 'overdue' ? t('minutesCard.overdueBy', { days: circulation.daysLate }) : deadlineStatus(words, circulation.status);
  const amendmentToGo = meeting.amended && meeting.sent.thisVersion === 0;
  return t(amendmentToGo ? 'minutesCard.circulateByAmendmentToGo' : 'minutesCard.circulateByStanding', { date: dates.date(circulation.due), standing });
}

const facts = (words: Words, meeting: MeetingMinutes) => {
  const { t, dates } = words;
  const mark = (signed: boolean) => (signed ? '✔' : '—');
  return {
    type: 'FactSet',
    facts: [
      { title: t('minutesCard.fact.meeting'), value: dates.date(meeting.date) },
      { title: t('minutesCard.fact.minutes'), value: meeting.drafted ? t('minutesCard.drafted') : t('minutesCard.notStarted') },
      { title: t('minutesCard.fact.signed'), value: t('minutesCard.signed', { chair: mark(meeting.chairSigned), manager: mark(meeting.managerSigned) }) },
      { title: t('minutesCard.fact.sentTo'), value: sentText(words, meeting) },
      ...(meeting.circulation ? [{ title: t('minutesCard.fact.circulateBy'), value: circulationText(words, meeting, meeting.circulation) }] : []),
    ],
  };
};

/** Where the minutes of the last and next meeting stand, and the booked series (1:1), in the reader's language. */
export function minutesCard(words: Words, options: { caseReference: string; last?: MeetingMinutes | undefined; next?: MeetingMinutes | undefined; booked?: BookedSeries | undefined; teamsAppId: string }): object {
  const { t } = words;
  return adaptiveCard([
    heading(t('minutesCard.title', { caseReference: escapeCardText(options.caseReference) })),
    line(t('minutesCard.lastMeeting'), { weight: 'Bolder' }),
    options.last ? facts(words, options.last) : line(t('minutesCard.noneHeld'), { isSubtle: true }),
    line(t('minutesCard.nextMeeting'), { weight: 'Bolder', separator: true }),
    ...(options.next ? [facts(words, options.next)] : []),
    ...(options.booked ? seriesSection(words, options.booked, options.teamsAppId) : []),
    ...(options.next || options.booked ? [] : [line(t('minutesCard.noneBooked'), { isSubtle: true })]),
  ]);
}

/** 1:1 to a member when signed minutes are circulated: where to read them; no content in the message itself. */
export function minutesReadyCard({ t, dates }: Words, options: Omit<MinutesReadyMessage, 'kind' | 'chatId'> & { minutesUrl?: string | undefined }): object {
  return adaptiveCard(
    [heading(t('readyCards.minutesHeading')), line(t('readyCards.minutes', { date: dates.date(options.meetingDate), caseReference: escapeCardText(options.caseReference) }))],
    options.minutesUrl ? [{ type: 'Action.OpenUrl', title: t('readyCards.readMinutes'), url: options.minutesUrl }] : undefined,
  );
}

/** 1:1 to a family member or the child when the family version is sent: that it is ready and where to read it — no content, no child's name. */
export function familyVersionReadyCard({ t, dates }: Words, options: Omit<FamilyVersionReadyMessage, 'kind' | 'chatId'> & { readUrl?: string | undefined }): object {
  return adaptiveCard(
    [heading(t('readyCards.notesHeading')), line(t('readyCards.notes', { date: dates.date(options.meetingDate) }))],
    options.readUrl ? [{ type: 'Action.OpenUrl', title: t('readyCards.readNotes'), url: options.readUrl }] : undefined,
  );
}
