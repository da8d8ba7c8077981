import { AGENDA_VIEW_VERB, type AgendaAction, MARK_PRESENT_VERB } from '../../src/contracts/card-actions.contract';
import { type Language, languagesOfDocument } from '../../src/i18n/language';
import { type Words, wordsIn } from '../../src/i18n/words';
import { type AgendaView, MAX_PERSONAL_VIEWS, type MinutesReturnedMessage, type PersonalAgendaView, type SignOffReminderMessage } from '../../src/services/ports/notifier.port';
import { adaptiveCard, executeAction, heading, line } from './card';
import { escapeCardText } from './escape';

/** The meeting order of the agreed minutes template (seeds 002/004): the catalogue's `agenda.items.1` to `.8`. */
const AGENDA_ITEMS = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;

function when({ dates }: Words, view: AgendaView): string {
  const starts = view.startsAt ? Date.parse(view.startsAt) : Number.NaN;
  const ends = view.endsAt ? Date.parse(view.endsAt) : Number.NaN;
  return Number.isFinite(starts) && Number.isFinite(ends) ? dates.timeSpan(starts, ends) : dates.date(view.date);
}

/** Where a meeting is held, in the reader's language (the venue escaped): the agenda's words, and the booking card's. */
export function placeIn({ t }: Words, place: AgendaView['place']): string {
  if (!place || place.mode === 'online') return t('agenda.place.online');
  return t(`agenda.place.${place.mode}`, { venue: escapeCardText(place.venue ?? '') });
}

/** The card's parts in one language: its heading, when, where, the agenda and what to do. */
function agendaPart(words: Words, view: AgendaView, subtle: boolean): object[] {
  const { t } = words;
  const look = subtle ? { isSubtle: true } : {};
  return [
    subtle ? line(t(view.started ? 'agenda.headingStarted' : 'agenda.heading'), { weight: 'Bolder', separator: true }) : heading(t(view.started ? 'agenda.headingStarted' : 'agenda.heading')),
    line(when(words, view), { isSubtle: true, spacing: 'None' }),
    line(t('agenda.where', { place: placeIn(words, view.place) }), { spacing: 'None', ...look }),
    { type: 'TextBlock', text: AGENDA_ITEMS.map((item) => t('agenda.item', { number: item, text: t(`agenda.items.${item}`) })).join('\n'), wrap: true, ...look },
    line(t(view.started ? 'agenda.pressHere' : 'agenda.cannotAttend'), { isSubtle: true }),
  ];
}

/** A button's title in each of the card's languages. */
const titled = (parts: readonly Words[], key: string) => parts.map(({ t }) => t(key)).join(' / ');

/**
 * The agenda in the meeting chat, in the group's document language (both: the Welsh first, then
 * the English), or in `viewer`'s when it is one member's own view. Everyone there (guests and
 * parents included) sees only times, headings and the minutes link; once the meeting has started
 * it asks who is here. `refreshFor` names the members (Teams user ids) whose client fetches their
 * own view of the card; without it (the card as someone outside the group gets it back) the card
 * neither refreshes nor names them.
 */
export function agendaCard(view: AgendaView, options: { minutesUrl: string; refreshFor?: readonly string[] | undefined; viewer?: Language | undefined }): object {
  const data: AgendaAction = { meetingId: view.meetingId, started: view.started };
  const parts = (options.viewer ? [options.viewer] : languagesOfDocument(view.language ?? 'en')).map(wordsIn);
  const card = adaptiveCard(
    parts.flatMap((words, index) => agendaPart(words, view, index > 0)),
    [
      ...(view.started ? [executeAction(MARK_PRESENT_VERB, titled(parts, 'agenda.imHere'), data)] : []),
      { type: 'Action.OpenUrl', title: titled(parts, 'agenda.openMinutes'), url: options.minutesUrl },
    ],
  );
  if (!options.refreshFor) return card;
  return { ...card, refresh: { action: { type: 'Action.Execute', verb: AGENDA_VIEW_VERB, title: titled(parts, 'agenda.showMyView'), data }, userIds: options.refreshFor.slice(0, MAX_PERSONAL_VIEWS) } };
}

/** The same card as one verified member sees it, in their own language: their attendance and their own open actions. */
export function personalAgendaCard(view: PersonalAgendaView, options: { minutesUrl: string; refreshFor: readonly string[]; viewer: Language }): object {
  const shared = agendaCard(view, options) as { body: object[]; actions?: object[] };
  const { t, dates } = wordsIn(options.viewer);
  const actionLine = (action: PersonalAgendaView['myActions'][number]) => {
    const said = { what: escapeCardText(action.what), date: dates.date(action.due) };
    return action.lastCheckIn ? t('agenda.actionLine', { ...said, status: t(`agenda.checkIn.${action.lastCheckIn}`) }) : t('agenda.actionLineNoCheckIn', said);
  };
  const mine = [
    line(t('agenda.onlyYou'), { weight: 'Bolder', separator: true }),
    line(t('agenda.yourAttendance', { attendance: t(`agenda.attendance.${view.attendance}`) }), { spacing: 'None' }),
    ...(view.myActions.length === 0 ? [line(t('agenda.noActions'), { isSubtle: true, spacing: 'None' })] : view.myActions.map((action) => line(actionLine(action), { spacing: 'None' }))),
  ];
  const actions = view.attendance === 'present' ? (shared.actions ?? []).filter((action) => (action as { verb?: string }).verb !== MARK_PRESENT_VERB) : shared.actions;
  return { ...shared, body: [...shared.body, ...mine], ...(actions ? { actions } : {}) };
}

/** 1:1 to the chair and the minute-taker when the meeting ends. */
/** To the chair, 1:1: the team manager sent the signed minutes back. The comments stay in the minutes tab (they may name the family). */
export function minutesReturnedCard({ t, dates }: Words, options: Omit<MinutesReturnedMessage, 'kind' | 'chatId'> & { minutesUrl: string | undefined }): object {
  return adaptiveCard(
    [
      heading(t('readyCards.returnedHeading')),
      line(t('readyCards.returned', { caseReference: escapeCardText(options.caseReference), date: dates.date(options.meetingDate), by: escapeCardText(options.returnedBy) })),
      line(t('readyCards.returnedWhat'), { isSubtle: true }),
    ],
    options.minutesUrl ? [{ type: 'Action.OpenUrl', title: t('readyCards.openMinutes'), url: options.minutesUrl }] : [],
  );
}

export function signOffReminderCard({ t, dates }: Words, options: Omit<SignOffReminderMessage, 'kind' | 'chatId'> & { minutesUrl: string }): object {
  const said = { caseReference: escapeCardText(options.caseReference), date: dates.date(options.meetingDate) };
  return adaptiveCard(
    [
      heading(t('readyCards.endedHeading')),
      line(t(options.meetingRole === 'chair' ? 'readyCards.endedChair' : 'readyCards.endedMinuteTaker', said)),
      line(t('readyCards.reachBy', { date: dates.date(options.circulationDue) })),
    ],
    [{ type: 'Action.OpenUrl', title: t('readyCards.openMinutes'), url: options.minutesUrl }],
  );
}
