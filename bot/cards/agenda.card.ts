import { AGENDA_VIEW_VERB, type AgendaAction, MARK_PRESENT_VERB } from '../../src/contracts/card-actions.contract';
import { placeWords } from '../../src/domain/meeting';
import type { Attendance } from '../../src/domain/minutes';
import type { CheckInStatus } from '../../src/domain/plan';
import { type AgendaView, MAX_PERSONAL_VIEWS, type MinutesReturnedMessage, type PersonalAgendaView, type SignOffReminderMessage } from '../../src/services/ports/notifier.port';
import { adaptiveCard, executeAction, heading, line } from './card';
import { escapeCardText } from './escape';
import { slotLabel } from './schedule.card';
import { ukDate } from '../../src/domain/uk-date';

/** The meeting order of the agreed minutes template (seeds 002/004). */
const AGENDA_ITEMS = [
  'Attendance, apologies and representatives; are all the agencies that should be here, here?',
  'Progress on each plan action, from its owner’s check-in',
  'The child’s voice: what the child has said and how they are',
  'Signs of Safety: worries, what is working well, what needs to happen, scaling',
  'Decisions and new actions (owner and due date)',
  'Disagreements to escalate',
  'Contingency plan review',
  'Date of the next core group meeting',
];

const ATTENDANCE_TEXT: Record<Attendance, string> = {
  invited: 'not yet recorded',
  present: 'present',
  apologies: 'apologies sent',
  'representative-sent': 'representative sent',
  'written-report': 'written report received',
  absent: 'absent',
};
const CHECK_IN_TEXT: Record<CheckInStatus, string> = { 'on-track': 'on track', 'at-risk': 'at risk', blocked: 'blocked', done: 'done' };

function when(view: AgendaView): string {
  const starts = view.startsAt ? Date.parse(view.startsAt) : Number.NaN;
  const ends = view.endsAt ? Date.parse(view.endsAt) : Number.NaN;
  return Number.isFinite(starts) && Number.isFinite(ends) ? slotLabel(starts, ends) : ukDate(view.date);
}

/**
 * The agenda in the meeting chat. Everyone there (guests and parents included) sees only times,
 * headings and the minutes link; once the meeting has started it asks who is here. `refreshFor`
 * names the members (Teams user ids) whose client fetches their own view of the card; without it
 * (the card as someone outside the group gets it back) the card neither refreshes nor names them.
 */
export function agendaCard(view: AgendaView, options: { minutesUrl: string; refreshFor?: readonly string[] | undefined }): object {
  const data: AgendaAction = { meetingId: view.meetingId, started: view.started };
  const card = adaptiveCard(
    [
      heading(view.started ? 'Core group meeting: the draft minutes are open' : 'Core group meeting: agenda'),
      line(when(view), { isSubtle: true, spacing: 'None' }),
      line(`Where: ${escapeCardText(placeWords(view.place))}`, { spacing: 'None' }),
      { type: 'TextBlock', text: AGENDA_ITEMS.map((item, index) => `${index + 1}. ${item}`).join('\n'), wrap: true },
      line(view.started ? 'Press **I’m here** so the minutes record you as present. Add notes with /coregroup note, decision or action.' : 'If you cannot attend, send a representative or a written report before the meeting.', { isSubtle: true }),
    ],
    [
      ...(view.started ? [executeAction(MARK_PRESENT_VERB, 'I’m here', data)] : []),
      { type: 'Action.OpenUrl', title: 'Open the minutes', url: options.minutesUrl },
    ],
  );
  if (!options.refreshFor) return card;
  return { ...card, refresh: { action: { type: 'Action.Execute', verb: AGENDA_VIEW_VERB, title: 'Show my view', data }, userIds: options.refreshFor.slice(0, MAX_PERSONAL_VIEWS) } };
}

/** The same card as one verified member sees it: their attendance and their own open actions. */
export function personalAgendaCard(view: PersonalAgendaView, options: { minutesUrl: string; refreshFor: readonly string[] }): object {
  const shared = agendaCard(view, options) as { body: object[]; actions?: object[] };
  const mine = [
    line('Only you see this part', { weight: 'Bolder', separator: true }),
    line(`Your attendance: ${ATTENDANCE_TEXT[view.attendance]}`, { spacing: 'None' }),
    ...(view.myActions.length === 0
      ? [line('You have no open actions on this plan.', { isSubtle: true, spacing: 'None' })]
      : view.myActions.map((action) => line(`• ${escapeCardText(action.what)} — due ${ukDate(action.due)}, ${action.lastCheckIn ? `last check-in ${CHECK_IN_TEXT[action.lastCheckIn]}` : 'no check-in yet'}`, { spacing: 'None' }))),
  ];
  const actions = view.attendance === 'present' ? (shared.actions ?? []).filter((action) => (action as { verb?: string }).verb !== MARK_PRESENT_VERB) : shared.actions;
  return { ...shared, body: [...shared.body, ...mine], ...(actions ? { actions } : {}) };
}

/** 1:1 to the chair and the minute-taker when the meeting ends. */
/** To the chair, 1:1: the team manager sent the signed minutes back. The comments stay in the minutes tab (they may name the family). */
export function minutesReturnedCard(options: Omit<MinutesReturnedMessage, 'kind' | 'chatId'> & { minutesUrl: string | undefined }): object {
  return adaptiveCard(
    [
      heading('Minutes sent back to you'),
      line(`Case ${escapeCardText(options.caseReference)}, meeting of ${ukDate(options.meetingDate)}: ${escapeCardText(options.returnedBy)} sent the minutes back with comments instead of signing them.`),
      line('Read the comments in the minutes tab, make the changes, then sign again; the team manager signs after you.', { isSubtle: true }),
    ],
    options.minutesUrl ? [{ type: 'Action.OpenUrl', title: 'Open the minutes', url: options.minutesUrl }] : [],
  );
}

export function signOffReminderCard(options: Omit<SignOffReminderMessage, 'kind' | 'chatId'> & { minutesUrl: string }): object {
  const task = options.meetingRole === 'chair' ? 'check the draft, accept or drop the chat contributions, and sign the minutes off; the team manager signs after you' : 'finish the draft so the chair can sign it off';
  return adaptiveCard(
    [
      heading('The core group meeting has ended'),
      line(`Case ${escapeCardText(options.caseReference)}, meeting of ${ukDate(options.meetingDate)}: please ${task}.`),
      line(`The minutes must reach every member, present or absent, by **${ukDate(options.circulationDue)}**.`),
    ],
    [{ type: 'Action.OpenUrl', title: 'Open the minutes', url: options.minutesUrl }],
  );
}
