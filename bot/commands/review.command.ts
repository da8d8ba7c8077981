import { reviewCard } from '../cards/review.card';
import { type CaseCommand, caseCommand } from './command';

/** `/coregroup review [case]`: a case's review conferences — the next due and booked, those held and what they decided. */
export const reviewCase: CaseCommand = {
  verb: 'review',
  need: 'view-compliance',
  card: async (coreGroup, caller, services, words) => reviewCard(words, await services.reviews.of(caller, coreGroup.id)),
};

export const reviewCommand = caseCommand(reviewCase);
