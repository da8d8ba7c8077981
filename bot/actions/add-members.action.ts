import { refusalIn } from '../../src/errors/refusal-words';
import { addMembersAction } from '../../src/contracts/card-actions.contract';
import { DomainError } from '../../src/domain/errors';
import { wordsIn } from '../../src/i18n/words';
import { membersCard } from '../cards/members.card';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';

const names = (members: readonly { displayName: string }[]) => members.map((member) => member.displayName).join(', ');

/**
 * The members card's Add button (1:1), answered in the presser's language: the people on the lines
 * join and are welcomed; pressed again, they are reported as members already. A mistake in a line
 * comes back on the card, naming it (in the set-up form's English words).
 */
export const addMembersCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data, language }, services) {
    const words = wordsIn(language ?? 'en');
    const { t } = words;
    const parsed = addMembersAction.safeParse(data);
    if (!parsed.success) return messageCard(t('members.unreadableAdd'));
    const { coreGroupId, memberText } = parsed.data;
    let notice: string;
    try {
      const { added, alreadyMembers } = await services.members.add({ caller, coreGroupId, memberText });
      const values = { added: names(added), already: names(alreadyMembers) };
      notice = added.length > 0 ? t(alreadyMembers.length > 0 ? 'members.addedAndAlready' : 'members.added', values) : alreadyMembers.length > 0 ? t('members.already', values) : '';
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid-input') throw error;
      notice = t('members.nobodyAdded', { reason: refusalIn(words, error) });
    }
    const { caseReference, members } = await services.members.list({ caller, coreGroupId });
    return membersCard(words, { coreGroupId, caseReference, members, notice });
  },
};
