import { raiseConcernAction } from '../../src/contracts/card-actions.contract';
import { wordsIn } from '../../src/i18n/words';
import { concernRaisedCard } from '../cards/escalate.card';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';

/**
 * The Raise button: the concern recorded once per form, and who has been told, answered in the
 * presser's language. A concern may be about the family, who can be in a group chat: it is
 * answered in a 1:1 chat only.
 */
export const raiseConcernCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data, language }, services) {
    const words = wordsIn(language ?? 'en');
    const parsed = raiseConcernAction.safeParse(data);
    if (!parsed.success) return messageCard(words.t('escalate.unreadable'));
    const raised = await services.concerns.raise({ caller, ...parsed.data });
    return concernRaisedCard(words, { caseReference: raised.caseReference, kind: raised.concern.kind, queuedFor: raised.queuedFor });
  },
};
