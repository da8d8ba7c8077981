import { CHOOSE_CASE_VERB, type CaseCommandVerb, type ChooseCaseAction } from '../../src/contracts/card-actions.contract';
import type { Words } from '../../src/i18n/words';
import type { CaseToChoose } from '../../src/services/case-status.service';
import { adaptiveCard, executeAction, heading, line } from './card';
import { deadlineRule, deadlineStatus } from '../../src/services/deadline-words';
import { escapeCardText } from './escape';

const nextDeadlineOf = (words: Words, option: CaseToChoose) =>
  option.nextDeadline
    ? words.t('caseCard.next', { rule: escapeCardText(deadlineRule(words, option.nextDeadline)), date: option.nextDeadline.due.toString(), status: deadlineStatus(words, option.nextDeadline.status) })
    : undefined;

/**
 * The caller's cases to choose from for a command (1:1 only), in their language: each case
 * reference, its next deadline when their role sees deadlines, and a button that runs the command
 * for that case (named by the command as typed). `title`: "Which case?" for a bare command, "Did
 * you mean …" for a typo.
 */
export function chooseCaseCard(words: Words, options: { command: CaseCommandVerb; title: string; cases: readonly CaseToChoose[] }): object {
  return adaptiveCard([
    heading(options.title),
    ...options.cases.map((option) => {
      const data: ChooseCaseAction = { command: options.command, coreGroupId: option.id };
      const next = nextDeadlineOf(words, option);
      const title = `${options.command} ${option.caseReference}`;
      return {
        type: 'ColumnSet',
        separator: true,
        columns: [
          { type: 'Column', width: 'stretch', items: [line(words.t('caseCard.case', { caseReference: escapeCardText(option.caseReference) }), { weight: 'Bolder' }), ...(next ? [line(next, { isSubtle: true, spacing: 'None' })] : [])] },
          { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [{ type: 'ActionSet', actions: [executeAction(CHOOSE_CASE_VERB, title, data)] }] },
        ],
      };
    }),
  ]);
}
