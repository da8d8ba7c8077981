import { agendaCardFor } from './agenda-card';
import type { CardAction } from './card-action';

/**
 * Teams refreshing the agenda card for one person: a verified member gets their own view; anyone
 * else (a guest, a parent not in the group) gets the card everyone sees, never an error.
 */
export const agendaViewCardAction: CardAction = (request, services) => agendaCardFor(request, services, 'view');
