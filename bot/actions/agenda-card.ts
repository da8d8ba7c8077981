import { agendaAction } from '../../src/contracts/card-actions.contract';
import { agendaCard, minutesTabLink, personalAgendaCard } from '../cards/agenda.card';
import { messageCard } from '../cards/notice.card';
import type { CardActionRequest } from './card-action';
import type { BotServices } from '../bot-services';

/** The agenda card for the caller after a refresh or an "I'm here" press: their own view, or the shared one. */
export async function agendaCardFor(request: CardActionRequest, services: BotServices, intent: 'view' | 'mark-present'): Promise<object> {
  const parsed = agendaAction.safeParse(request.data);
  if (!parsed.success) return messageCard('This agenda card could not be read.');
  const agenda = await services.agenda.agendaFor({ caller: request.caller, ...parsed.data, intent });
  if (!agenda) return messageCard('This meeting is no longer booked.');
  const options = { minutesUrl: minutesTabLink(services.teamsAppId, agenda.shared.chatId), refreshFor: agenda.refreshFor };
  return agenda.personal ? personalAgendaCard(agenda.personal, options) : agendaCard(agenda.shared, options);
}
