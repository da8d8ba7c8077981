import { ADD_MEMBERS_VERB, type AddMembersAction, REMOVE_MEMBER_VERB, type RemoveMemberAction } from '../../src/contracts/card-actions.contract';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { POSITION_LABELS, positionLabel, positionOf } from '../../src/domain/member-position';
import type { MemberWelcomeMessage } from '../../src/services/ports/notifier.port';
import { adaptiveCard, executeAction, heading, line } from './card';
import { escapeCardText } from './escape';

const describe = (member: CoreGroupMember) => `${escapeCardText(member.displayName)} — ${escapeCardText(positionLabel(positionOf(member)))}, ${escapeCardText(member.agency)}${member.reach === 'email-only' ? ' (by e-mail)' : ''}`;

/**
 * A core group's members for its lead social worker or team manager (1:1): each active member
 * with a Remove button, who has left, and a form to add people in the set-up form's words.
 * `notice`: what the last change did, shown first.
 */
export function membersCard(options: { coreGroupId: string; caseReference: string; members: readonly CoreGroupMember[]; notice?: string | undefined }): object {
  const active = options.members.filter((member) => member.active);
  const left = options.members.filter((member) => !member.active);
  const add: Pick<AddMembersAction, 'coreGroupId'> = { coreGroupId: options.coreGroupId };
  return adaptiveCard(
    [
      heading(`Members — case ${escapeCardText(options.caseReference)}`),
      ...(options.notice ? [line(escapeCardText(options.notice), { weight: 'Bolder' })] : []),
      ...active.map((member) => {
        const data: RemoveMemberAction = { coreGroupId: options.coreGroupId, memberId: member.id };
        return {
          type: 'ColumnSet',
          separator: true,
          columns: [
            { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [line(describe(member))] },
            { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [executeAction(REMOVE_MEMBER_VERB, `Remove ${member.displayName}`, data)] }] },
          ],
        };
      }),
      ...(left.length > 0 ? [line(`No longer members: ${left.map((member) => escapeCardText(member.displayName)).join(', ')}`, { isSubtle: true, separator: true })] : []),
      {
        type: 'Input.Text',
        id: 'memberText',
        label: 'Add members, one per line: role | agency | name | e-mail',
        isMultiline: true,
        isRequired: true,
        maxLength: 4000,
        placeholder: 'health visitor | health visiting | Grace Lindqvist | grace@nhs.example',
        errorMessage: 'Write at least one member to add',
        separator: true,
      },
      line(`Roles: ${POSITION_LABELS.join(', ')}.`, { isSubtle: true, size: 'Small', spacing: 'None' }),
    ],
    [executeAction(ADD_MEMBERS_VERB, 'Add and welcome them', add, { inputs: true })],
  );
}

/** To someone just added (1:1): the case by reference, their place in it and who leads it; never the child's name. */
export function memberWelcomeCard(message: MemberWelcomeMessage): object {
  return adaptiveCard([
    heading(`You have been added to a core group — case ${escapeCardText(message.caseReference)}`),
    line(`You are in it as ${escapeCardText(message.asPosition)}. It is led by ${escapeCardText(message.leadSocialWorker)}.`),
    line(`Type /coregroup status ${escapeCardText(message.caseReference)} for its deadlines, or /coregroup tasks for your actions.`, { isSubtle: true }),
  ]);
}
