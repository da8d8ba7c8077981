import { helpCard } from '../cards/help.card';
import type { Command } from './command';

/** `/coregroup help`: what the bot can do. Anywhere, to anyone. */
export const helpCommand: Command = {
  personalOnly: false,
  run: async () => ({ card: helpCard() }),
};
