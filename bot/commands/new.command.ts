import { randomUUID } from 'node:crypto';
import { newCoreGroupCard } from '../cards/new-core-group.card';
import type { Command } from './command';

/** `/coregroup new`: the form to set up a core group after an ICPC. */
export const newCommand: Command = {
  personalOnly: true,
  run: async (_request, services) => ({ card: newCoreGroupCard({ policies: services.policies(), requestId: randomUUID() }) }),
};
