import { Temporal } from 'temporal-polyfill';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import type { Clock } from '../../src/services/ports/clock.port';
import type { Store } from '../../src/store/store';
import { type AnsweredCard, type CardAction, actionsOf, firstSlot, titled } from '../support/adaptive-cards';
import { BOT_APP_ID, startChannelStandIn, teamsActivity } from '../support/bot-channel';
import { startBotEndpoint } from '../support/bot-endpoint';
import { type TestDatabase, demoDatabase } from '../support/databases';
import type { GraphSimulator } from '../../src/local/graph-simulator/graph-simulator.server';
import { createTeamsNotifier } from '../../bot/teams-notifier';
import { messageJobHandlers } from '../../src/jobs/job-handlers';
import { type JobRunner, createJobRunner } from '../../src/jobs/job-runner';
import { createMeetingNotices } from '../../src/services/notifications/meeting-notices.service';
import { createRateLimiter } from '../../src/jobs/rate-limiter';

const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };
const health = demoObjectId('health');
const police = demoObjectId('police');
const TEAMS_APP_ID = 'a1b2c3d4-0000-4000-8000-000000000001';

type Channel = Awaited<ReturnType<typeof startChannelStandIn>>;
type Card = { body: { type: string; text?: string; items?: Card['body'] }[]; actions?: unknown[] };

const texts = (card: Card): string[] => card.body.flatMap((element) => [element.text ?? '', ...(element.items ? texts({ body: element.items }) : [])]);

describe('the bot endpoint with authentication on', () => {
  let database: TestDatabase;
  let store: Store;
  let channel: Channel;
  let botUrl: string;
  let coreGroupId: string;
  let simulator: GraphSimulator;
  let jobs: JobRunner;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    let calendars: Awaited<ReturnType<typeof demoDatabase>>['calendars'];
    ({ database, store, calendars, coreGroupId } = await demoDatabase(clock));
    const endpoint = await startBotEndpoint({ store, clock, calendars, teamsAppId: TEAMS_APP_ID });
    ({ channel, simulator, botUrl, stop } = endpoint);
    const { adapter, meetingEvents, conversations } = endpoint;
    const notifier = createTeamsNotifier({ adapter, appId: BOT_APP_ID, teamsAppId: TEAMS_APP_ID, conversations, limiter: createRateLimiter() });
    jobs = createJobRunner({ queue: store.jobs, handlers: messageJobHandlers({ meetings: createMeetingNotices({ ...store, meetingEvents, conversations, notifier, mailer: { sendMail: async () => undefined }, clock }) }), workerId: 'test', clock });
  });
  afterAll(async () => {
    await stop();
    await database.drop();
  });
  beforeEach(() => channel.sent.splice(0));

  const post = async (activity: object, token?: string) =>
    fetch(botUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(activity) });
  const fromMember = (aadObjectId: string, extra: Partial<Parameters<typeof teamsActivity>[0]> = {}) => teamsActivity({ serviceUrl: channel.serviceUrl, tenantId: DEMO_TENANT_ID, aadObjectId, ...extra });
  const lastCard = () => ((channel.sent.at(-1)?.body.attachments as { content: Card }[] | undefined)?.[0]?.content);

  test('a signed token is accepted and the reply reaches the connector, signed', async () => {
    const response = await post(fromMember(health, { text: '/coregroup tasks' }), await channel.token());
    expect(response.status).toBe(200);
    expect(channel.sent).toHaveLength(1);
    expect(channel.sent[0]?.authorization).toBe('Bearer local-outbound');
    expect(texts(lastCard()!).join(' ')).toContain('Visit weekly and check home conditions');
  });

  test.each([
    ['missing', async () => undefined],
    ['expired', async () => channel.token({ expiresIn: Math.floor(Date.now() / 1000) - 3600, notBefore: Math.floor(Date.now() / 1000) - 7200 } as never)],
    ['for another audience', async () => channel.token({ audience: '44444444-5555-4666-8777-888888888888' })],
    ['from another issuer', async () => channel.token({ issuer: 'https://evil.example' })],
    ['signed with another key', async () => channel.token({ signWithStranger: true })],
    ['unsigned (alg: none)', async () => channel.unsignedToken()],
  ])('a token that is %s gets 401 and nothing is sent', async (_case, token) => {
    const response = await post(fromMember(health, { text: '/coregroup tasks' }), await token());
    expect(response.status).toBe(401);
    expect(channel.sent).toEqual([]);
  });

  test('a body that is not an activity is a 400', async () => {
    const response = await post({ hello: 'world' }, await channel.token());
    expect(response.status).toBe(400);
  });

  test('an activity from a tenant outside the allow-list is refused before any handler runs', async () => {
    const activity = teamsActivity({ serviceUrl: channel.serviceUrl, tenantId: '99999999-9999-4999-8999-999999999999', aadObjectId: health, text: '/coregroup tasks' });
    await post(activity, await channel.token());
    expect(channel.sent).toEqual([]);
  });

  test('in a group chat, case commands answer with a notice that names no case or person', async () => {
    await post(fromMember(health, { text: '<at>Core Group</at> /coregroup status', conversationType: 'groupChat' }), await channel.token());
    const card = JSON.stringify(lastCard());
    expect(card).toContain('1:1 chat');
    expect(card).not.toContain('DEMO-0001');
    expect(card).not.toContain('Riley');
  });

  test('unknown input gets help, never silence', async () => {
    await post(fromMember(health, { text: 'what can you do?' }), await channel.token());
    expect(JSON.stringify(lastCard())).toContain('/coregroup tasks');
  });

  test('status lists deadlines by case reference, never the child’s name', async () => {
    await post(fromMember(demoObjectId('lead'), { text: 'coregroup status' }), await channel.token());
    const card = JSON.stringify(lastCard());
    expect(card).toContain('Case DEMO-0001');
    expect(card).toContain('First core group within 10 working days of the ICPC');
    expect(card).not.toContain('Riley');
  });

  test('a check-in button press records once, even when Teams delivers the invoke twice, and the card updates', async () => {
    const invoke = (promptId: string) =>
      fromMember(health, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'check-in', data: { coreGroupId, actionId: 'action-visits', status: 'on-track', promptId, 'note-action-visits': 'Visited [Tuesday](http://evil.example)' } }, trigger: 'manual' },
      });
    const promptId = '5b1d0c8e-0000-4000-8000-000000000001';
    const first = await post(invoke(promptId), await channel.token());
    expect(first.status).toBe(200);
    const body = (await first.json()) as { statusCode: number; value: Card };
    expect(body.statusCode).toBe(200);
    expect(texts(body.value).join(' ')).toContain('Recorded: on track');
    const again = await post(invoke(promptId), await channel.token());
    expect(again.status).toBe(200);
    const checkIns = await store.checkIns.listByCoreGroup(coreGroupId);
    expect(checkIns.filter((checkIn) => checkIn.actionId === 'action-visits')).toHaveLength(1);
    expect(checkIns[0]?.note).toBe('Visited [Tuesday](http://evil.example)');
    expect(JSON.stringify(body.value)).not.toContain('](http://evil');
  });

  test('Blocked without a note is refused on the card with what to do, and nothing is recorded; with a note it is recorded', async () => {
    const press = (note: string, promptId: string) =>
      fromMember(health, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'check-in', data: { coreGroupId, actionId: 'action-visits', status: 'blocked', promptId, 'note-action-visits': note } }, trigger: 'manual' } });
    const before = (await store.checkIns.listByCoreGroup(coreGroupId)).length;
    const refused = (await (await post(press('   ', '5b1d0c8e-0000-4000-8000-0000000000b1'), await channel.token())).json()) as { value: Card };
    expect(texts(refused.value).join(' ')).toContain('say in the note what is blocking this action');
    expect(JSON.stringify(refused.value)).toContain('"verb":"check-in"');
    expect(await store.checkIns.listByCoreGroup(coreGroupId)).toHaveLength(before);
    const recorded = (await (await post(press('Family moved; no address yet', '5b1d0c8e-0000-4000-8000-0000000000b2'), await channel.token())).json()) as { value: Card };
    expect(texts(recorded.value).join(' ')).toContain('Recorded: blocked');
  });

  test('someone who does not own the action pressing its button changes nothing, and it is audited', async () => {
    const before = (await store.checkIns.listByCoreGroup(coreGroupId)).length;
    const response = await post(
      fromMember(police, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'check-in', data: { coreGroupId, actionId: 'action-attendance', status: 'done', promptId: '5b1d0c8e-0000-4000-8000-000000000002' } }, trigger: 'manual' },
      }),
      await channel.token(),
    );
    const body = (await response.json()) as { value: Card };
    expect(texts(body.value).join(' ')).toContain('Only the owner');
    expect((await store.checkIns.listByCoreGroup(coreGroupId)).length).toBe(before);
    const stranger = demoObjectId('stranger');
    await post(fromMember(stranger, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'check-in', data: { coreGroupId, actionId: 'action-attendance', status: 'done', promptId: '5b1d0c8e-0000-4000-8000-000000000003' } } } }), await channel.token());
    const audit = await store.auditLog.listByCoreGroup(coreGroupId);
    expect(audit).toContainEqual(expect.objectContaining({ actor: stranger, action: 'check-in-own-action', outcome: 'denied' }));
  });

  test('card data that does not validate is refused with a clear message', async () => {
    const response = await post(fromMember(health, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'check-in', data: { coreGroupId: 'not-a-uuid', actionId: 'x', status: 'maybe' } } } }), await channel.token());
    const body = (await response.json()) as { value: Card };
    expect(texts(body.value).join(' ')).toContain('could not be read');
  });

  test('in a 1:1 chat, the Action.Submit fallback replaces the pressed card with the answer', async () => {
    const value = { verb: 'check-in', coreGroupId, actionId: 'action-visits', status: 'at-risk', promptId: '5b1d0c8e-0000-4000-8000-000000000004' };
    await post(fromMember(health, { value, replyToId: 'pressed-card-1' }), await channel.token());
    expect(channel.sent.map((request) => [request.method, decodeURIComponent(request.path)])).toEqual([['PUT', `/v3/conversations/a:personal-${health}/activities/pressed-card-1`]]);
    expect(texts(lastCard()!).join(' ')).toContain('Recorded: at risk');
  });

  test('/coregroup schedule proposes slots before the deadline, and Book makes one Teams meeting however often it is pressed', async () => {
    const lead = demoObjectId('lead');
    await post(fromMember(lead, { text: '/coregroup schedule' }), await channel.token());
    const card = lastCard() as unknown as { body: { type: string; id?: string; choices?: { value: string; title: string }[] }[]; actions: { verb: string; data: { coreGroupId: string } }[] };
    const choice = card.body.find((element) => element.type === 'Input.ChoiceSet')!;
    expect(choice.choices!.length).toBeGreaterThan(0);
    expect(JSON.stringify(card)).toContain('due by Wed 10 Jun 2026');
    const press = async () => {
      const response = await post(fromMember(lead, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: card.actions[0]!.verb, data: { ...card.actions[0]!.data, slot: choice.choices![0]!.value } } } }), await channel.token());
      return ((await response.json()) as { value: Card }).value;
    };
    const booked = await press();
    expect(JSON.stringify(booked)).toContain('Core group booked — case DEMO-0001');
    expect(JSON.stringify(booked)).toContain('teams.microsoft.com');
    await press();
    const organiser = simulator.state.findUser('priya.shah@demo.example')!;
    expect(organiser.events.filter((event) => event.isOnlineMeeting)).toHaveLength(1);
  });

  test('/coregroup plan shows the plan with owners, due dates and last check-ins', async () => {
    await post(fromMember(police, { text: '/coregroup plan' }), await channel.token());
    const card = JSON.stringify(lastCard());
    expect(card).toContain('Child protection plan — case DEMO-0001');
    expect(card).toContain('Grace Lindqvist (health visiting)');
    expect(card).toContain('Contingency:');
    expect(String(channel.sent.at(-1)?.body.summary ?? '')).not.toContain('Riley');
  });

  test('/coregroup escalate raises a concern once, however often Raise is pressed, and routes it to the lead social worker and manager', async () => {
    await post(fromMember(health, { text: '/coregroup escalate' }), await channel.token());
    const form = lastCard() as unknown as { actions: { verb: string; data: { coreGroupId: string; requestId: string } }[] };
    const press = async () => {
      const response = await post(fromMember(health, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: form.actions[0]!.verb, data: { ...form.actions[0]!.data, kind: 'tasks-not-done', note: 'School has not sent attendance for three weeks' } } } }), await channel.token());
      return JSON.stringify(((await response.json()) as { value: Card }).value);
    };
    const answer = await press();
    expect(answer).toContain('Concern raised — case DEMO-0001');
    expect(answer).toContain('Priya Shah');
    expect(answer).toContain('Tom Okafor');
    expect(answer).toContain('each is sent by Teams, or by e-mail where Teams cannot reach them');
    expect(answer).not.toContain('Told now');
    await press();
    const concerns = await store.concerns.listByCoreGroup(coreGroupId);
    expect(concerns).toHaveLength(1);
    expect(concerns[0]).toMatchObject({ kind: 'tasks-not-done', note: 'School has not sent attendance for three weeks', step: 0, status: 'open' });
    const queued = await database.db.selectFrom('jobs').select('payload').where('kind', '=', 'concern-notification').execute();
    expect(queued.map((job) => (JSON.parse(String(job.payload)) as { recipientAadObjectId: string }).recipientAadObjectId).sort()).toEqual([demoObjectId('lead'), demoObjectId('manager')].sort());
  });

  test('/coregroup escalate shows the concerns the caller raised and where each person’s notice stands, from the recorded outcomes', async () => {
    const [concern] = await store.concerns.listByCoreGroup(coreGroupId);
    const manager = (await store.coreGroups.members(coreGroupId)).find((member) => member.aadObjectId === demoObjectId('manager'))!;
    await store.noticeDeliveries.record({ id: 'delivery-to-manager', kind: 'concern', subjectId: concern!.id, memberId: manager.id, channel: 'email', outcome: 'sent', at: '2026-06-03T09:31:00.000Z' });
    await post(fromMember(health, { text: '/coregroup escalate' }), await channel.token());
    const card = JSON.stringify(lastCard());
    expect(card).toContain('Concerns you raised');
    expect(card).toContain('Tom Okafor: sent by e-mail');
    expect(card).toContain('Priya Shah: queued');
  });

  test('a concern without a note is refused on the card', async () => {
    const response = await post(fromMember(health, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'raise-concern', data: { coreGroupId, requestId: '5b1d0c8e-0000-4000-8000-000000000009', kind: 'drift-and-delay', note: '   ' } } } }), await channel.token());
    expect(JSON.stringify(((await response.json()) as { value: Card }).value)).toContain('say briefly what is happening');
  });

  test('/coregroup minutes says where the minutes stand and when they must be circulated', async () => {
    await post(fromMember(health, { text: '/coregroup minutes' }), await channel.token());
    const card = JSON.stringify(lastCard());
    expect(card).toContain('Minutes — case DEMO-0001');
    expect(card).toContain('No core group has been held yet.');
    expect(card).toContain('not started: the chair or minute-taker writes them in the Core Group tab of the meeting');
  });

  test('/coregroup new, for someone the organisation has not given the CoreGroup.Create app role, says who to ask and shows no form', async () => {
    await post(fromMember(health, { text: '/coregroup new' }), await channel.token());
    const card = JSON.stringify(lastCard());
    expect(card).toContain('your Core Group administrator (the people who assign app roles in Entra)');
    expect(card).not.toContain('Action.Execute');
  });

  test('/coregroup new sets up a core group: tenant members are found in the directory, others are e-mail only, the creator with their mailbox; errors come back on the form with every answer kept', async () => {
    const manager = demoObjectId('manager');
    await post(fromMember(manager, { text: '/coregroup new' }), await channel.token());
    const form = lastCard() as unknown as { actions: { verb: string; data: { requestId: string } }[] };
    const submit = async (answers: Record<string, string>) => {
      const response = await post(
        { ...fromMember(manager, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: form.actions[0]!.verb, data: { ...form.actions[0]!.data, ...answers } } } }), from: { id: '29:manager', aadObjectId: manager, name: 'Tom Okafor' } },
        await channel.token(),
      );
      return JSON.stringify(((await response.json()) as { value: Card }).value);
    };
    const answers = {
      caseReference: 'CP-2026-0042',
      childName: 'Invented Child',
      icpcDate: '2026-06-01',
      policyId: 'wales',
      creatorRole: 'team-manager',
      membersText: 'Lead Social Worker | children’s social care | Priya Shah | priya.shah@demo.example\nGP | GP surgery | Dr Ann Other | ann.other@gp.example\nparent/carer | family | Sam Parent | sam@family.example\nprofessional | school | Old Code | old.code@school.example',
      outcomesText: 'Safe at home\nIn school every day',
    };
    const refused = JSON.parse(await submit({ ...answers, membersText: 'nurse | NHS | X | x@y.example' })) as { body: { id?: string; value?: string }[] };
    expect(JSON.stringify(refused)).toContain('member line 1: the role must be one of lead social worker, team manager, conference chair, health visitor');
    const kept = Object.fromEntries(refused.body.filter((element) => element.id).map((element) => [element.id, element.value]));
    expect(kept).toEqual({ ...answers, membersText: 'nurse | NHS | X | x@y.example' });
    expect(await submit(answers)).toContain('Core group set up — case CP-2026-0042');
    expect(await submit(answers)).toContain('Core group set up — case CP-2026-0042');
    expect((await store.coreGroups.listForMember(DEMO_TENANT_ID, manager)).filter((group) => group.caseReference === 'CP-2026-0042')).toHaveLength(1);
    const created = (await store.coreGroups.listForMember(DEMO_TENANT_ID, manager)).find((group) => group.caseReference === 'CP-2026-0042')!;
    const members = await store.coreGroups.members(created.id);
    expect(members.map((member) => [member.displayName, member.position, member.role, member.reach, Boolean(member.aadObjectId)]).sort()).toEqual([
      ['Dr Ann Other', 'gp', 'professional', 'email-only', false],
      ['Old Code', 'other', 'professional', 'email-only', false],
      ['Priya Shah', 'lead-social-worker', 'lead-social-worker', 'tenant', true],
      ['Sam Parent', 'parent-carer', 'family-member', 'email-only', false],
      ['Tom Okafor', 'team-manager', 'team-manager', 'tenant', true],
    ]);
    expect(members.find((member) => member.aadObjectId === manager)?.email).toBe('tom.okafor@demo.example');
    expect((await store.plans.current(created.id))?.outcomes.map((outcome) => outcome.text)).toEqual(['Safe at home', 'In school every day']);
  });

  /** A message in the booked meeting's chat; `mentions` are Teams' mention entities (the app's own is added). */
  const inMeetingChatOf = async () => {
    const [booked] = (await store.meetings.listByCoreGroup(coreGroupId)).filter((meeting) => meeting.booking?.chatId);
    const chatId = booked!.booking!.chatId!;
    const inChat = (aadObjectId: string, text: string, id?: string, mentions: { mentioned: { id: string; name: string; aadObjectId?: string }; text: string }[] = []) => ({
      ...fromMember(aadObjectId, { text, conversationType: 'groupChat' }),
      ...(id ? { id } : {}),
      conversation: { id: chatId, conversationType: 'groupChat', tenantId: DEMO_TENANT_ID },
      entities: [{ type: 'mention', mentioned: { id: `28:${BOT_APP_ID}`, name: 'Core Group' }, text: '<at>Core Group</at>' }, ...mentions.map((mention) => ({ type: 'mention', ...mention }))],
    });
    return { booked: booked!, inChat };
  };
  const memberOf = async (aadObjectId: string) => (await store.coreGroups.members(coreGroupId)).find((member) => member.aadObjectId === aadObjectId)!;

  test('in the meeting chat, notes, decisions and actions land in the draft minutes once each, attributed; the reply repeats nothing', async () => {
    const { booked, inChat } = await inMeetingChatOf();
    const note = inChat(health, '<at>Core Group</at> /coregroup note Mum says the heating is fixed', 'activity-note-1');
    await post(note, await channel.token());
    expect(JSON.stringify(lastCard())).toContain('Added to the draft minutes as a note');
    expect(JSON.stringify(lastCard())).not.toContain('heating');
    await post(note, await channel.token());
    // Teams names the mentioned person by their Teams id only: the connector's member record gives their Entra object id.
    channel.knowsMember({ id: '29:owen-in-teams', name: 'Owen Price', aadObjectId: demoObjectId('school') });
    const owen = { mentioned: { id: '29:owen-in-teams', name: 'Owen Price' }, text: '<at>Owen Price</at>' };
    await post(inChat(health, '<at>Core Group</at> /coregroup action <at>Owen Price</at> to send attendance figures by 2026-06-19', 'activity-action-1', [owen]), await channel.token());
    const minutes = await store.minutes.findByMeeting(booked.id);
    const healthMember = await memberOf(health);
    const school = await memberOf(demoObjectId('school'));
    expect(minutes?.content.contributions.map((c) => [c.kind, c.memberId, c.due ?? null, c.ownerMemberId ?? null, c.ownerName ?? null])).toEqual([
      ['note', healthMember.id, null, null, null],
      ['action', healthMember.id, '2026-06-19', school.id, 'Owen Price'],
    ]);
    expect(minutes?.content.contributions[1]?.text).toBe('to send attendance figures by 2026-06-19');
    await post(inChat(demoObjectId('stranger'), '/coregroup note I am not a member', 'activity-note-2'), await channel.token());
    expect((await store.minutes.findByMeeting(booked.id))?.content.contributions).toHaveLength(2);
  });

  test('an action’s owner is the person the mention entity names, never a name in the text', async () => {
    const { booked, inChat } = await inMeetingChatOf();
    const police = await memberOf(demoObjectId('police'));
    // The text says Owen Price, the mention entity (what Teams signs into the message) is the police member.
    const spoofed = { mentioned: { id: '29:someone', name: 'Owen Price', aadObjectId: police.aadObjectId! }, text: '<at>Owen Price</at>' };
    await post(inChat(health, '<at>Core Group</at> /coregroup action <at>Owen Price</at> to share call-outs by 2026-06-20', 'activity-action-2', [spoofed]), await channel.token());
    // A name typed without a mention is no owner at all.
    await post(inChat(health, '<at>Core Group</at> /coregroup action Owen Price to phone the school by 2026-06-21', 'activity-action-3'), await channel.token());
    const contributions = (await store.minutes.findByMeeting(booked.id))!.content.contributions;
    expect(contributions.find((c) => c.id === 'activity-action-2')).toMatchObject({ ownerMemberId: police.id, ownerName: 'Sgt Amira Haddad' });
    const typedName = contributions.find((c) => c.id === 'activity-action-3');
    expect([typedName?.due, typedName?.ownerMemberId, typedName?.ownerName]).toEqual(['2026-06-21', undefined, undefined]);
  });

  test('HTML in the message text is read as text: entities decoded, markup gone', async () => {
    const { booked, inChat } = await inMeetingChatOf();
    await post(inChat(health, '<at>Core Group</at>&nbsp;/coregroup note Mum &amp; Dad say the <b>heating</b>&nbsp;is fixed &lt;3 days ago&gt;', 'activity-note-3'), await channel.token());
    const contribution = (await store.minutes.findByMeeting(booked.id))!.content.contributions.find((c) => c.id === 'activity-note-3');
    expect(contribution?.text).toBe('Mum & Dad say the  heating  is fixed <3 days ago>');
  });

  describe('meeting events', () => {
    const bookedMeeting = async () => (await store.meetings.listByCoreGroup(coreGroupId)).find((meeting) => meeting.booking?.chatId)!;
    const inMeetingChat = (chatId: string, activity: object) => ({ ...activity, conversation: { id: chatId, conversationType: 'groupChat', tenantId: DEMO_TENANT_ID } });
    const postedTo = (conversationId: string) => channel.sent.filter((request) => request.method === 'POST' && decodeURIComponent(request.path).startsWith(`/v3/conversations/${conversationId}/activities`)).map((request) => (request.body.attachments as { content: Card & { refresh?: { userIds: string[] } } }[])[0]!.content);
    const drainJobs = async () => {
      while ((await jobs.runOnce()) > 0);
    };
    const meetingEvent = (chatId: string, name: 'application/vnd.microsoft.meetingStart' | 'application/vnd.microsoft.meetingEnd') =>
      inMeetingChat(chatId, {
        ...fromMember(demoObjectId('lead'), { type: 'event', name, conversationType: 'groupChat' }),
        value: { Id: 'meeting-id', JoinUrl: 'https://teams.microsoft.com/l/meetup-join/x', MeetingType: 'Scheduled', Title: 'Core group', ...(name.endsWith('Start') ? { StartTime: '2026-06-08T09:00:00Z' } : { EndTime: '2026-06-08T10:30:00Z' }) },
      });

    test('once the app is in the meeting chat, the agenda booked earlier is posted there: headings and times, no case or person, refreshed per member', async () => {
      const meeting = await bookedMeeting();
      const chatId = meeting.booking!.chatId!;
      await post(inMeetingChat(chatId, { ...fromMember(demoObjectId('lead'), { type: 'conversationUpdate', conversationType: 'groupChat' }), membersAdded: [{ id: `28:${BOT_APP_ID}` }] }), await channel.token());
      await drainJobs();
      const [welcome, agenda] = postedTo(chatId);
      expect(texts(welcome!).join(' ')).toContain('Core Group has been added to this chat');
      expect(JSON.stringify(welcome)).not.toMatch(/DEMO-0001|Riley|Priya|Owen/);
      expect(texts(agenda!).join(' ')).toContain('Core group meeting: agenda');
      expect(JSON.stringify(agenda)).not.toMatch(/DEMO-0001|Priya|Owen|Visit weekly/);
      expect(agenda!.refresh!.userIds).toEqual(expect.arrayContaining([`29:${health}`, `29:${demoObjectId('lead')}`]));
      expect(JSON.stringify(agenda)).toContain(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/minutes`);
    });

    test('the meeting starting opens the draft minutes and posts the agenda with the attendance prompt once, however often Teams sends the event', async () => {
      const meeting = await bookedMeeting();
      const chatId = meeting.booking!.chatId!;
      channel.sent.splice(0);
      await post(meetingEvent(chatId, 'application/vnd.microsoft.meetingStart'), await channel.token());
      await post(meetingEvent(chatId, 'application/vnd.microsoft.meetingStart'), await channel.token());
      await drainJobs();
      const posted = postedTo(chatId);
      expect(posted).toHaveLength(1);
      expect(texts(posted[0]!).join(' ')).toContain('the draft minutes are open');
      expect(JSON.stringify(posted[0]!.actions)).toContain('mark-present');
      expect(await store.minutes.findByMeeting(meeting.id)).toBeDefined();
    });

    test('a member’s client refreshing the card gets their own view; someone outside the group gets the shared card', async () => {
      const meeting = await bookedMeeting();
      const refresh = (aadObjectId: string) =>
        inMeetingChat(meeting.booking!.chatId!, fromMember(aadObjectId, { type: 'invoke', name: 'adaptiveCard/action', conversationType: 'groupChat', value: { trigger: 'automatic', action: { type: 'Action.Execute', verb: 'agenda-view', data: { meetingId: meeting.id, started: true } } } }));
      const mine = ((await (await post(refresh(health), await channel.token())).json()) as { value: Card }).value;
      expect(texts(mine).join(' ')).toContain('Only you see this part');
      expect(texts(mine).join(' ')).toContain('Visit weekly and check home conditions');
      const theirs = ((await (await post(refresh(demoObjectId('stranger')), await channel.token())).json()) as { value: Card }).value;
      expect(texts(theirs).join(' ')).not.toContain('Only you see this part');
      expect(texts(theirs).join(' ')).toContain('the draft minutes are open');
    });

    test('“I’m here” records the member as present once and the button goes from their view', async () => {
      const meeting = await bookedMeeting();
      const press = async () => {
        const activity = inMeetingChat(meeting.booking!.chatId!, fromMember(health, { type: 'invoke', name: 'adaptiveCard/action', conversationType: 'groupChat', value: { action: { type: 'Action.Execute', verb: 'mark-present', data: { meetingId: meeting.id, started: true } } } }));
        return ((await (await post(activity, await channel.token())).json()) as { value: Card }).value;
      };
      const card = await press();
      expect(texts(card).join(' ')).toContain('Your attendance: present');
      expect(JSON.stringify(card.actions)).not.toContain('mark-present');
      const version = (await store.minutes.findByMeeting(meeting.id))!.version;
      await press();
      const minutes = (await store.minutes.findByMeeting(meeting.id))!;
      expect(minutes.version).toBe(version);
      const healthMember = (await store.coreGroups.members(coreGroupId)).find((member) => member.aadObjectId === health)!;
      expect(minutes.content.attendance.find((entry) => entry.memberId === healthMember.id)?.attendance).toBe('present');
    });

    test('the meeting ending reminds the chair 1:1 of sign-off and the circulation deadline, once', async () => {
      const meeting = await bookedMeeting();
      channel.sent.splice(0);
      await post(meetingEvent(meeting.booking!.chatId!, 'application/vnd.microsoft.meetingEnd'), await channel.token());
      await post(meetingEvent(meeting.booking!.chatId!, 'application/vnd.microsoft.meetingEnd'), await channel.token());
      await drainJobs();
      const reminders = postedTo(`a:personal-${demoObjectId('lead')}`);
      expect(reminders).toHaveLength(1);
      expect(texts(reminders[0]!).join(' ')).toMatch(/must reach every member, present or absent, by \*\*\w{3} \d{1,2} \w{3} \d{4}\*\*/);
      expect(postedTo(meeting.booking!.chatId!)).toEqual([]);
    });

    test('a meeting event from a chat that is not a core group meeting does nothing', async () => {
      channel.sent.splice(0);
      await post(meetingEvent('19:meeting_unknown@thread.v2', 'application/vnd.microsoft.meetingStart'), await channel.token());
      await drainJobs();
      expect(postedTo('19:meeting_unknown@thread.v2')).toEqual([]);
    });
  });

  test('a professional asking to schedule is told there is nothing for them to schedule', async () => {
    await post(fromMember(health, { text: '/coregroup schedule' }), await channel.token());
    expect(JSON.stringify(lastCard())).toContain('nothing for you to schedule');
  });

  describe('the booked series, after the booking above', () => {
    const lead = demoObjectId('lead');
    const press = async (action: CardAction, inputs: Record<string, string> = {}) => {
      const response = await post(fromMember(lead, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: action.verb, data: { ...action.data, ...inputs } } } }), await channel.token());
      return ((await response.json()) as { value: AnsweredCard }).value;
    };
    const scheduleCard = async () => {
      // The lead holds DEMO-0001 and the case set up through /coregroup new above, so the command names its case.
      await post(fromMember(lead, { text: '/coregroup schedule DEMO-0001' }), await channel.token());
      return lastCard() as unknown as AnsweredCard;
    };

    test('status and minutes show the series: next meeting, join link, minutes tab and each invitee’s reply', async () => {
      const [meeting] = (await store.meetings.listByCoreGroup(coreGroupId)).filter((candidate) => candidate.booking);
      const grace = (await store.coreGroups.members(coreGroupId)).find((member) => member.email === 'grace.lindqvist@demo.example')!;
      await store.meetings.recordInvitationResponses(meeting!.id, [{ memberId: grace.id, response: 'declined' }], clock.nowIso());
      for (const [person, command] of [[lead, '/coregroup status'], [health, '/coregroup minutes']] as const) {
        await post(fromMember(person, { text: command }), await channel.token());
        const card = JSON.stringify(lastCard());
        expect(card).toContain('Next meeting: **');
        expect(card).toContain('"title":"Grace Lindqvist","value":"declined"');
        expect(card).toContain('Join the Teams meeting');
        expect(card).toContain(`/l/entity/${TEAMS_APP_ID}/minutes`);
        expect(card).not.toContain('No core group is booked');
        expect(card).not.toContain('Riley');
      }
    });

    test('/coregroup schedule shows the series and offers to move or cancel it, not fresh slots', async () => {
      const card = await scheduleCard();
      const text = JSON.stringify(card);
      expect(text).toContain('Core group booked — case DEMO-0001');
      expect(text).not.toContain('book-slot');
      expect(titled(card, 'Reschedule this one')).toBeDefined();
      expect(titled(card, 'Cancel with this reason')).toBeDefined();
    });

    test('Reschedule this one moves that meeting on Graph, once however often Move is pressed', async () => {
      const offer = await press(titled(await scheduleCard(), 'Reschedule this one')!);
      const move = titled(offer, 'Move this meeting')!;
      const slot = firstSlot(offer);
      expect(JSON.stringify(await press(move, { slot }))).toContain('✔ Moved the meeting to');
      expect(JSON.stringify(await press(move, { slot }))).toContain('Already moved');
      const organiser = simulator.state.findUser('priya.shah@demo.example')!;
      expect(organiser.events.filter((event) => event.id.endsWith(`_${String(move.data!.occurrence)}`))).toHaveLength(1);
    });

    test('Cancel with a reason: the next meeting, then the series, each once; then fresh slots are offered and the new series can be moved as a whole', async () => {
      const cancelOne = titled(await scheduleCard(), 'Cancel with this reason')!;
      expect(JSON.stringify(await press(cancelOne, { reason: 'Bank holiday clash', scope: 'one' }))).toContain('✔ Cancelled that meeting; the series goes on.');
      expect(JSON.stringify(await press(cancelOne, { reason: 'Bank holiday clash', scope: 'one' }))).toContain('Already cancelled');
      expect(JSON.stringify(await press(cancelOne, { reason: ' ', scope: 'series' }))).toContain('Say why');

      const cancelSeries = titled(await scheduleCard(), 'Cancel with this reason')!;
      expect(JSON.stringify(await press(cancelSeries, { reason: 'Child moved out of area', scope: 'series' }))).toContain('✔ Cancelled the series.');
      expect(JSON.stringify(await press(cancelSeries, { reason: 'Child moved out of area', scope: 'series' }))).toContain('Already cancelled');
      const organiser = simulator.state.findUser('priya.shah@demo.example')!;
      const [cancelled] = (await store.meetings.listByCoreGroup(coreGroupId)).filter((meeting) => meeting.id === cancelSeries.data!.meetingId);
      // Its first meeting was held (the meeting events above): that record stays; the rest of the series is gone.
      expect(cancelled).toMatchObject({ status: 'held' });
      expect(organiser.events.find((event) => event.id === cancelled!.booking!.eventId)?.isCancelled).toBe(true);

      const slots = await scheduleCard();
      const book = actionsOf(slots).find((action) => action.verb === 'book-slot')!;
      expect(JSON.stringify(await press(book, { slot: firstSlot(slots) }))).toContain('Core group booked');
      const series = titled(await scheduleCard(), 'Reschedule the series')!;
      const offer = await press(series);
      const moveSeries = titled(offer, 'Move the series')!;
      const slot = firstSlot(offer);
      expect(JSON.stringify(await press(moveSeries, { slot }))).toContain('✔ Moved the series to start');
      expect(JSON.stringify(await press(moveSeries, { slot }))).toContain('Already moved');
      const [booked] = (await store.meetings.listByCoreGroup(coreGroupId)).filter((meeting) => meeting.status === 'scheduled');
      expect(booked!.startsAt).toBe(new Date(Number(slot)).toISOString());
    });
  });

  test('a personal chat is remembered for proactive messages, in the database', async () => {
    await post(fromMember(health, { text: 'help' }), await channel.token());
    expect(await store.conversationReferences.find(DEMO_TENANT_ID, `user:${health}`)).toMatchObject({ conversation: { conversationType: 'personal' }, serviceUrl: channel.serviceUrl });
  });
});
