import { agendaAction } from '../../src/contracts/card-actions.contract';
import { minutesTabLink } from '../../src/contracts/teams-links.contract';
import { wordsIn } from '../../src/i18n/words';
import { agendaCard, personalAgendaCard } from '../cards/agenda.card';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';

/**
 * The agenda card's actions: the card for the caller after a refresh (`view`) or an "I'm here"
 * press (`mark-present`) — their own view when they are a verified member, else the shared one
 * without the members whose clients refresh it. Either is the presser's alone: the card lives in
 * the meeting chat, and what comes back for one person never replaces it for everyone.
 */
export function agendaCardAction(intent: 'view' | 'mark-present'): CardAction {
  return {
    answeredIn: 'presser-only',
    async run({ caller, data, conversationId, language }, services) {
      const viewer = language ?? 'en';
      const { t } = wordsIn(viewer);
      const parsed = agendaAction.safeParse(data);
      if (!parsed.success) return messageCard(t('agenda.unreadable'));
      const agenda = await services.agenda.agendaFor({ caller, ...parsed.data, intent, conversationId });
      if (!agenda) return messageCard(t('agenda.notAvailable'));
      if ('shared' in agenda) return agendaCard(agenda.shared, { minutesUrl: minutesTabLink(services.teamsAppId, agenda.shared.chatId) });
      return personalAgendaCard(agenda.personal, { minutesUrl: minutesTabLink(services.teamsAppId, agenda.personal.chatId), refreshFor: agenda.refreshFor, viewer });
    },
  };
}
