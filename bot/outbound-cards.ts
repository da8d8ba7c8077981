import type { OutboundMessage, OutboundMessageKind } from '../src/services/ports/notifier.port';
import { minutesTabLink } from '../src/contracts/teams-links.contract';
import { agendaCard, minutesReturnedCard, signOffReminderCard } from './cards/agenda.card';
import { agencyReportRequestCard, conferencePackReadyCard } from './cards/agency-report.card';
import { escapeCardText } from './cards/escape';
import { concernDecidedCard, concernNotificationCard } from './cards/escalate.card';
import { memberWelcomeCard } from './cards/members.card';
import { institutionTaskCard } from './cards/institution-task.card';
import { familyVersionReadyCard, minutesReadyCard } from './cards/minutes.card';
import { messageCard } from './cards/notice.card';
import { dashboardTabLink, planNotReceivedCard, planReadyCard } from './cards/plan.card';
import { signalCard } from './cards/signal.card';
import { tasksCard } from './cards/tasks.card';
import type { Words } from '../src/i18n/words';

/** What rendering needs besides the message: the Teams app id, for deep links to the minutes tab. */
export interface RenderContext {
  readonly teamsAppId: string;
  /** The recipient's language (their choice; English when they made none). */
  readonly words: Words;
}

type Renderers = { readonly [K in OutboundMessageKind]: (message: Extract<OutboundMessage, { kind: K }>, context: RenderContext) => object };

/**
 * The Teams rendering of each kind of outbound message: one entry per kind, each an Adaptive
 * Card from the pure builders in cards/. The use case decided who and what; this decides only how
 * it looks in Teams (and where a link into Teams points).
 */
const RENDERERS: Renderers = {
  'check-in-prompt': (message, { words }) => tasksCard(words, message.actions, message.promptId),
  'check-in-missing': (message, { words }) =>
    messageCard(words.t('notice.missingCard', { name: escapeCardText(message.memberName), agency: escapeCardText(message.agency), caseReference: escapeCardText(message.caseReference), date: words.dates.date(message.askedOn) })),
  'concern-raised': (message, { words }) => concernNotificationCard(words, message),
  'concern-decided': (message, context) => concernDecidedCard(context.words, { ...message, dashboardUrl: dashboardTabLink(context.teamsAppId) }),
  signal: (message, { words }) => signalCard(words, message),
  agenda: (message, context) => agendaCard(message.view, { minutesUrl: minutesTabLink(context.teamsAppId, message.view.chatId), refreshFor: message.refreshFor }),
  'sign-off-reminder': ({ chatId, ...reminder }, context) => signOffReminderCard(context.words, { ...reminder, minutesUrl: minutesTabLink(context.teamsAppId, chatId) }),
  'member-welcome': (message, { words }) => memberWelcomeCard(words, message),
  'institution-task': (message, { words }) => institutionTaskCard(words, message),
  'agency-report-request': (message, context) => agencyReportRequestCard(context.words, { ...message, dashboardUrl: dashboardTabLink(context.teamsAppId) }),
  'minutes-returned': ({ chatId, ...returned }, context) => minutesReturnedCard(context.words, { ...returned, minutesUrl: chatId ? minutesTabLink(context.teamsAppId, chatId) : undefined }),
  'conference-pack-ready': (message, context) => conferencePackReadyCard(context.words, { ...message, dashboardUrl: dashboardTabLink(context.teamsAppId) }),
  'minutes-ready': (message, context) => minutesReadyCard(context.words, { caseReference: message.caseReference, meetingDate: message.meetingDate, minutesUrl: message.chatId ? minutesTabLink(context.teamsAppId, message.chatId) : undefined }),
  'family-version-ready': (message, context) => familyVersionReadyCard(context.words, { meetingDate: message.meetingDate, readUrl: message.chatId ? minutesTabLink(context.teamsAppId, message.chatId) : undefined }),
  'plan-ready': (message, context) => planReadyCard(context.words, { ...message, dashboardUrl: dashboardTabLink(context.teamsAppId) }),
  'plan-not-received': (message, { words }) => planNotReceivedCard(words, message),
  'notice-undelivered': (message, { words }) => messageCard(words.t('notice.undeliveredCard', { notice: message.notice, member: escapeCardText(message.member), caseReference: escapeCardText(message.caseReference), count: message.attempts })),
};

/** The Adaptive Card for an outbound message. */
export function renderOutboundCard(message: OutboundMessage, context: RenderContext): object {
  const render = RENDERERS[message.kind] as (message: OutboundMessage, context: RenderContext) => object;
  return render(message, context);
}
