import { addMembersAction } from '../../src/contracts/card-actions.contract';
import { DomainError } from '../../src/domain/errors';
import { membersCard } from '../cards/members.card';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';

const names = (members: readonly { displayName: string }[]) => members.map((member) => member.displayName).join(', ');

/**
 * The members card's Add button (1:1): the people on the lines join and are welcomed; pressed again,
 * they are reported as members already. A mistake in a line comes back on the card, naming it.
 */
export const addMembersCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data }, services) {
    const parsed = addMembersAction.safeParse(data);
    if (!parsed.success) return messageCard('Write the people to add, one per line: role | agency | name | e-mail.');
    const { coreGroupId, memberText } = parsed.data;
    let notice: string;
    try {
      const { added, alreadyMembers } = await services.members.add({ caller, coreGroupId, memberText });
      notice = [added.length > 0 ? `Added and welcomed: ${names(added)}.` : '', alreadyMembers.length > 0 ? `Already members: ${names(alreadyMembers)}.` : ''].filter(Boolean).join(' ');
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid-input') throw error;
      notice = `Nobody was added: ${error.userMessage}`;
    }
    const { caseReference, members } = await services.members.list({ caller, coreGroupId });
    return membersCard({ coreGroupId, caseReference, members, notice });
  },
};
