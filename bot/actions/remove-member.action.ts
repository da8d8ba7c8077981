import { removeMemberAction } from '../../src/contracts/card-actions.contract';
import { wordsIn } from '../../src/i18n/words';
import { membersCard } from '../cards/members.card';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';

/** A Remove button on the members card (1:1), answered in the presser's language: the member becomes inactive (kept on the record); pressed again, nothing more happens. */
export const removeMemberCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data, language }, services) {
    const words = wordsIn(language ?? 'en');
    const parsed = removeMemberAction.safeParse(data);
    if (!parsed.success) return messageCard(words.t('members.unreadableRemove'));
    const { coreGroupId, memberId } = parsed.data;
    const removed = await services.members.remove({ caller, coreGroupId, memberId });
    const { caseReference, members } = await services.members.list({ caller, coreGroupId });
    return membersCard(words, { coreGroupId, caseReference, members, notice: words.t('members.removed', { name: removed.displayName }) });
  },
};
