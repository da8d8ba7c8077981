import { agendaCardAction } from './agenda-card';

/**
 * Teams refreshing the agenda card for one person: a verified member gets their own view; anyone
 * else (a guest, a parent not in the group) gets the card everyone sees, never an error.
 */
export const agendaViewCardAction = agendaCardAction('view');
