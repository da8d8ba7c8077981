import { CREATE_CORE_GROUP_VERB, type CreateCoreGroupAction, type SubmittedCardAction } from '../../src/contracts/card-actions.contract';
import { POSITION_LABELS } from '../../src/domain/member-position';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';

/** The form's inputs, named as the action's data names them. */
const INPUT: { readonly [K in Exclude<keyof CreateCoreGroupAction, 'requestId'>]: K } = {
  caseReference: 'caseReference',
  childName: 'childName',
  icpcDate: 'icpcDate',
  transferredInFrom: 'transferredInFrom',
  policyId: 'policyId',
  creatorRole: 'creatorRole',
  membersText: 'membersText',
  outcomesText: 'outcomesText',
};

/** What was typed into the form, shown again with an error so nothing has to be typed twice. */
export type TypedAnswers = Partial<Omit<CreateCoreGroupAction, 'requestId'>>;

/**
 * The set-up form after an ICPC, or after the transfer-in conference of a case that moved from
 * another area (1:1). Inputs are limited here and validated again on the server.
 * With `typed`, each input shows what was submitted (an input's value is never rendered as markdown).
 */
export function newCoreGroupCard(options: { policies: readonly { id: string; name: string }[]; requestId: string; error?: string | undefined; typed?: TypedAnswers | undefined }): object {
  const typed = options.typed ?? {};
  const data: Pick<CreateCoreGroupAction, 'requestId'> = { requestId: options.requestId };
  const submitted: SubmittedCardAction<typeof data> = { ...data, verb: CREATE_CORE_GROUP_VERB };
  return adaptiveCard(
    [
      heading('Set up a core group after the ICPC or a transfer-in conference'),
      ...(options.error ? [line(`⚠ ${escapeCardText(options.error)}`, { color: 'Attention', weight: 'Bolder' })] : []),
      { type: 'Input.Text', id: INPUT.caseReference, label: 'Case reference (used in Teams instead of the child’s name)', isRequired: true, maxLength: 40, regex: '^[A-Za-z0-9][A-Za-z0-9/_-]{1,39}$', errorMessage: '2–40 letters, digits, -, _ or /', value: typed.caseReference },
      { type: 'Input.Text', id: INPUT.childName, label: 'Child’s name (kept on the case record only)', isRequired: true, maxLength: 200, errorMessage: 'Enter the child’s name', value: typed.childName },
      { type: 'Input.Date', id: INPUT.icpcDate, label: 'Date of the ICPC (or of the transfer-in conference)', isRequired: true, errorMessage: 'Enter the date of the ICPC or the transfer-in conference', value: typed.icpcDate },
      { type: 'Input.Text', id: INPUT.transferredInFrom, label: 'Transferred in from (the area, only for a transfer-in conference)', maxLength: 200, placeholder: 'Leave empty after an ICPC', value: typed.transferredInFrom },
      { type: 'Input.ChoiceSet', id: INPUT.policyId, label: 'Local procedures (policy profile)', isRequired: true, errorMessage: 'Choose the local procedures', value: typed.policyId ?? options.policies[0]?.id, choices: options.policies.map((policy) => ({ title: policy.name, value: policy.id })) },
      { type: 'Input.ChoiceSet', id: INPUT.creatorRole, label: 'Your role in this core group', value: typed.creatorRole ?? 'lead-social-worker', choices: [{ title: 'Lead social worker', value: 'lead-social-worker' }, { title: 'Team manager', value: 'team-manager' }] },
      { type: 'Input.Text', id: INPUT.membersText, label: 'Members, one per line: role | agency | name | e-mail', isMultiline: true, isRequired: true, maxLength: 4000, placeholder: 'health visitor | health visiting | Grace Lindqvist | grace@nhs.example', errorMessage: 'List the members', value: typed.membersText },
      line(`Roles: ${POSITION_LABELS.join(' · ')}. You are added yourself.`, { isSubtle: true, size: 'Small', spacing: 'None' }),
      { type: 'Input.Text', id: INPUT.outcomesText, label: 'Outcomes from the outline plan, one per line', isMultiline: true, isRequired: true, maxLength: 4000, errorMessage: 'Enter at least one outcome', value: typed.outcomesText },
    ],
    [
      {
        type: 'Action.Execute',
        verb: CREATE_CORE_GROUP_VERB,
        title: 'Create the core group',
        data,
        associatedInputs: 'auto',
        fallback: { type: 'Action.Submit', title: 'Create the core group', data: submitted },
      },
    ],
  );
}

/** Confirmation: the group exists; what to do next. */
export function coreGroupCreatedCard(options: { caseReference: string; members: number }): object {
  return adaptiveCard([
    heading(`Core group set up — case ${escapeCardText(options.caseReference)}`),
    line(`✔ ${options.members} members. Type /coregroup schedule to book the first core group inside its deadline, or /coregroup status to see every deadline.`),
  ]);
}
