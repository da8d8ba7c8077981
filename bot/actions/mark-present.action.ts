import { agendaCardAction } from './agenda-card';

/** "I'm here" on the agenda card: the caller recorded as present once, and their view without the button. */
export const markPresentCardAction = agendaCardAction('mark-present');
