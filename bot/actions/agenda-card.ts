import { agendaAction } from '../../src/contracts/card-actions.contract';
import { agendaCard, minutesTabLink, personalAgendaCard } from '../cards/agenda.card';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';

/**
 * The agenda card's actions: the card for the caller after a refresh (`view`) or an "I'm here"
 * press (`mark-present`) — their own view when they are a verified member, else the shared one.
 */
export function agendaCardAction(intent: 'view' | 'mark-present'): CardAction {
  return async ({ caller, data }, services) => {
    const parsed = agendaAction.safeParse(data);
    if (!parsed.success) return messageCard('This agenda card could not be read.');
    const agenda = await services.agenda.agendaFor({ caller, ...parsed.data, intent });
    if (!agenda) return messageCard('This meeting is no longer booked.');
    const options = { minutesUrl: minutesTabLink(services.teamsAppId, agenda.shared.chatId), refreshFor: agenda.refreshFor };
    return agenda.personal ? personalAgendaCard(agenda.personal, options) : agendaCard(agenda.shared, options);
  };
}
