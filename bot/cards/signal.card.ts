import type { SignalKind } from '../../src/domain/signals';
import type { SignalMessage } from '../../src/services/ports/notifier.port';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';

const HEADINGS: Record<SignalKind, string> = {
  'action-overdue': 'Drift: an action is overdue',
  'action-silent': 'Drift: an action has gone quiet',
  'member-absent': 'Attendance: a member keeps missing meetings',
  'deadline-missed': 'Drift: a statutory deadline was missed',
};

/** What the signal is about, already worded from current data by the sender (user text escaped here). */
export type SignalNotice = Omit<SignalMessage, 'kind'>;

function detail(notice: SignalNotice): string {
  const subject = escapeCardText(notice.subject ?? 'an action');
  const person = escapeCardText(notice.person ?? 'a member');
  switch (notice.signal) {
    case 'action-overdue':
      return `“${subject}”, owned by ${person}, is ${notice.measure} day${notice.measure === 1 ? '' : 's'} past its due date.`;
    case 'action-silent':
      return `No check-in for ${notice.measure} days on “${subject}”, owned by ${person}.`;
    case 'member-absent':
      return `${person} has missed ${notice.measure} meetings in a row without sending a representative or a written report.`;
    case 'deadline-missed':
      return `${subject}: ${notice.measure} working day${notice.measure === 1 ? '' : 's'} late.`;
  }
}

/** A drift or attendance signal, 1:1 to someone the escalation route names. */
export function signalCard(notice: SignalNotice): object {
  return adaptiveCard([
    heading(`${HEADINGS[notice.signal]} — case ${escapeCardText(notice.caseReference)}`),
    line(detail(notice)),
    line(`What the procedure asks of you: ${escapeCardText(notice.whatNext)}.`, { isSubtle: true }),
    line('Type /coregroup status for the whole picture, or /coregroup escalate to raise it formally.', { isSubtle: true }),
  ]);
}
