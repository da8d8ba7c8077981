import { chooseCaseAction } from '../../src/contracts/card-actions.contract';
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
  async run({ caller, data }, services) {
    const parsed = chooseCaseAction.safeParse(data);
    if (!parsed.success) return messageCard('That choice could not be read. Type the command again for a fresh list of your cases.');
    const command = CASE_COMMANDS[parsed.data.command];
    return cardForChoice(command, await services.status.chooseCase({ caller, need: command.need, coreGroupId: parsed.data.coreGroupId }), caller, services);
  },
};
