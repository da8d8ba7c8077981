import { CHECK_IN_NOTE_LIMIT, CHECK_IN_VERB, type CheckInAction, type SubmittedCardAction, checkInNoteInputId } from '../../src/contracts/card-actions.contract';
import type { CheckIn, CheckInStatus } from '../../src/domain/plan';
import type { ActionToCheckIn } from '../../src/services/ports/notifier.port';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';
import { ukDate } from '../../src/domain/uk-date';

const BUTTONS: readonly [CheckInStatus, string][] = [
  ['on-track', 'On track'],
  ['at-risk', 'At risk'],
  ['blocked', 'Blocked'],
  ['done', 'Done'],
];

const STATUS_TEXT: Record<CheckInStatus, string> = { 'on-track': 'on track', 'at-risk': 'at risk', blocked: 'blocked', done: 'done' };

export interface TaskItem extends ActionToCheckIn {
  /** Set once the member has answered this prompt: the buttons go, the answer shows. */
  readonly answered?: CheckIn | undefined;
}

/**
 * The member's own actions, each with check-in buttons (`Action.Execute`, with an `Action.Submit`
 * fallback) and a note (needed for Blocked). `promptId` identifies this card: answering it twice
 * records one check-in. `refusal`: why the last answer was not recorded, shown above the actions.
 */
export function tasksCard(items: readonly TaskItem[], promptId: string, refusal?: string): object {
  if (items.length === 0) return adaptiveCard([line('You have no open actions in any core group.')]);
  const oneCase = new Set(items.map((item) => item.coreGroupId)).size === 1;
  return adaptiveCard([
    heading('Your actions'),
    ...(refusal ? [line(refusal, { color: 'Attention', weight: 'Bolder' })] : []),
    ...items.map((item) => {
      const { action } = item;
      const facts = [
        line(escapeCardText(action.what), { weight: 'Bolder' }),
        line(`Case ${escapeCardText(item.caseReference)} · due ${ukDate(action.due)} · ${escapeCardText(action.progressMeasure)}`, { isSubtle: true, spacing: 'None' }),
        line(action.lastCheckIn ? `Last check-in: ${STATUS_TEXT[action.lastCheckIn.status]}${action.lastCheckIn.note ? ` — ${escapeCardText(action.lastCheckIn.note)}` : ''}` : 'No check-in yet.', { isSubtle: true, spacing: 'None' }),
      ];
      if (item.answered) {
        return { type: 'Container', separator: true, items: [...facts, line(`✔ Recorded: ${STATUS_TEXT[item.answered.status]}`, { color: 'Good', weight: 'Bolder' })] };
      }
      const data = (status: CheckInStatus): CheckInAction => ({ coreGroupId: item.coreGroupId, actionId: action.id, status, promptId, ...(oneCase ? { scope: 'case' as const } : {}) });
      const submitted = (status: CheckInStatus): SubmittedCardAction<CheckInAction> => ({ ...data(status), verb: CHECK_IN_VERB });
      return {
        type: 'Container',
        separator: true,
        items: [
          ...facts,
          { type: 'Input.Text', id: checkInNoteInputId(action.id), label: 'Note (needed if blocked)', placeholder: 'What has happened since the last update? If blocked, what is in the way?', maxLength: CHECK_IN_NOTE_LIMIT, isMultiline: true },
          {
            type: 'ActionSet',
            actions: BUTTONS.map(([status, title]) => ({
              type: 'Action.Execute',
              verb: CHECK_IN_VERB,
              title,
              data: data(status),
              fallback: { type: 'Action.Submit', title, data: submitted(status) },
            })),
          },
        ],
      };
    }),
  ]);
}
