import { CHECK_IN_NOTE_LIMIT, CHECK_IN_VERB, type CheckInAction, type SubmittedCardAction, checkInNoteInputId } from '../../src/contracts/card-actions.contract';
import type { CheckIn, CheckInStatus } from '../../src/domain/plan';
import type { ActionToCheckIn } from '../../src/services/ports/notifier.port';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';
import type { Words } from '../../src/i18n/words';

const STATUSES: readonly CheckInStatus[] = ['on-track', 'at-risk', 'blocked', 'done'];

export interface TaskItem extends ActionToCheckIn {
  /** Set once the member has answered this prompt: the buttons go, the answer shows. */
  readonly answered?: CheckIn | undefined;
}

/**
 * The member's own actions, each with check-in buttons (`Action.Execute`, with an `Action.Submit`
 * fallback) and a note (needed for Blocked). `promptId` identifies this card: answering it twice
 * records one check-in. `refusal`: why the last answer was not recorded, shown above the actions.
 */
export function tasksCard(words: Words, items: readonly TaskItem[], promptId: string, refusal?: string): object {
  const { t, dates } = words;
  if (items.length === 0) return adaptiveCard([line(t('tasks.none'))]);
  const oneCase = new Set(items.map((item) => item.coreGroupId)).size === 1;
  const status = (answer: CheckInStatus) => t(`tasks.status.${answer}`);
  const last = (checkIn: NonNullable<TaskItem['action']['lastCheckIn']>) => (checkIn.note ? t('tasks.lastCheckInNote', { status: status(checkIn.status), note: escapeCardText(checkIn.note) }) : t('tasks.lastCheckIn', { status: status(checkIn.status) }));
  return adaptiveCard([
    heading(t('tasks.title')),
    ...(refusal ? [line(refusal, { color: 'Attention', weight: 'Bolder' })] : []),
    ...items.map((item) => {
      const { action } = item;
      const facts = [
        line(escapeCardText(action.what), { weight: 'Bolder' }),
        line(t('tasks.facts', { caseReference: escapeCardText(item.caseReference), date: dates.date(action.due), measure: escapeCardText(action.progressMeasure) }), { isSubtle: true, spacing: 'None' }),
        line(action.lastCheckIn ? last(action.lastCheckIn) : t('tasks.noCheckIn'), { isSubtle: true, spacing: 'None' }),
      ];
      if (item.answered) {
        return { type: 'Container', separator: true, items: [...facts, line(t('tasks.recorded', { status: status(item.answered.status) }), { color: 'Good', weight: 'Bolder' })] };
      }
      const data = (status: CheckInStatus): CheckInAction => ({ coreGroupId: item.coreGroupId, actionId: action.id, status, promptId, ...(oneCase ? { scope: 'case' as const } : {}) });
      const submitted = (status: CheckInStatus): SubmittedCardAction<CheckInAction> => ({ ...data(status), verb: CHECK_IN_VERB });
      return {
        type: 'Container',
        separator: true,
        items: [
          ...facts,
          { type: 'Input.Text', id: checkInNoteInputId(action.id), label: t('tasks.noteLabel'), placeholder: t('tasks.notePlaceholder'), maxLength: CHECK_IN_NOTE_LIMIT, isMultiline: true },
          {
            type: 'ActionSet',
            actions: STATUSES.map((answer) => ({
              type: 'Action.Execute',
              verb: CHECK_IN_VERB,
              title: t(`tasks.button.${answer}`),
              data: data(answer),
              fallback: { type: 'Action.Submit', title: t(`tasks.button.${answer}`), data: submitted(answer) },
            })),
          },
        ],
      };
    }),
  ]);
}
