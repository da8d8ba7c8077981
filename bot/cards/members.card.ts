import { ADD_MEMBERS_VERB, type AddMembersAction, REMOVE_MEMBER_VERB, type RemoveMemberAction } from '../../src/contracts/card-actions.contract';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { MEMBER_POSITIONS, positionOf } from '../../src/domain/member-position';
import type { Words } from '../../src/i18n/words';
import type { MemberWelcomeMessage } from '../../src/services/ports/notifier.port';
import { adaptiveCard, executeAction, heading, line } from './card';
import { escapeCardText } from './escape';

const describe = ({ t }: Words, member: CoreGroupMember) => {
  const values = { name: escapeCardText(member.displayName), position: escapeCardText(t(`members.position.${positionOf(member)}`)), agency: escapeCardText(member.agency) };
  return member.reach === 'email-only' ? t('members.memberByEmail', values) : t('members.member', values);
};

/**
 * A core group's members for its lead social worker or team manager (1:1), in their language: each
 * active member with a Remove button, who has left, and a form to add people in the set-up form's
 * words (the roles listed in the reader's language; either language's are read). `notice`: what
 * the last change did, shown first.
 */
export function membersCard(words: Words, options: { coreGroupId: string; caseReference: string; members: readonly CoreGroupMember[]; notice?: string | undefined }): object {
  const { t } = words;
  const active = options.members.filter((member) => member.active);
  const left = options.members.filter((member) => !member.active);
  const add: Pick<AddMembersAction, 'coreGroupId'> = { coreGroupId: options.coreGroupId };
  return adaptiveCard(
    [
      heading(t('members.title', { caseReference: escapeCardText(options.caseReference) })),
      ...(options.notice ? [line(escapeCardText(options.notice), { weight: 'Bolder' })] : []),
      ...active.map((member) => {
        const data: RemoveMemberAction = { coreGroupId: options.coreGroupId, memberId: member.id };
        return {
          type: 'ColumnSet',
          separator: true,
          columns: [
            { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [line(describe(words, member))] },
            { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [executeAction(REMOVE_MEMBER_VERB, t('members.remove', { name: member.displayName }), data)] }] },
          ],
        };
      }),
      ...(left.length > 0 ? [line(t('members.left', { names: left.map((member) => escapeCardText(member.displayName)).join(', ') }), { isSubtle: true, separator: true })] : []),
      {
        type: 'Input.Text',
        id: 'memberText',
        label: t('members.addLabel'),
        isMultiline: true,
        isRequired: true,
        maxLength: 4000,
        placeholder: t('members.addPlaceholder'),
        errorMessage: t('members.addError'),
        separator: true,
      },
      line(t('members.roles', { roles: MEMBER_POSITIONS.map((position) => t(`members.position.${position}`)).join(', ') }), { isSubtle: true, size: 'Small', spacing: 'None' }),
    ],
    [executeAction(ADD_MEMBERS_VERB, t('members.addButton'), add, { inputs: true })],
  );
}

/** To someone just added (1:1), in their language: the case by reference, their place in it and who leads it; never the child's name. */
export function memberWelcomeCard({ t }: Words, message: MemberWelcomeMessage): object {
  const caseReference = escapeCardText(message.caseReference);
  return adaptiveCard([
    heading(t('welcomeCard.heading', { caseReference })),
    line(t('welcomeCard.place', { position: escapeCardText(message.asPosition), lead: escapeCardText(message.leadSocialWorker) })),
    line(t('welcomeCard.commands', { caseReference }), { isSubtle: true }),
  ]);
}
