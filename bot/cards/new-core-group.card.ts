import { CREATE_CORE_GROUP_VERB, type CreateCoreGroupAction, type SubmittedCardAction } from '../../src/contracts/card-actions.contract';
import { MEMBER_POSITIONS } from '../../src/domain/member-position';
import type { PolicyProfile } from '../../src/domain/policy';
import type { Words } from '../../src/i18n/words';
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

/** A policy profile as the form offers it. */
export type OfferedPolicy = Pick<PolicyProfile, 'id' | 'name' | 'welshName'>;

/** A profile's name in the reader's language, where it has one: an area's own profile may be named in English only. */
const policyName = ({ language }: Words, policy: OfferedPolicy) => (language === 'cy' && policy.welshName ? policy.welshName : policy.name);

/** What was typed into the form, shown again with an error so nothing has to be typed twice. */
export type TypedAnswers = Partial<Omit<CreateCoreGroupAction, 'requestId'>>;

/**
 * The set-up form after an ICPC, or after the transfer-in conference of a case that moved from
 * another area (1:1), in the reader's language (the roles to type are listed in it; the form
 * reads them in Welsh or English). Inputs are limited here and validated again on the server.
 * With `typed`, each input shows what was submitted (an input's value is never rendered as markdown).
 */
export function newCoreGroupCard(words: Words, options: { policies: readonly OfferedPolicy[]; requestId: string; error?: string | undefined; typed?: TypedAnswers | undefined }): object {
  const { t } = words;
  const typed = options.typed ?? {};
  const data: Pick<CreateCoreGroupAction, 'requestId'> = { requestId: options.requestId };
  const submitted: SubmittedCardAction<typeof data> = { ...data, verb: CREATE_CORE_GROUP_VERB };
  return adaptiveCard(
    [
      heading(t('newGroup.title')),
      ...(options.error ? [line(`⚠ ${escapeCardText(options.error)}`, { color: 'Attention', weight: 'Bolder' })] : []),
      { type: 'Input.Text', id: INPUT.caseReference, label: t('newGroup.caseReference'), isRequired: true, maxLength: 40, regex: '^[A-Za-z0-9][A-Za-z0-9/_-]{1,39}$', errorMessage: t('newGroup.caseReferenceError'), value: typed.caseReference },
      { type: 'Input.Text', id: INPUT.childName, label: t('newGroup.childName'), isRequired: true, maxLength: 200, errorMessage: t('newGroup.childNameError'), value: typed.childName },
      { type: 'Input.Date', id: INPUT.icpcDate, label: t('newGroup.icpcDate'), isRequired: true, errorMessage: t('newGroup.icpcDateError'), value: typed.icpcDate },
      { type: 'Input.Text', id: INPUT.transferredInFrom, label: t('newGroup.transferredInFrom'), maxLength: 200, placeholder: t('newGroup.transferredInFromPlaceholder'), value: typed.transferredInFrom },
      { type: 'Input.ChoiceSet', id: INPUT.policyId, label: t('newGroup.policy'), isRequired: true, errorMessage: t('newGroup.policyError'), value: typed.policyId ?? options.policies[0]?.id, choices: options.policies.map((policy) => ({ title: policyName(words, policy), value: policy.id })) },
      { type: 'Input.ChoiceSet', id: INPUT.creatorRole, label: t('newGroup.creatorRole'), value: typed.creatorRole ?? 'lead-social-worker', choices: (['lead-social-worker', 'team-manager'] as const).map((role) => ({ title: t(`newGroup.role.${role}`), value: role })) },
      { type: 'Input.Text', id: INPUT.membersText, label: t('newGroup.members'), isMultiline: true, isRequired: true, maxLength: 4000, placeholder: t('newGroup.membersPlaceholder'), errorMessage: t('newGroup.membersError'), value: typed.membersText },
      line(t('newGroup.roles', { roles: MEMBER_POSITIONS.map((position) => t(`members.position.${position}`)).join(' · ') }), { isSubtle: true, size: 'Small', spacing: 'None' }),
      { type: 'Input.Text', id: INPUT.outcomesText, label: t('newGroup.outcomes'), isMultiline: true, isRequired: true, maxLength: 4000, errorMessage: t('newGroup.outcomesError'), value: typed.outcomesText },
    ],
    [
      {
        type: 'Action.Execute',
        verb: CREATE_CORE_GROUP_VERB,
        title: t('newGroup.create'),
        data,
        associatedInputs: 'auto',
        fallback: { type: 'Action.Submit', title: t('newGroup.create'), data: submitted },
      },
    ],
  );
}

/** Confirmation, in the creator's language: the group exists; what to do next. */
export function coreGroupCreatedCard({ t }: Words, options: { caseReference: string; members: number }): object {
  return adaptiveCard([heading(t('newGroup.createdTitle', { caseReference: escapeCardText(options.caseReference) })), line(t('newGroup.created', { count: options.members }))]);
}
