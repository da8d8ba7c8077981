import { randomUUID } from 'node:crypto';
import { WHO_ALLOWS_SETUP } from '../../src/services/core-group-setup.service';
import { newCoreGroupCard } from '../cards/new-core-group.card';
import { messageCard } from '../cards/notice.card';
import type { Command } from './command';

/** `/coregroup new`: the form to set up a core group after an ICPC or a transfer-in conference, for the people the organisation allows; everyone else is told who to ask. */
export const newCommand: Command = {
  personalOnly: true,
  run: async (request, services) => {
    if (!(await services.setup.mayCreate(request.caller))) return { card: messageCard(WHO_ALLOWS_SETUP) };
    return { card: newCoreGroupCard({ policies: services.policies(), requestId: randomUUID() }) };
  },
};
