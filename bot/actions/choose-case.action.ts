import { chooseCaseAction } from '../../src/contracts/card-actions.contract';
import { wordsIn } from '../../src/i18n/words';
import { CASE_COMMANDS } from '../commands/case-command-table';
import { cardForChoice } from '../commands/command';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';

/**
 * A case on the picker: the command run for that case, which is checked again against the caller
 * (a case they have left, or one that was never theirs, is not found). Answered in a 1:1 chat only.
 */
export const chooseCaseCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data, language }, services) {
    const words = wordsIn(language ?? 'en');
    const parsed = chooseCaseAction.safeParse(data);
    if (!parsed.success) return messageCard(words.t('choose.unreadable'));
    const command = CASE_COMMANDS[parsed.data.command];
    return cardForChoice(command, await services.status.chooseCase({ caller, need: command.need, coreGroupId: parsed.data.coreGroupId }), caller, services, words);
  },
};
