import { randomUUID } from 'node:crypto';
import { type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, CardFactory, type InvokeResponse, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import { submittedCardAction } from '../src/contracts/card-actions.contract';
import { cardActionFor } from './actions/action-table';
import type { CardAction, CardActionRequest } from './actions/card-action';
import { callerOf, conversationReferenceOf, firstPersonMentioned, isPersonalChat, plainTextOf, tenantOf } from './activity';
import { answerRefusals } from './answer-refusals';
import type { BotServices } from './bot-services';
import { helpCard } from './cards/help.card';
import { personalChatOnlyCard, privateDetailsCard } from './cards/notice.card';
import { chatWelcomeCard, personalWelcomeCard } from './cards/welcome.card';
import type { Reply } from './commands/command';
import { COMMANDS } from './commands/command-table';
import { parseCommand } from './commands/parse-command';
import { sendToPersonalChat } from './personal-chat';
import type { Caller } from '../src/services/authorise';
import { languageOfLocale } from '../src/i18n/language';
import { wordsIn } from '../src/i18n/words';
import { translatorFor } from '../src/i18n/translate';

export type { BotServices } from './bot-services';

/** The invoke Teams sends for an `Action.Execute` (Universal Actions). */
const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

/**
 * The Teams bot, which only dispatches: every turn's tenant is checked against the allow-list
 * before anything runs; the caller is always `from.aadObjectId` in that tenant — never an id from
 * card data; a `/coregroup` command or a card verb is routed by its table (commands/, actions/)
 * to one small handler that calls the services; what comes back is sent. Teams events (a meeting
 * starting or ending, the app added to a chat) go straight to their service.
 */
export class CoreGroupBot extends TeamsActivityHandler {
  constructor(private readonly services: BotServices) {
    super();
    this.onTeamsMeetingStartEvent(async (_meeting, context, next) => {
      const tenantId = tenantOf(context);
      if (tenantId) {
        await this.rememberChat(context, tenantId);
        await services.meetingEvents.meetingStarted({ tenantId, chatId: context.activity.conversation.id });
      }
      await next();
    });
    this.onTeamsMeetingEndEvent(async (_meeting, context, next) => {
      const tenantId = tenantOf(context);
      if (tenantId) await services.meetingEvents.meetingEnded({ tenantId, chatId: context.activity.conversation.id });
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      const tenantId = tenantOf(context);
      if (tenantId && context.activity.conversation.conversationType !== 'personal') await this.rememberChat(context, tenantId);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const tenantId = tenantOf(context);
      const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient?.id);
      if (tenantId && botAdded && context.activity.conversation.conversationType !== 'personal') await this.rememberChat(context, tenantId);
      if (tenantId && botAdded) {
        const caller = callerOf(context);
        const t = translatorFor(caller ? await services.languages.languageFor(caller, context.activity.locale) : languageOfLocale(context.activity.locale));
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(isPersonalChat(context) ? personalWelcomeCard(t) : chatWelcomeCard(t))] });
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      if (context.activity.value && !context.activity.text) await this.onSubmitFallback(context);
      else await this.handleCommand(context);
      await next();
    });
  }

  /** Checks the tenant before anything else runs. */
  override async run(context: TurnContext): Promise<void> {
    const tenantId = tenantOf(context);
    if (this.services.allowedTenantIds.length > 0 && (!tenantId || !this.services.allowedTenantIds.includes(tenantId))) {
      if (context.activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: { status: 403 } });
      return;
    }
    await super.run(context);
  }

  /** A message: the command it names, from the caller it comes from, answered in the same chat. */
  private async handleCommand(context: TurnContext): Promise<void> {
    const personal = isPersonalChat(context);
    const { verb, rest } = parseCommand(plainTextOf(context.activity), { personal });
    const caller = callerOf(context);
    if (personal && caller) await this.services.conversations.rememberPerson({ ...caller, reference: conversationReferenceOf(context) });
    const command = COMMANDS[verb];
    if (!caller) return send(context, { card: helpCard(translatorFor(languageOfLocale(context.activity.locale))) });
    const language = await this.services.languages.languageFor(caller, context.activity.locale);
    if (command.personalOnly && !personal) return send(context, { card: privateDetailsCard(translatorFor(language)) });
    const reply = await command.run(
      {
        caller,
        rest,
        personal,
        language,
        conversationId: context.activity.conversation.id,
        activityId: context.activity.id ?? randomUUID(),
        firstPersonMentioned: () => firstPersonMentioned(context),
      },
      this.services,
    );
    await send(context, reply);
  }

  /**
   * Invokes: the app answers Universal Actions only. Any other invoke (a message extension, a task
   * module, a sign-in exchange — none declared in the manifest) is a 400 that says so, not
   * botbuilder's 501: nothing failed on our side, and a 5xx would invite Teams to send it again.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === ADAPTIVE_CARD_ACTION) return super.onInvokeActivity(context);
    return { status: 400, body: { code: 'NotSupported', message: 'Core Group does not answer this kind of request.' } };
  }

  /**
   * Universal Actions: validated, authorised from the activity's sender, answered with the updated
   * card. Teams shows an `Action.Execute` answer to the presser alone, in any chat.
   */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const caller = callerOf(context);
    const t = () => translatorFor(languageOfLocale(context.activity.locale));
    if (!caller) return { statusCode: 401, type: 'application/vnd.microsoft.error', value: { code: 'Unauthorized', message: t()('groupChat.signIn') } as never };
    const action = cardActionFor(invokeValue.action.verb);
    if (!action) return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: t()('groupChat.unknownAction') } as never };
    const request = await cardActionRequest(context, this.services, caller, invokeValue.action.data);
    const card = isPersonalChat(context) || action.answeredIn === 'presser-only' ? await this.runCardAction(action, request) : personalChatOnlyCard(translatorFor(request.language ?? 'en'));
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as never };
  }

  /**
   * The `Action.Submit` fallback (clients without Universal Actions): the same actions, but what
   * comes back is a message everyone in the conversation sees. In a 1:1 chat the updated card
   * replaces the one pressed. In a shared chat nothing about the presser is posted or replaces the
   * shared card: a 1:1-only card is refused with a notice that names nothing; an agenda press is
   * recorded and the presser's view goes to their 1:1 chat with the app, or nowhere.
   */
  private async onSubmitFallback(context: TurnContext): Promise<void> {
    const caller = callerOf(context);
    const submitted = submittedCardAction.safeParse(context.activity.value);
    const action = submitted.success ? cardActionFor(submitted.data.verb) : undefined;
    if (!caller || !submitted.success || !action) return;
    const request = await cardActionRequest(context, this.services, caller, submitted.data);
    if (!isPersonalChat(context)) {
      if (action.answeredIn === 'personal-chat') return send(context, { card: personalChatOnlyCard(translatorFor(request.language ?? 'en')) });
      const card = await this.runCardAction(action, request);
      return sendToPersonalChat(context, { conversations: this.services.conversations, caller, card });
    }
    const card = await this.runCardAction(action, request);
    if (context.activity.replyToId) await context.updateActivity({ id: context.activity.replyToId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
    else await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  }

  private runCardAction(action: CardAction, request: CardActionRequest): Promise<object> {
    return answerRefusals(wordsIn(request.language ?? 'en'), () => action.run(request, this.services));
  }

  /** A group or meeting chat the app is now in: where the agenda can be posted. */
  private rememberChat(context: TurnContext, tenantId: string): Promise<void> {
    return this.services.conversations.rememberChat({ tenantId, chatId: context.activity.conversation.id, reference: conversationReferenceOf(context) });
  }
}

/** A card action from this turn: the caller the channel signed, the card's data (an object, or nothing), the conversation it was pressed in. */
async function cardActionRequest(context: TurnContext, services: BotServices, caller: Caller, data: unknown): Promise<CardActionRequest> {
  const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const language = await services.languages.languageFor(caller, context.activity.locale);
  return { caller, data: fields, senderName: context.activity.from?.name, conversationId: context.activity.conversation.id, language };
}

async function send(context: TurnContext, reply: Reply): Promise<void> {
  await context.sendActivity('card' in reply ? { attachments: [CardFactory.adaptiveCard(reply.card)] } : reply.text);
}
