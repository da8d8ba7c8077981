import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Temporal } from 'temporal-polyfill';
import { createBotAdapter } from '../../../bot/bot-adapter';
import type { CoreGroupMember } from '../../../src/domain/core-group';
import { DEMO_TENANT_ID, demoObjectId } from '../../../src/local/demo/demo-core-group.seed';
import { demoOrganisation } from '../../../src/local/demo/demo-organisation.seed';
import { botRouter } from '../../../src/server/bot-mount';
import { createHttpApp } from '../../../src/server/http-app';
import { createLogger } from '../../../src/server/logger';
import type { Clock } from '../../../src/services/ports/clock.port';
import type { Store } from '../../../src/store/store';
import { BOT_APP_ID, demoPeopleInTeams, localChannelCredentials, startChannelStandIn, teamsActivity } from '../../support/bot-channel';
import { demoDatabase } from '../../support/databases';
import { demoBot } from '../../support/demo-bot';
import { simulatedGraph } from '../../support/graph';

/** A second tenant the deployment also serves (a multi-tenant allow-list): its users are signed by the channel like anyone else's. */
export const OTHER_TENANT_ID = '99999999-9999-4999-8999-999999999999';
export const TEAMS_APP_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
export const MEETING_CHAT_ID = '19:meeting_attacked@thread.v2';
/** A group chat that is no core group's meeting chat. */
export const GROUP_CHAT_ID = '19:some-group-chat@thread.v2';
const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };

/** Where a card was pressed: a 1:1 chat with the app (the default), a group or meeting chat, or a channel. */
export interface Place {
  readonly tenantId?: string;
  readonly conversationType?: 'personal' | 'groupChat' | 'channel';
  readonly conversationId?: string;
}

/** A core group with one plan action, owned by its lead social worker. */
async function seedCoreGroup(store: Store, group: { tenantId: string; caseReference: string; leadAadObjectId: string; leadEmail?: string }): Promise<{ coreGroupId: string; actionId: string }> {
  const coreGroupId = randomUUID();
  const lead: CoreGroupMember = { id: randomUUID(), displayName: 'Lee Other', role: 'lead-social-worker', agency: "children's social care", email: group.leadEmail ?? `${group.caseReference.toLowerCase()}@other.example`, aadObjectId: group.leadAadObjectId, reach: 'tenant', active: true };
  await store.coreGroups.create({ id: coreGroupId, caseReference: group.caseReference, childName: 'Another Child (invented)', tenantId: group.tenantId, policyId: 'ten-working-days-four-weekly', icpcDate: Temporal.PlainDate.from('2026-05-27'), createdAt: clock.nowIso() }, [lead]);
  const actionId = `action-${group.caseReference.toLowerCase()}`;
  await store.plans.saveRevision(
    {
      plan: {
        coreGroupId,
        version: 1,
        outcomes: [{ id: 'outcome-1', text: 'Safe at home' }],
        actions: [{ id: actionId, outcomeId: 'outcome-1', what: 'Visit the other family', ownerMemberId: lead.id, agency: "children's social care", due: Temporal.PlainDate.from('2026-06-24'), agreedOn: Temporal.PlainDate.from('2026-05-27'), progressMeasure: 'Visit notes', state: 'not-started' }],
        contingencyPlan: '',
        resources: '',
        monitoring: '',
      },
      authorMemberId: lead.id,
      reason: 'Outline plan from the ICPC',
      changes: [],
    },
    clock.nowIso(),
  );
  return { coreGroupId, actionId };
}

/**
 * The real bot behind the real `/api/messages` endpoint, with authentication on (channel tokens
 * signed by a local stand-in, replies recorded by its connector), serving two tenants. Seeded with
 * the demo core group and a meeting of it whose chat is `MEETING_CHAT_ID` (started, draft minutes
 * open), a second group in the same tenant (lead `demoObjectId('lead2')`), a third with nothing
 * booked (`bookableGroup`, lead `demoObjectId('lead3')`), a group in the other
 * tenant, and 1:1 chats with the app for the demo people in Teams except the team manager.
 */
export async function startBotUnderAttack() {
  const { database, store, calendars, coreGroupId } = await demoDatabase(clock);
  const channel = await startChannelStandIn();
  const { simulator, calendar } = await simulatedGraph(demoOrganisation(clock.today()));
  const { bot, meetingEvents } = demoBot({ store, clock, calendars, calendar, teamsAppId: TEAMS_APP_ID, allowedTenantIds: [DEMO_TENANT_ID, OTHER_TENANT_ID] });
  const adapter = createBotAdapter({ appId: BOT_APP_ID, password: 'unused', tenantId: DEMO_TENANT_ID, openIdMetadataUrl: channel.metadataUrl, credentialsFactory: localChannelCredentials(), log: () => undefined });
  const app = createHttpApp({ logger: createLogger({ level: 'silent' }), version: 'test', health: { checkDatabase: async () => undefined }, routers: [botRouter({ adapter, bot, logger: createLogger({ level: 'silent' }), tokensRequired: true })] });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;

  const meetingId = randomUUID();
  await store.meetings.create({ id: meetingId, coreGroupId, date: Temporal.PlainDate.from('2026-06-08'), startsAt: '2026-06-08T09:00:00.000Z', endsAt: '2026-06-08T10:30:00.000Z', status: 'scheduled', booking: { organiser: 'priya.shah@demo.example', eventId: 'event-attacked', chatId: MEETING_CHAT_ID } });
  await meetingEvents.meetingStarted({ tenantId: DEMO_TENANT_ID, chatId: MEETING_CHAT_ID });
  const sameTenantGroup = await seedCoreGroup(store, { tenantId: DEMO_TENANT_ID, caseReference: 'DEMO-0002', leadAadObjectId: demoObjectId('lead2') });
  // Nothing booked yet, and its lead's mailbox is on the simulated calendar: where a booking can be made (the demo group has its series).
  const bookableGroup = await seedCoreGroup(store, { tenantId: DEMO_TENANT_ID, caseReference: 'DEMO-0003', leadAadObjectId: demoObjectId('lead3'), leadEmail: 'priya.shah@demo.example' });
  const otherTenantGroup = await seedCoreGroup(store, { tenantId: OTHER_TENANT_ID, caseReference: 'OTHER-0001', leadAadObjectId: demoObjectId('health') });
  await demoPeopleInTeams(store, channel.serviceUrl, { at: clock.nowIso(), keys: ['lead', 'health', 'school', 'police', 'iro'] });

  /** An activity from a person in a place; `extra` overrides fields (a fixed id to replay it, a reply-to id). */
  const activity = (aadObjectId: string, place: Place, extra: Record<string, unknown>) => {
    const base = teamsActivity({ serviceUrl: channel.serviceUrl, tenantId: place.tenantId ?? DEMO_TENANT_ID, aadObjectId, conversationType: place.conversationType ?? 'personal' });
    const conversation = { ...base.conversation, ...(place.conversationId ? { id: place.conversationId } : {}) };
    return { ...base, conversation, ...extra };
  };
  const post = async (body: object): Promise<Response> => {
    const response = await fetch(botUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await channel.token()}` }, body: JSON.stringify(body) });
    if (response.status >= 500) throw new Error(`the bot answered ${response.status}`);
    return response;
  };

  return {
    store,
    channel,
    coreGroupId,
    meetingId,
    sameTenantGroup,
    bookableGroup,
    otherTenantGroup,
    post,
    /** The bot's answer to an `Action.Execute` press: the card it returned (the invoke response's value). */
    async invoke(aadObjectId: string, action: { verb: string; data: object }, place: Place = {}, extra: Record<string, unknown> = {}): Promise<{ statusCode: number; value: unknown }> {
      const response = await post(activity(aadObjectId, place, { type: 'invoke', name: 'adaptiveCard/action', value: { trigger: 'manual', action: { type: 'Action.Execute', ...action } }, ...extra }));
      return (await response.json()) as { statusCode: number; value: unknown };
    },
    /** The `Action.Submit` fallback: a message whose value is the action's data with its verb, replying to the card pressed. */
    async submit(aadObjectId: string, value: object, place: Place = {}, extra: Record<string, unknown> = {}): Promise<void> {
      await post(activity(aadObjectId, place, { type: 'message', value, replyToId: 'card-activity-1', ...extra }));
    },
    /** A typed message. */
    async say(aadObjectId: string, text: string, place: Place = {}, extra: Record<string, unknown> = {}): Promise<void> {
      await post(activity(aadObjectId, place, { type: 'message', text, ...extra }));
    },
    /** Everything the bot sent or updated in one conversation, as JSON text. */
    sentTo(conversationId: string): string[] {
      return channel.sent.filter((request) => decodeURIComponent(request.path).startsWith(`/v3/conversations/${conversationId}/`)).map((request) => JSON.stringify(request.body));
    },
    async attendanceOf(aadObjectId: string): Promise<string | undefined> {
      const member = (await store.coreGroups.members(coreGroupId)).find((candidate) => candidate.aadObjectId === aadObjectId);
      const minutes = await store.minutes.findByMeeting(meetingId);
      return minutes?.content.attendance.find((entry) => entry.memberId === member?.id)?.attendance;
    },
    async stop(): Promise<void> {
      server.close();
      await simulator.stop();
      await channel.stop();
      await database.drop();
    },
  };
}

export type BotUnderAttack = Awaited<ReturnType<typeof startBotUnderAttack>>;
