import type { CivilDate } from '../../src/domain/civil-date';
import type { ObligationStatus } from '../../src/domain/obligations';
import type { FamilyVersionReadyMessage, MinutesReadyMessage } from '../../src/services/ports/notifier.port';
import type { BookedSeries } from '../../src/services/scheduling.service';
import { seriesSection } from './booked-series.card';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';
import { ukDate } from '../../src/domain/uk-date';

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

const members = (count: number) => `${count} member${count === 1 ? '' : 's'}`;

/** Who the minutes reached, from the deliveries recorded: an amended version not sent yet says so, and how far the earlier one went. */
function sentText(meeting: MeetingMinutes): string {
  const { thisVersion, earlier } = meeting.sent;
  if (thisVersion === 0 && earlier) return `the amended minutes: nobody yet (version ${earlier.version} went to ${members(earlier.members)})`;
  return members(thisVersion);
}

/** The circulation deadline; met by an earlier version, an amendment still to go out says so. */
function circulationText(meeting: MeetingMinutes, circulation: NonNullable<MeetingMinutes['circulation']>): string {
  const standing = circulation.status === 'overdue' ? `overdue by ${circulation.daysLate} days` : circulation.status.replace('-', ' ');
  const amendmentToGo = meeting.amended && meeting.sent.thisVersion === 0 ? '; the amended version is still to be circulated' : '';
  return `${ukDate(circulation.due)} (${standing}${amendmentToGo})`;
}

const facts = (meeting: MeetingMinutes) => ({
  type: 'FactSet',
  facts: [
    { title: 'Meeting', value: ukDate(meeting.date) },
    { title: 'Minutes', value: meeting.drafted ? 'drafted in the meeting tab' : 'not started: the chair or minute-taker writes them in the Core Group tab of the meeting' },
    { title: 'Signed', value: `chair ${meeting.chairSigned ? '✔' : '—'} · team manager ${meeting.managerSigned ? '✔' : '—'}` },
    { title: 'Sent to', value: sentText(meeting) },
    ...(meeting.circulation ? [{ title: 'Circulate by', value: circulationText(meeting, meeting.circulation) }] : []),
  ],
});

/** Where the minutes of the last and next meeting stand, and the booked series (1:1). */
export function minutesCard(options: { caseReference: string; last?: MeetingMinutes | undefined; next?: MeetingMinutes | undefined; booked?: BookedSeries | undefined; teamsAppId: string }): object {
  return adaptiveCard([
    heading(`Minutes — case ${escapeCardText(options.caseReference)}`),
    line('Last meeting', { weight: 'Bolder' }),
    options.last ? facts(options.last) : line('No core group has been held yet.', { isSubtle: true }),
    line('Next meeting', { weight: 'Bolder', separator: true }),
    ...(options.next ? [facts(options.next)] : []),
    ...(options.booked ? seriesSection(options.booked, options.teamsAppId) : []),
    ...(options.next || options.booked ? [] : [line('No core group is booked. Type /coregroup schedule.', { isSubtle: true })]),
  ]);
}

/** 1:1 to a member when signed minutes are circulated: where to read them; no content in the message itself. */
export function minutesReadyCard(options: Omit<MinutesReadyMessage, 'kind' | 'chatId'> & { minutesUrl?: string | undefined }): object {
  return adaptiveCard(
    [heading('Core group minutes are ready'), line(`The signed minutes of the core group meeting of ${ukDate(options.meetingDate)} for case ${escapeCardText(options.caseReference)} have been circulated to you.`)],
    options.minutesUrl ? [{ type: 'Action.OpenUrl', title: 'Read the minutes', url: options.minutesUrl }] : undefined,
  );
}

/** 1:1 to a family member or the child when the family version is sent: that it is ready and where to read it — no content, no child's name. */
export function familyVersionReadyCard(options: Omit<FamilyVersionReadyMessage, 'kind' | 'chatId'> & { readUrl?: string | undefined }): object {
  return adaptiveCard(
    [heading('Notes of the core group meeting'), line(`The notes of the core group meeting of ${ukDate(options.meetingDate)}, written for you, are ready. If anything in them is unclear, ask your social worker.`)],
    options.readUrl ? [{ type: 'Action.OpenUrl', title: 'Read the notes', url: options.readUrl }] : undefined,
  );
}
