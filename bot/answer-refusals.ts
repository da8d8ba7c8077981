import { refusalIn } from '../src/errors/refusal-words';
import type { Words } from '../src/i18n/words';
import { messageCard } from './cards/notice.card';

/**
 * Refusals (not a member, not the owner, a deadline rule, Graph busy) are answered on the card
 * itself, in the presser's language, where the error table says to tell them; anything else goes
 * on to the adapter's turn-error handler.
 */
export async function answerRefusals(words: Words, work: () => Promise<object>): Promise<object> {
  try {
    return await work();
  } catch (error) {
    const answer = refusalIn(words, error);
    if (answer !== undefined) return messageCard(answer);
    throw error;
  }
}
