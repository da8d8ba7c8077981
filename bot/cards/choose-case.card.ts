import { CHOOSE_CASE_VERB, type CaseCommandVerb, type ChooseCaseAction } from '../../src/contracts/card-actions.contract';
import type { ObligationStatus } from '../../src/domain/obligations';
import type { CaseToChoose } from '../../src/services/case-status.service';
import { adaptiveCard, executeAction, heading, line } from './card';
import { escapeCardText } from './escape';

const STATUS: Record<ObligationStatus, string> = { met: 'met', due: 'due', 'at-risk': 'at risk', overdue: 'overdue' };

const nextDeadlineOf = (option: CaseToChoose) =>
  option.nextDeadline ? `Next: ${escapeCardText(option.nextDeadline.rule)} — ${option.nextDeadline.due.toString()} (${STATUS[option.nextDeadline.status]})` : undefined;

/**
 * The caller's cases to choose from for a command (1:1 only): each case reference, its next
 * deadline when their role sees deadlines, and a button that runs the command for that case.
 * `title`: "Which case?" for a bare command, "Did you mean …" for a typo.
 */
export function chooseCaseCard(options: { command: CaseCommandVerb; title: string; cases: readonly CaseToChoose[] }): object {
  return adaptiveCard([
    heading(options.title),
    ...options.cases.map((option) => {
      const data: ChooseCaseAction = { command: options.command, coreGroupId: option.id };
      const next = nextDeadlineOf(option);
      const title = `${options.command} ${option.caseReference}`;
      return {
        type: 'ColumnSet',
        separator: true,
        columns: [
          { type: 'Column', width: 'stretch', items: [line(`Case ${escapeCardText(option.caseReference)}`, { weight: 'Bolder' }), ...(next ? [line(next, { isSubtle: true, spacing: 'None' })] : [])] },
          { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [{ type: 'ActionSet', actions: [executeAction(CHOOSE_CASE_VERB, title, data)] }] },
        ],
      };
    }),
  ]);
}
