import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { Temporal } from 'temporal-polyfill';
import { createBotAdapter } from '../../../bot/bot-adapter';
import type { BotServices } from '../../../bot/bot-services';
import { CoreGroupBot } from '../../../bot/core-group.bot';
import type { CoreGroupMember, MemberRole } from '../../../src/domain/core-group';
import { loadWorkingDayCalendars } from '../../../src/holidays/working-day-calendars';
import { DEMO_TENANT_ID, demoObjectId, seedDemoCoreGroup } from '../../../src/local/demo/demo-core-group.seed';
import { loadPolicyCatalogue } from '../../../src/policies/policy-catalogue';
import { botRouter } from '../../../src/server/bot-mount';
import { graphNotificationsRouter } from '../../../src/server/graph-notifications.route';
import { createHttpApp } from '../../../src/server/http-app';
import { createLogger } from '../../../src/server/logger';
import { minutesRouter } from '../../../src/server/minutes.route';
import { createTabTokenVerifier } from '../../../src/server/tab-auth';
import { createCalendarNotificationService } from '../../../src/services/calendar-notifications.service';
import { createCaseStatusService } from '../../../src/services/case-status.service';
import { createLanguageChoices } from '../../../src/services/language-choice.service';
import { createConversations } from '../../../src/services/conversations.service';
import { createDashboard } from '../../../src/services/dashboard.service';
import { createMeetingChatService } from '../../../src/services/meeting-chat.service';
import { createMinutesDistribution } from '../../../src/services/minutes-distribution.service';
import { createMinutesService } from '../../../src/services/minutes.service';
import type { Clock } from '../../../src/services/ports/clock.port';
import { type Store, createStore } from '../../../src/store/store';
import { BOT_APP_ID, localChannelCredentials, startChannelStandIn, teamsActivity } from '../../support/bot-channel';
import { migratedDatabase } from '../../support/databases';
import { calendarWithNoSeries } from '../../support/graph';

export const clock: Clock = { nowIso: () => '2026-06-08T11:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-08') };
const AUDIENCE = 'api://coregroup.example.org/33333333-4444-4555-8666-777777777777';

/** People added to the demo group for the input attacks: who may hold no meeting role, and someone who left. */
const EXTRA_PEOPLE: readonly { key: string; role: MemberRole; active: boolean }[] = [
  { key: 'mum', role: 'family-member', active: true },
  { key: 'youngperson', role: 'child', active: true },
  { key: 'leftgroup', role: 'professional', active: false },
];

/** A BotServices part the attacks never reach: using it is a mistake in the test. */
function unused<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: () => {
      throw new Error(`${name} is not part of the input attack stack`);
    },
  });
}

/** What a reply says: its text, or the text blocks of its card. */
function textOfReply(activity: Record<string, unknown>): string {
  const cards = (activity.attachments as { content: { body?: { text?: string }[] } }[] | undefined) ?? [];
  const blocks = cards.flatMap((card) => card.content.body ?? []).map((block) => block.text ?? '');
  return [typeof activity.text === 'string' ? activity.text : '', ...blocks].filter(Boolean).join('\n');
}

/**
 * The real tab API and bot endpoint over a demo core group on one engine, for attacks on input:
 * tab calls carry a signed Teams SSO token for a demo person; chat messages reach the bot through
 * its authenticated endpoint as if typed in the meeting's chat, and the bot's reply is read back
 * from the recording connector.
 */
export async function startInputStack(engine: 'sqlite' | 'postgres') {
  const database = await migratedDatabase(engine);
  const store: Store = createStore(database);
  const calendars = loadWorkingDayCalendars();
  const { coreGroupId } = await seedDemoCoreGroup({ coreGroups: store.coreGroups, plans: store.plans, clock, calendar: calendars['england-and-wales'] });
  for (const person of EXTRA_PEOPLE) {
    const member: CoreGroupMember = { id: randomUUID(), displayName: `Demo ${person.key}`, role: person.role, agency: 'family', aadObjectId: demoObjectId(person.key), reach: 'guest', active: person.active };
    await store.coreGroups.addMember(coreGroupId, member);
  }
  const otherCoreGroupId = randomUUID();
  const otherMemberId = randomUUID();
  await store.coreGroups.create(
    { id: otherCoreGroupId, caseReference: 'OTHER-1', childName: 'Someone Else', tenantId: DEMO_TENANT_ID, policyId: 'england', icpcDate: Temporal.PlainDate.from('2026-05-27'), createdAt: clock.nowIso() },
    [{ id: otherMemberId, displayName: 'Other Lead', role: 'lead-social-worker', agency: "children's social care", aadObjectId: demoObjectId('otherlsw'), reach: 'tenant', active: true }],
  );
  const chatId = `19:meeting_${randomUUID()}@thread.v2`;
  const meetingId = randomUUID();
  // An earlier core group was held, so the lead social worker may chair this one (the first is the team manager's to chair under this profile).
  await store.meetings.create({ id: randomUUID(), coreGroupId, date: clock.today().subtract({ days: 3 }), status: 'held' });
  await store.meetings.create({ id: meetingId, coreGroupId, date: clock.today(), status: 'scheduled', startsAt: '2026-06-08T09:00:00Z', endsAt: '2026-06-08T10:30:00Z', booking: { organiser: 'priya.shah@demo.example', eventId: `event-${meetingId}`, chatId } });

  const deps = { ...store, clock, calendars, policy: (id: string) => loadPolicyCatalogue().get(id) };
  const logger = createLogger({ level: 'silent' });
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'entra', alg: 'RS256' };
  const verifier = createTabTokenVerifier({ keys: createLocalJWKSet({ keys: [jwk] }), audiences: [AUDIENCE], allowedTenantIds: [DEMO_TENANT_ID] });
  const channel = await startChannelStandIn();
  const bot = new CoreGroupBot({
    meetingChat: createMeetingChatService(deps),
    conversations: createConversations({ references: store.conversationReferences, clock }),
    languages: createLanguageChoices({ languages: store.languages, clock }),
    teamsAppId: 'app',
    allowedTenantIds: [DEMO_TENANT_ID],
    policies: () => [],
    status: unused('status'),
    reviews: unused('reviews'),
    scheduling: unused('scheduling'),
    checkIns: unused('checkIns'),
    concerns: unused('concerns'),
    setup: unused('setup'),
    members: unused('members'),
    meetingEvents: unused('meetingEvents'),
    agenda: unused('agenda'),
  } satisfies BotServices);
  const adapter = createBotAdapter({ appId: BOT_APP_ID, password: 'unused', tenantId: DEMO_TENANT_ID, openIdMetadataUrl: channel.metadataUrl, credentialsFactory: localChannelCredentials(), log: () => undefined });
  let base = '';
  const minutes = minutesRouter({ service: createMinutesService(deps), distribution: createMinutesDistribution(deps), dashboard: createDashboard({ calendars: deps.calendars, policy: deps.policy, concerns: deps.concerns, noticeDeliveries: deps.noticeDeliveries, coreGroups: deps.coreGroups, status: createCaseStatusService({ ...deps, calendar: calendarWithNoSeries }), clock }), verifier, logger });
  const notifications = createCalendarNotificationService({ subscriptions: store.calendarSubscriptions, meetings: store.meetings, clock, notificationUrl: () => `${base}/api/graph/notifications`, calendar: unused('calendar'), scheduling: unused('scheduling') });
  const graph = graphNotificationsRouter({ service: notifications, logger });
  const app = createHttpApp({ logger, version: 'test', health: { checkDatabase: async () => undefined }, routers: [minutes, botRouter({ adapter, bot, logger, tokensRequired: true }), graph] });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const tokenFor = (key: string) =>
    new SignJWT({ scp: 'access_as_user', tid: DEMO_TENANT_ID, oid: demoObjectId(key), name: 'Someone' })
      .setProtectedHeader({ alg: 'RS256', kid: 'entra' })
      .setIssuer(`https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  const members = () => store.coreGroups.members(coreGroupId);

  return {
    store,
    coreGroupId,
    meetingId,
    otherMemberId,
    /** The id of a demo person's membership in the demo group, by their demo key. */
    async memberId(key: string): Promise<string> {
      const member = (await members()).find((candidate) => candidate.aadObjectId === demoObjectId(key));
      if (!member) throw new Error(`no demo member ${key}`);
      return member.id;
    },
    /** A tab API call as a demo person (by key), or with a raw path and body; answers status and JSON. */
    async tab(method: string, path: string, key: string, body?: unknown): Promise<{ status: number; body: { error?: { code: string; message: string } } & Record<string, unknown> }> {
      const headers = { authorization: `Bearer ${await tokenFor(key)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) };
      const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as never };
    },
    /** A message typed in the meeting's chat by a demo person (the app @mentioned); answers the text of the bot's reply. */
    async chat(key: string, text: string): Promise<{ status: number; reply: string }> {
      channel.sent.splice(0);
      const activity = {
        ...teamsActivity({ serviceUrl: channel.serviceUrl, tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId(key), text: `<at>Core Group</at> ${text}`, conversationType: 'groupChat' }),
        conversation: { id: chatId, conversationType: 'groupChat', tenantId: DEMO_TENANT_ID },
        entities: [{ type: 'mention', mentioned: { id: `28:${BOT_APP_ID}`, name: 'Core Group' }, text: '<at>Core Group</at>' }],
      };
      const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await channel.token()}` }, body: JSON.stringify(activity) });
      return { status: response.status, reply: channel.sent.map((sent) => textOfReply(sent.body)).join('\n') };
    },
    /** A Graph change notification batch as anyone on the internet can POST it (no token: only the client state is Graph's secret). */
    async graphNotification(batch: unknown): Promise<{ status: number }> {
      const response = await fetch(`${base}/api/graph/notifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
      return { status: response.status };
    },
    /** The meeting's minutes as stored now. */
    stored: () => store.minutes.findByMeeting(meetingId),
    async stop(): Promise<void> {
      server.close();
      await channel.stop();
      await database.drop();
    },
  };
}

export type InputStack = Awaited<ReturnType<typeof startInputStack>>;
