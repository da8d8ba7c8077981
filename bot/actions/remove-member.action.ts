import { removeMemberAction } from '../../src/contracts/card-actions.contract';
import { membersCard } from '../cards/members.card';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';

/** A Remove button on the members card (1:1): the member becomes inactive (kept on the record); pressed again, nothing more happens. */
export const removeMemberCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data }, services) {
    const parsed = removeMemberAction.safeParse(data);
    if (!parsed.success) return messageCard('This members card could not be read. Type /coregroup members for a fresh one.');
    const { coreGroupId, memberId } = parsed.data;
    const removed = await services.members.remove({ caller, coreGroupId, memberId });
    const { caseReference, members } = await services.members.list({ caller, coreGroupId });
    return membersCard({ coreGroupId, caseReference, members, notice: `${removed.displayName} is no longer a member. What they wrote stays on the record.` });
  },
};
