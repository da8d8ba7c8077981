import { randomUUID } from 'node:crypto';
import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  type ConversationReference,
  TeamsActivityHandler,
  type TurnContext,
  TurnContext as Turn,
} from 'botbuilder';
import { z } from 'zod';
import { DomainError } from '../src/domain/errors';
import { CONCERN_KINDS } from '../src/domain/escalation';
import { CHECK_IN_STATUSES } from '../src/domain/plan';
import type { Caller } from '../src/services/authorise';
import type { CaseStatusService } from '../src/services/case-status.service';
import type { CheckInService } from '../src/services/check-in.service';
import type { ConcernService } from '../src/services/concern.service';
import type { CoreGroupSetupService } from '../src/services/core-group-setup.service';
import type { MeetingChatService } from '../src/services/meeting-chat.service';
import type { MeetingEventsService } from '../src/services/meeting-events.service';
import type { Clock } from '../src/services/ports/clock.port';
import type { SchedulingService } from '../src/services/scheduling.service';
import type { ConversationReferenceRepository } from '../src/services/ports/store.port';
import { AGENDA_VIEW_VERB, MARK_PRESENT_VERB, agendaCard, minutesTabLink, personalAgendaCard } from './cards/agenda.card';
import { helpCard } from './cards/help.card';
import { RAISE_CONCERN_VERB, concernRaisedCard, escalateCard } from './cards/escalate.card';
import { CREATE_CORE_GROUP_VERB, coreGroupCreatedCard, newCoreGroupCard } from './cards/new-core-group.card';
import { messageCard, privateDetailsCard } from './cards/notice.card';
import { minutesCard } from './cards/minutes.card';
import { planCard } from './cards/plan.card';
import { statusCard } from './cards/status.card';
import { BOOK_SLOT_VERB, bookedCard, slotsCard } from './cards/schedule.card';
import { CHECK_IN_VERB, type TaskItem, tasksCard } from './cards/tasks.card';
import { CHAT_CONTRIBUTION_VERBS, type CommandVerb, parseCommand } from './commands';
import { chatRecipientKey } from './meeting.jobs';
import { refreshUserIds } from './refresh-users';

export interface BotServices {
  readonly status: Pick<CaseStatusService, 'myStatus' | 'myActions' | 'planOf' | 'minutesOf'>;
  readonly scheduling: Pick<SchedulingService, 'schedulableFor' | 'proposeSlots' | 'book'>;
  readonly checkIns: Pick<CheckInService, 'record'>;
  readonly concerns: Pick<ConcernService, 'raise'>;
  readonly setup: Pick<CoreGroupSetupService, 'create'>;
  readonly meetingChat: Pick<MeetingChatService, 'contribute'>;
  readonly meetingEvents: Pick<MeetingEventsService, 'meetingStarted' | 'meetingEnded' | 'agendaOf' | 'personalView' | 'markPresent' | 'attendeeIdentities'>;
  readonly policies: () => readonly { id: string; name: string }[];
  readonly conversationReferences: Pick<ConversationReferenceRepository, 'upsert' | 'find'>;
  /** The Teams app id in the org catalogue: deep links to the minutes tab point at it. */
  readonly teamsAppId: string;
  readonly clock: Clock;
  /** Tenants allowed to use the app; empty means any (local mode only — production config refuses it). */
  readonly allowedTenantIds: readonly string[];
}

/** The data an `Action.Execute` (or its `Action.Submit` fallback) carries for a check-in. */
const checkInData = z.object({
  coreGroupId: z.string().uuid(),
  actionId: z.string().min(1).max(100),
  status: z.enum(CHECK_IN_STATUSES),
  promptId: z.string().uuid(),
});

/** The data the Raise button carries, plus the form's inputs. */
const raiseConcernData = z.object({ coreGroupId: z.string().uuid(), requestId: z.string().uuid(), kind: z.enum(CONCERN_KINDS), note: z.string().trim().min(1).max(1000) });

/** The set-up form's inputs; the service checks them again in depth. */
const createCoreGroupData = z.object({
  requestId: z.string().uuid(),
  caseReference: z.string().max(40),
  childName: z.string().max(200),
  icpcDate: z.string().max(10),
  policyId: z.string().max(80),
  creatorRole: z.enum(['lead-social-worker', 'team-manager']),
  membersText: z.string().max(4000),
  outcomesText: z.string().max(4000),
});

/** The data the agenda card's refresh and "I'm here" carry. */
const agendaData = z.object({ meetingId: z.string().uuid(), started: z.boolean() });

/** The data the Book button carries, plus the chosen slot from the card's input. */
const bookSlotData = z.object({ coreGroupId: z.string().uuid(), slot: z.string().regex(/^\d{12,14}$/) });

/** How many people's stored references an instance keeps in mind before starting afresh. */
const MAX_REMEMBERED = 10_000;

type Reply = { card: object };
type CommandHandler = (caller: Caller, rest: string) => Promise<Reply>;
/** A card action: the caller, the action's data merged with the card's inputs; returns the updated card. */
type CardActionHandler = (caller: Caller, data: Record<string, unknown>, sender: { readonly name?: string | undefined }) => Promise<object>;

/**
 * The Teams bot: `/coregroup` commands and card actions, each routed by a table to one small
 * handler. Every turn's tenant is checked against the allow-list before any handler runs, and
 * the caller is always `from.aadObjectId` in that tenant — never an id from card data.
 */
export class CoreGroupBot extends TeamsActivityHandler {
  private readonly commands: Record<Exclude<CommandVerb, (typeof CHAT_CONTRIBUTION_VERBS)[number]>, CommandHandler>;
  private readonly cardActions: Record<string, CardActionHandler>;
  /** The 1:1 conversation references this instance has stored, as written. */
  private readonly remembered = new Map<string, string>();

  constructor(private readonly services: BotServices) {
    super();
    const status: CommandHandler = async (caller) => ({ card: statusCard(await services.status.myStatus(caller)) });
    const tasks: CommandHandler = async (caller) => {
      const mine = await services.status.myActions(caller);
      return { card: tasksCard(mine.map((item) => ({ coreGroupId: item.coreGroupId, caseReference: item.caseReference, action: item.action })), randomUUID()) };
    };
    const plan: CommandHandler = async (caller) => {
      const statuses = await services.status.myStatus(caller);
      if (statuses.length === 0) return { card: messageCard('You are not a member of any core group yet.') };
      return { card: planCard(await services.status.planOf(caller, statuses[0]!.coreGroup.id)) };
    };
    const minutes: CommandHandler = async (caller) => {
      const statuses = await services.status.myStatus(caller);
      if (statuses.length === 0) return { card: messageCard('You are not a member of any core group yet.') };
      return { card: minutesCard(await services.status.minutesOf(caller, statuses[0]!.coreGroup.id)) };
    };
    const escalate: CommandHandler = async (caller) => {
      const statuses = await services.status.myStatus(caller);
      const first = statuses[0];
      if (!first) return { card: messageCard('You are not a member of any core group yet.') };
      return { card: escalateCard({ coreGroupId: first.coreGroup.id, caseReference: first.coreGroup.caseReference, requestId: randomUUID() }) };
    };
    const schedule: CommandHandler = async (caller) => {
      const groups = await services.scheduling.schedulableFor(caller);
      const group = groups[0];
      if (!group) return { card: messageCard('You are not the lead social worker or team manager of any core group, so there is nothing for you to schedule.') };
      const offer = await services.scheduling.proposeSlots({ caller, coreGroupId: group.id });
      return { card: slotsCard({ coreGroupId: group.id, caseReference: group.caseReference, offer, names: offer.names ?? new Map() }) };
    };
    this.commands = {
      help: async () => ({ card: helpCard() }),
      status,
      tasks,
      plan,
      schedule,
      minutes,
      escalate,
      new: async () => ({ card: newCoreGroupCard({ policies: services.policies(), requestId: randomUUID() }) }),
    };

    this.cardActions = {
      [CHECK_IN_VERB]: (caller, data) => this.checkIn(caller, data),
      [BOOK_SLOT_VERB]: (caller, data) => this.bookSlot(caller, data),
      [RAISE_CONCERN_VERB]: (caller, data) => this.raiseConcern(caller, data),
      [CREATE_CORE_GROUP_VERB]: (caller, data, sender) => this.createCoreGroup(caller, data, sender.name),
      [AGENDA_VIEW_VERB]: (caller, data) => this.agendaView(caller, data, 'view'),
      [MARK_PRESENT_VERB]: (caller, data) => this.agendaView(caller, data, 'mark-present'),
    };

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

  private async handleCommand(context: TurnContext): Promise<void> {
    const personal = context.activity.conversation.conversationType === 'personal';
    const command = parseCommand(context.activity.text, { personal });
    const caller = callerOf(context);
    if (personal && caller) await this.remember(context, caller);
    if (command.verb === 'help' || !caller) {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(helpCard())] });
      return;
    }
    if ((CHAT_CONTRIBUTION_VERBS as readonly string[]).includes(command.verb)) {
      await this.contribute(context, caller, command.verb as (typeof CHAT_CONTRIBUTION_VERBS)[number], command.rest, personal);
      return;
    }
    if (!personal) {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(privateDetailsCard())] });
      return;
    }
    const reply = await this.commands[command.verb as keyof typeof this.commands](caller, command.rest);
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(reply.card)] });
  }

  /** Universal Actions: validated, authorised from the activity's sender, answered with the updated card. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const caller = callerOf(context);
    if (!caller) return { statusCode: 401, type: 'application/vnd.microsoft.error', value: { code: 'Unauthorized', message: 'Sign in to Teams to use this card.' } as never };
    const handler = this.cardActions[invokeValue.action.verb];
    if (!handler) return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'This card action is not recognised.' } as never };
    const card = await this.answerRefusals(() => handler(caller, invokeValue.action.data as Record<string, unknown>, { name: context.activity.from?.name }));
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as never };
  }

  private async onSubmitFallback(context: TurnContext): Promise<void> {
    const caller = callerOf(context);
    const value = context.activity.value as Record<string, unknown> | undefined;
    const handler = typeof value?.verb === 'string' ? this.cardActions[value.verb] : undefined;
    if (!caller || !handler) return;
    const card = await this.answerRefusals(() => handler(caller, value ?? {}, { name: context.activity.from?.name }));
    if (context.activity.replyToId) await context.updateActivity({ id: context.activity.replyToId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
    else await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  }

  /**
   * `/coregroup note|decision|action …` in a meeting chat. The acknowledgement repeats nothing of
   * what was typed: everyone in the chat already sees it, and the minutes hold it.
   */
  private async contribute(context: TurnContext, caller: Caller, kind: (typeof CHAT_CONTRIBUTION_VERBS)[number], rest: string, personal: boolean): Promise<void> {
    if (personal) {
      await context.sendActivity('Use this in the meeting chat of a core group meeting: it goes into that meeting’s draft minutes.');
      return;
    }
    if (rest === '') {
      await context.sendActivity(`Write the ${kind} after the command, e.g. /coregroup ${kind} …`);
      return;
    }
    const due = kind === 'action' ? /\bby (\d{4}-\d{2}-\d{2})\s*$/.exec(rest)?.[1] : undefined;
    const mentioned = [...(context.activity.text ?? '').matchAll(/<at>([^<]+)<\/at>/gi)].map((match) => match[1]!.trim());
    const ownerName = kind === 'action' ? mentioned.find((name) => name !== context.activity.recipient?.name && !/^core group$/i.test(name)) : undefined;
    const reply = await this.answerRefusals(async () => {
      const result = await this.services.meetingChat.contribute({ caller, chatId: context.activity.conversation.id, activityId: context.activity.id ?? randomUUID(), kind, text: rest, ownerName, due });
      return messageCard(result.added ? `Added to the draft minutes as a ${kind}, for the chair to review.` : 'Already in the draft minutes.');
    });
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(reply)] });
  }

  /** Refusals (not a member, not the owner, a deadline rule, Graph busy) are answered on the card itself. */
  private async answerRefusals(work: () => Promise<object>): Promise<object> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError) return messageCard(error.userMessage);
      throw error;
    }
  }

  private async createCoreGroup(caller: Caller, data: Record<string, unknown>, senderName: string | undefined): Promise<object> {
    const parsed = createCoreGroupData.safeParse(data);
    if (!parsed.success) return newCoreGroupCard({ policies: this.services.policies(), requestId: randomUUID(), error: 'Some answers are missing or too long.' });
    try {
      const created = await this.services.setup.create({ caller, setup: parsed.data, creator: { displayName: senderName ?? 'Lead social worker' } });
      return coreGroupCreatedCard({ caseReference: created.caseReference, members: parsed.data.membersText.split('\n').filter((line) => line.trim()).length + 1 });
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'forbidden') {
        return newCoreGroupCard({ policies: this.services.policies(), requestId: parsed.data.requestId, error: error.userMessage });
      }
      throw error;
    }
  }

  private async raiseConcern(caller: Caller, data: Record<string, unknown>): Promise<object> {
    const parsed = raiseConcernData.safeParse(data);
    if (!parsed.success) return messageCard('Choose what the concern is about and say briefly what is happening, then press Raise.');
    const raised = await this.services.concerns.raise({ caller, ...parsed.data });
    return concernRaisedCard({ caseReference: raised.caseReference, kind: raised.concern.kind, told: raised.told });
  }

  private async bookSlot(caller: Caller, data: Record<string, unknown>): Promise<object> {
    const parsed = bookSlotData.safeParse(data);
    if (!parsed.success) return messageCard('Choose a slot, then press Book. Type /coregroup schedule for fresh slots.');
    const booked = await this.services.scheduling.book({ caller, coreGroupId: parsed.data.coreGroupId, startMs: Number(parsed.data.slot) });
    return bookedCard({ caseReference: booked.caseReference, startMs: Date.parse(booked.meeting.startsAt ?? ''), endMs: Date.parse(booked.meeting.endsAt ?? ''), joinUrl: booked.joinUrl ?? booked.meeting.booking?.joinUrl, chatReady: booked.chat === 'ready' });
  }

  private async checkIn(caller: Caller, data: Record<string, unknown>): Promise<object> {
    const parsed = checkInData.safeParse(data);
    if (!parsed.success) return messageCard('That check-in could not be read. Type /coregroup tasks for a fresh card.');
    const note = String(data[`note-${parsed.data.actionId}`] ?? '').slice(0, 500);
    const result = await this.services.checkIns.record({ caller, ...parsed.data, note });
    const items: TaskItem[] = (await this.services.status.myActions(caller)).map((item) => ({ coreGroupId: item.coreGroupId, caseReference: item.caseReference, action: item.action }));
    const answered: TaskItem = { coreGroupId: parsed.data.coreGroupId, caseReference: result.caseReference, action: result.action, answered: result.checkIn };
    const index = items.findIndex((item) => item.coreGroupId === answered.coreGroupId && item.action.id === answered.action.id);
    if (index >= 0) items[index] = answered;
    else items.unshift(answered);
    return tasksCard(items, parsed.data.promptId);
  }

  /**
   * The agenda card for one person: Teams' automatic refresh (`view`) or the "I'm here" press. A
   * verified member gets their own view; anyone else (a guest, a parent not in the group) gets the
   * card everyone sees, so the refresh never shows them an error.
   */
  private async agendaView(caller: Caller, data: Record<string, unknown>, intent: 'view' | 'mark-present'): Promise<object> {
    const parsed = agendaData.safeParse(data);
    if (!parsed.success) return messageCard('This agenda card could not be read.');
    const { meetingId, started } = parsed.data;
    const shared = await this.services.meetingEvents.agendaOf(meetingId, started);
    if (!shared) return messageCard('This meeting is no longer booked.');
    const options = { minutesUrl: minutesTabLink(this.services.teamsAppId, shared.chatId), refreshFor: await refreshUserIds({ meetingEvents: this.services.meetingEvents, references: this.services.conversationReferences }, caller.tenantId, meetingId) };
    try {
      const personal = intent === 'mark-present' ? await this.services.meetingEvents.markPresent({ caller, meetingId }) : await this.services.meetingEvents.personalView({ caller, meetingId, started });
      return personal ? personalAgendaCard(personal, options) : agendaCard(shared, options);
    } catch (error) {
      if (error instanceof DomainError && intent === 'view') return agendaCard(shared, options);
      throw error;
    }
  }

  /** A group or meeting chat the app is now in: where the agenda can be posted. */
  private async rememberChat(context: TurnContext, tenantId: string): Promise<void> {
    // Without the triggering activity's id, what the bot posts later is a new message, not a reply to it.
    const { activityId: _replyTo, ...reference }: Partial<ConversationReference> = Turn.getConversationReference(context.activity);
    await this.services.conversationReferences.upsert({ tenantId, key: chatRecipientKey(context.activity.conversation.id), reference, at: this.services.clock.nowIso() });
  }

  private async remember(context: TurnContext, caller: Caller): Promise<void> {
    // Without the message's own id the reference is the same on every turn, so it is written once;
    // what this instance wrote last is kept, so an unchanged one does not even reach the database.
    const { activityId: _message, ...reference }: Partial<ConversationReference> = Turn.getConversationReference(context.activity);
    const key = `user:${caller.aadObjectId}`;
    const text = JSON.stringify(reference);
    if (this.remembered.get(`${caller.tenantId}/${key}`) === text) return;
    await this.services.conversationReferences.upsert({ tenantId: caller.tenantId, key, reference, at: this.services.clock.nowIso() });
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(`${caller.tenantId}/${key}`, text);
  }
}

function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? context.activity.conversation?.tenantId;
}

/** The caller from the activity the channel signed: Entra object id and tenant, or nothing. */
function callerOf(context: TurnContext): Caller | undefined {
  const tenantId = tenantOf(context);
  const aadObjectId = context.activity.from?.aadObjectId;
  return tenantId && aadObjectId ? { tenantId, aadObjectId } : undefined;
}
