import { userMessageFor } from '../src/errors/error-codes';
import { messageCard } from './cards/notice.card';

/**
 * Refusals (not a member, not the owner, a deadline rule, Graph busy) are answered on the card
 * itself, with the error's `userMessage` where the error table says to tell it; anything else goes
 * on to the adapter's turn-error handler.
 */
export async function answerRefusals(work: () => Promise<object>): Promise<object> {
  try {
    return await work();
  } catch (error) {
    const answer = userMessageFor(error);
    if (answer !== undefined) return messageCard(answer);
    throw error;
  }
}
