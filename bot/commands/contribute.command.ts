import { wordsIn } from '../../src/i18n/words';
import type { ChatContribution } from '../../src/domain/minutes';
import { answerRefusals } from '../answer-refusals';
import { messageCard } from '../cards/notice.card';
import type { Command } from './command';

/**
 * `/coregroup note|decision|action …` in a meeting chat: added to the meeting's draft minutes. An
 * action's owner is the person mentioned in it, and its due date the `by YYYY-MM-DD` it ends with.
 * The acknowledgement repeats nothing of what was typed: everyone in the chat already sees it, and
 * the minutes hold it. It is in the language of the person who wrote, as every answer to a command is.
 */
export function contributeCommand(kind: ChatContribution['kind']): Command {
  return {
    personalOnly: false,
    async run(request, services) {
      const words = wordsIn(request.language);
      if (request.personal) return { text: words.t('chatNote.personalChat') };
      if (request.rest === '') return { text: words.t(`chatNote.empty.${kind}`) };
      const due = kind === 'action' ? /\bby (\d{4}-\d{2}-\d{2})\s*$/.exec(request.rest)?.[1] : undefined;
      const ownerAadObjectId = kind === 'action' ? await request.firstPersonMentioned() : undefined;
      const card = await answerRefusals(words, async () => {
        const { added } = await services.meetingChat.contribute({ caller: request.caller, chatId: request.conversationId, activityId: request.activityId, kind, text: request.rest, ownerAadObjectId, due });
        return messageCard(words.t(added ? `chatNote.added.${kind}` : 'chatNote.already'));
      });
      return { card };
    },
  };
}
