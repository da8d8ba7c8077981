import type { SignalMessage } from '../../src/services/ports/notifier.port';
import type { Words } from '../../src/i18n/words';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';

/** What the signal is about, already worded from current data by the sender (user text escaped here). */
export type SignalNotice = Omit<SignalMessage, 'kind'>;

function detail({ t }: Words, notice: SignalNotice): string {
  const said = { subject: notice.subject ? escapeCardText(notice.subject) : t('signal.anAction'), person: notice.person ? escapeCardText(notice.person) : t('signal.aMember'), count: notice.measure };
  switch (notice.signal) {
    case 'action-overdue':
      return t('signal.overdue', said);
    case 'action-silent':
      return t('signal.silent', said);
    case 'member-absent':
      return t('signal.absent', said);
    case 'deadline-missed':
      return t('signal.late', said);
  }
}

/** A drift or attendance signal, 1:1 to someone the escalation route names, in their words. */
export function signalCard(words: Words, notice: SignalNotice): object {
  const { t } = words;
  return adaptiveCard([
    heading(t(`signal.heading.${notice.signal}`, { caseReference: escapeCardText(notice.caseReference) })),
    line(detail(words, notice)),
    line(t('signal.whatNext', { whatNext: escapeCardText(notice.whatNext) }), { isSubtle: true }),
    line(t('signal.more'), { isSubtle: true }),
  ]);
}
