import { translatorFor } from '../../src/i18n/translate';
import { helpCard } from '../cards/help.card';
import type { Command } from './command';

/** `/coregroup help`: what the bot can do. Anywhere, to anyone. */
export const helpCommand: Command = {
  personalOnly: false,
  run: async (request) => ({ card: helpCard(translatorFor(request.language)) }),
};
