import { agendaCardFor } from './agenda-card';
import type { CardAction } from './card-action';

/** "I'm here" on the agenda card: the caller recorded as present once, and their view without the button. */
export const markPresentCardAction: CardAction = (request, services) => agendaCardFor(request, services, 'mark-present');
