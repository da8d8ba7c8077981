import type { InstitutionTaskMessage } from '../../src/services/ports/notifier.port';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';

/** To a co-ordinator, 1:1: the letter to write to the head of an institution (seed 001), and where to mark it done. */
export function institutionTaskCard(message: InstitutionTaskMessage): object {
  return adaptiveCard([
    heading(`A letter to write — case ${escapeCardText(message.caseReference)}`),
    line(escapeCardText(message.task)),
    line('Once it has gone, mark the task done with the date it went on the Core Group dashboard.', { isSubtle: true }),
  ]);
}
