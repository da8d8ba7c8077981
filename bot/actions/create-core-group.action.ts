import { randomUUID } from 'node:crypto';
import { createCoreGroupAction } from '../../src/contracts/card-actions.contract';
import { DomainError } from '../../src/domain/errors';
import { coreGroupCreatedCard, newCoreGroupCard } from '../cards/new-core-group.card';
import type { CardAction } from './card-action';

/**
 * The set-up form's Create button. A mistake in the answers comes back on the form itself (same
 * request id, so a corrected submit still creates the group once); a refusal goes to the caller.
 * The form holds the child's name: it is answered in a 1:1 chat only.
 */
export const createCoreGroupCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data, senderName }, services) {
    const parsed = createCoreGroupAction.safeParse(data);
    if (!parsed.success) return newCoreGroupCard({ policies: services.policies(), requestId: randomUUID(), error: 'Some answers are missing, too long or not plain text.' });
    try {
      const created = await services.setup.create({ caller, setup: parsed.data, creator: { displayName: senderName ?? 'Lead social worker' } });
      const listed = parsed.data.membersText.split('\n').filter((line) => line.trim()).length;
      return coreGroupCreatedCard({ caseReference: created.caseReference, members: listed + 1 });
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'forbidden') {
        return newCoreGroupCard({ policies: services.policies(), requestId: parsed.data.requestId, error: error.userMessage });
      }
      throw error;
    }
  },
};
