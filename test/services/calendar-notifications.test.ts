import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Temporal } from 'temporal-polyfill';
import { Agent, fetch as undiciFetch } from 'undici';
import { errorBodySchema } from '../../src/contracts/errors.contract';
import { demoOrganisation } from '../../src/local/demo/demo-organisation.seed';
import type { GraphSimulator } from '../../src/local/graph-simulator/graph-simulator.server';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createCalendarNotificationService } from '../../src/services/calendar-notifications.service';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import type { Clock } from '../../src/services/ports/clock.port';
import { createSchedulingService } from '../../src/services/scheduling.service';
import { graphNotificationsRouter } from '../../src/server/graph-notifications.route';
import { createHttpApp } from '../../src/server/http-app';
import { createLogger } from '../../src/server/logger';
import type { Store } from '../../src/store/store';
import { type TestDatabase, demoDatabase } from '../support/databases';
import { simulatedGraph } from '../support/graph';

const TODAY = Temporal.PlainDate.from('2026-06-03');
const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => TODAY };
const LEAD_MAIL = 'priya.shah@demo.example';

describe('replies pushed by Graph change notifications to the app over HTTP', () => {
  let database: TestDatabase;
  let store: Store;
  let simulator: GraphSimulator;
  let server: Server;
  let appUrl: string;
  let notifications: ReturnType<typeof createCalendarNotificationService>;
  let scheduling: ReturnType<typeof createSchedulingService>;
  let coreGroupId: string;

  beforeAll(async () => {
    let calendars: Awaited<ReturnType<typeof demoDatabase>>['calendars'];
    ({ database, store, calendars, coreGroupId } = await demoDatabase(clock));
    const graph = await simulatedGraph(demoOrganisation(TODAY));
    simulator = graph.simulator;
    scheduling = createSchedulingService({
      coreGroups: store.coreGroups, meetings: store.meetings, concerns: store.concerns, concernHistory: store.concernHistory, auditLog: store.auditLog, calendar: graph.calendar,
      agenda: { publishAgenda: async () => undefined }, clock, calendars, policy: (id) => loadPolicyCatalogue().get(id), teamsAppId: 'a1b2c3d4-0000-4000-8000-000000000001',
    });
    const app = createHttpApp({
      logger: createLogger({ level: 'silent' }),
      version: 'test',
      health: { checkDatabase: async () => undefined },
      routers: [graphNotificationsRouter({ service: { handle: (batch) => notifications.handle(batch) }, logger: createLogger({ level: 'silent' }) })],
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    notifications = createCalendarNotificationService({ calendar: graph.calendar, subscriptions: store.calendarSubscriptions, meetings: store.meetings, scheduling, clock, notificationUrl: () => `${appUrl}/api/graph/notifications` });
  });
  afterAll(async () => {
    server.close();
    await simulator.stop();
    await database.drop();
  });

  test('subscribing passes Graph’s validation handshake; a reply then arrives as invitation status', async () => {
    const subscriptionId = await notifications.subscribe(LEAD_MAIL);
    expect(simulator.state.subscriptions.get(subscriptionId)?.notificationUrl).toBe(`${appUrl}/api/graph/notifications`);
    const stored = await store.calendarSubscriptions.find(subscriptionId);
    expect(stored?.clientStateSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(simulator.state.subscriptions.get(subscriptionId)?.clientState);

    const lead = { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('lead') };
    const offer = await scheduling.proposeSlots({ caller: lead, coreGroupId });
    const booked = await scheduling.book({ caller: lead, coreGroupId, startMs: offer.proposal.slots[0]!.startMs });
    const tom = simulator.state.findUser('tom.okafor@demo.example')!;
    const invitation = tom.events.find((event) => event.masterId === booked.meeting.booking?.eventId)!;
    const dispatcher = new Agent({ connect: { ca: simulator.certificatePem } });
    await undiciFetch(`${simulator.url}_simulator/users/${tom.id}/events/${invitation.id}/respond`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ response: 'accepted' }), dispatcher });
    await dispatcher.close();
    const tomMember = (await store.coreGroups.members(coreGroupId)).find((member) => member.email === 'tom.okafor@demo.example')!;
    expect(await store.meetings.invitations(booked.meeting.id)).toContainEqual({ memberId: tomMember.id, response: 'accepted' });
  });

  test('polling brings replies back when notifications cannot arrive', async () => {
    const [meeting] = await store.meetings.listBookedFrom(TODAY, 10);
    const grace = simulator.state.findUser('grace.lindqvist@demo.example')!;
    const invitation = grace.events.find((event) => event.masterId === meeting!.booking!.eventId)!;
    const master = simulator.state.findUser(LEAD_MAIL)!.events.find((event) => event.id === meeting!.booking!.eventId)!;
    master.attendees!.find((attendee) => attendee.emailAddress?.address === grace.mail)!.status = { response: 'tentativelyAccepted' };
    expect(invitation.masterId).toBe(master.id);
    expect(await notifications.poll()).toBe(1);
    const graceMember = (await store.coreGroups.members(coreGroupId)).find((member) => member.email === grace.mail)!;
    expect(await store.meetings.invitations(meeting!.id)).toContainEqual({ memberId: graceMember.id, response: 'tentativelyAccepted' });
  });

  test('a notification with the wrong client state changes nothing', async () => {
    const [subscriptionId] = [...simulator.state.subscriptions.keys()];
    const before = simulator.requests.length;
    const response = await fetch(`${appUrl}/api/graph/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: [{ subscriptionId, clientState: 'guessed', changeType: 'updated', resourceData: { id: 'anything' } }] }),
    });
    expect(response.status).toBe(202);
    expect(simulator.requests.length).toBe(before);
  });

  test('a malformed body is a 400, and the validation token is echoed as plain text', async () => {
    const bad = await fetch(`${appUrl}/api/graph/notifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value: 'nope' }) });
    expect(bad.status).toBe(400);
    expect(errorBodySchema.parse(await bad.json())).toEqual({ error: { code: 'invalid-input', message: 'Not a Graph change notification batch' } });
    const echo = await fetch(`${appUrl}/api/graph/notifications?validationToken=${encodeURIComponent('<b>token</b>')}`, { method: 'POST' });
    expect(echo.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await echo.text()).toBe('<b>token</b>');
  });

  test('reauthorisation renews the subscription', async () => {
    const [subscriptionId] = [...simulator.state.subscriptions.keys()];
    const clientState = simulator.state.subscriptions.get(subscriptionId!)!.clientState;
    const result = await notifications.handle({ value: [{ subscriptionId: subscriptionId!, clientState: clientState ?? undefined, lifecycleEvent: 'reauthorizationRequired' }] });
    expect(result).toEqual({ synced: 0, rejected: 0 });
    expect(simulator.requests.at(-1)).toMatchObject({ method: 'PATCH', path: `/v1.0/subscriptions/${subscriptionId}`, status: 200 });
  });
});
