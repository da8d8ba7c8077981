import { RAISE_CONCERN_VERB, type RaiseConcernAction, type SubmittedCardAction } from '../../src/contracts/card-actions.contract';
import { type ConcernKind, RAISABLE_CONCERN_KINDS } from '../../src/domain/escalation';
import type { ConcernRaisedMessage } from '../../src/services/ports/notifier.port';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';
import { ukDate } from '../../src/domain/uk-date';

/** The inputs the form adds to the button's data. */
const INPUT: { readonly [K in Exclude<keyof RaiseConcernAction, 'coreGroupId' | 'requestId'>]: K } = { kind: 'kind', note: 'note' };

/** The concern kinds in the seeds' words, grouped as the escalation procedure groups them. */
export const CONCERN_LABELS: Readonly<Record<ConcernKind, string>> = {
  'increased-risk': 'The plan is not reducing the risk, or the risk has increased',
  'no-cooperation': 'Parents, carers or the child are not cooperating with the plan',
  'changed-circumstances': 'Circumstances have changed',
  'professional-disagreement': 'Professionals disagree about the plan',
  'tasks-not-done': 'A member is not carrying out their actions',
  'continual-absence': 'A member keeps missing core group meetings',
  'missing-information': 'Information or an up-to-date plan is missing',
  'drift-and-delay': 'The plan is drifting or delayed',
  'extra-meeting-request': 'Ask for an extra core group meeting',
  'significant-disagreement': 'A significant disagreement recorded in the signed minutes',
};

/** The form for raising a concern about a core group (1:1): only the kinds a member raises by hand. */
export function escalateCard(options: { coreGroupId: string; caseReference: string; requestId: string }): object {
  const data: Pick<RaiseConcernAction, 'coreGroupId' | 'requestId'> = { coreGroupId: options.coreGroupId, requestId: options.requestId };
  const submitted: SubmittedCardAction<typeof data> = { ...data, verb: RAISE_CONCERN_VERB };
  return adaptiveCard(
    [
      heading(`Raise a concern — case ${escapeCardText(options.caseReference)}`),
      line('It goes straight to the people the escalation procedure names, and is recorded.', { isSubtle: true }),
      {
        type: 'Input.ChoiceSet',
        id: INPUT.kind,
        label: 'What is the concern?',
        isRequired: true,
        errorMessage: 'Choose what the concern is about',
        choices: RAISABLE_CONCERN_KINDS.map((value) => ({ title: CONCERN_LABELS[value], value })),
      },
      { type: 'Input.Text', id: INPUT.note, label: 'What is happening?', isMultiline: true, isRequired: true, maxLength: 1000, errorMessage: 'Say briefly what is happening' },
    ],
    [
      {
        type: 'Action.Execute',
        verb: RAISE_CONCERN_VERB,
        title: 'Raise the concern',
        data,
        associatedInputs: 'auto',
        fallback: { type: 'Action.Submit', title: 'Raise the concern', data: submitted },
      },
    ],
  );
}

/** The answer to the person who raised it: recorded, and who has been told. */
export function concernRaisedCard(options: { caseReference: string; kind: ConcernKind; told: readonly string[] }): object {
  return adaptiveCard([
    heading(`Concern raised — case ${escapeCardText(options.caseReference)}`),
    line(`✔ ${CONCERN_LABELS[options.kind]}. It is recorded.`),
    line(options.told.length > 0 ? `Told now: ${options.told.map(escapeCardText).join(', ')}.` : 'Nobody in the core group holds the role to tell first; please contact the team manager directly.', { isSubtle: true }),
  ]);
}

/** The 1:1 card to someone a concern is routed to. */
export function concernNotificationCard(options: Omit<ConcernRaisedMessage, 'kind'>): object {
  return adaptiveCard([
    heading(`Concern raised — case ${escapeCardText(options.caseReference)}`),
    line(CONCERN_LABELS[options.concern], { weight: 'Bolder' }),
    line(`Raised by ${escapeCardText(options.raisedBy)} on ${ukDate(options.raisedOn)}.`, { isSubtle: true }),
    line(escapeCardText(options.note)),
    line(`What the procedure asks of you: ${escapeCardText(options.whatNext)}.`, { isSubtle: true }),
  ]);
}
