import { DomainError } from '../src/domain/errors';
import { messageCard } from './cards/notice.card';

/**
 * Refusals (not a member, not the owner, a deadline rule, Graph busy) are answered on the card
 * itself, with the error's `userMessage`; anything else goes on to the adapter's turn-error handler.
 */
export async function answerRefusals(work: () => Promise<object>): Promise<object> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) return messageCard(error.userMessage);
    throw error;
  }
}
