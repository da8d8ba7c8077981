import type { Words } from '../../src/i18n/words';
import type { InstitutionTaskMessage } from '../../src/services/ports/notifier.port';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';

/** To a co-ordinator, 1:1, in their language: the letter to write to the head of an institution (seed 001), and where to mark it done. */
export function institutionTaskCard({ t }: Words, message: InstitutionTaskMessage): object {
  return adaptiveCard([
    heading(t('institutionTaskCard.heading', { caseReference: escapeCardText(message.caseReference) })),
    line(t(`institutionTaskCard.task.${message.task.kind}`, { institution: escapeCardText(message.task.institution), person: escapeCardText(message.task.person) })),
    line(t('institutionTaskCard.done'), { isSubtle: true }),
  ]);
}
