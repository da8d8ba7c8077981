import { raiseConcernAction } from '../../src/contracts/card-actions.contract';
import { concernRaisedCard } from '../cards/escalate.card';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';

/**
 * The Raise button: the concern recorded once per form, and who has been told. A concern may be
 * about the family, who can be in a group chat: it is answered in a 1:1 chat only.
 */
export const raiseConcernCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data }, services) {
    const parsed = raiseConcernAction.safeParse(data);
    if (!parsed.success) return messageCard('Choose what the concern is about and say briefly what is happening, then press Raise.');
    const raised = await services.concerns.raise({ caller, ...parsed.data });
    return concernRaisedCard({ caseReference: raised.caseReference, kind: raised.concern.kind, queuedFor: raised.queuedFor });
  },
};
