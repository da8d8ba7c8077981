import { randomUUID } from 'node:crypto';
import { wordsIn } from '../../src/i18n/words';
import { CREATE_CORE_GROUPS_ROLE } from '../../src/services/ports/calendar.port';
import { newCoreGroupCard } from '../cards/new-core-group.card';
import { messageCard } from '../cards/notice.card';
import type { Command } from './command';

/**
 * `/coregroup new`: the form to set up a core group after an ICPC or a transfer-in conference, for
 * the people the organisation allows; everyone else is told who to ask. In the caller's language.
 */
export const newCommand: Command = {
  personalOnly: true,
  run: async (request, services) => {
    const words = wordsIn(request.language);
    if (!(await services.setup.mayCreate(request.caller))) return { card: messageCard(words.t('newGroup.notAllowed', { role: CREATE_CORE_GROUPS_ROLE })) };
    return { card: newCoreGroupCard(words, { policies: services.policies(), requestId: randomUUID() }) };
  },
};
