import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { CoreGroupMember } from '../../../src/domain/core-group';
import { DomainError, ForbiddenError } from '../../../src/domain/errors';
import { DEMO_TENANT_ID, demoObjectId } from '../../../src/local/demo/demo-core-group.seed';
import { createConcernNotices } from '../../../src/services/notifications/concern-notices.service';
import { createAgendaViews, createMeetingNotices } from '../../../src/services/notifications/meeting-notices.service';
import { createSignalNotices } from '../../../src/services/notifications/signal-notices.service';
import type { Clock } from '../../../src/services/ports/clock.port';
import type { AgendaView, PersonalAgendaView } from '../../../src/services/ports/notifier.port';
import type { Store } from '../../../src/store/store';
import { type TestDatabase, demoDatabase } from '../../support/databases';
import { noticeDeps } from './notice-deps';
import { recordingNotifier } from './recording-notifier';

const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };

describe('what a concern and a signal say, and to whom', () => {
  let database: TestDatabase;
  let store: Store;
  let coreGroupId: string;
  let members: CoreGroupMember[];
  const member = (key: string) => members.find((candidate) => candidate.aadObjectId === demoObjectId(key))!;

  beforeAll(async () => {
    ({ database, store, coreGroupId } = await demoDatabase(clock));
    members = await store.coreGroups.members(coreGroupId);
  });
  afterAll(() => database.drop());

  test('a concern: the case, what it is about, who raised it (name and agency), their note and the first step of the route', async () => {
    const { concern } = await store.concerns.raise(
      { id: randomUUID(), coreGroupId, kind: 'tasks-not-done', raisedByMemberId: member('health').id, step: 0, status: 'open', raisedAt: '2026-06-03T09:30:00.000Z', stepStartedAt: '2026-06-03T09:30:00.000Z', note: 'Visits keep being cancelled' },
      'test-concern',
    );
    const { notifier, sent } = recordingNotifier();
    await createConcernNotices({ ...store, notifier, mailer: { sendMail: async () => undefined }, clock }).notify({ tenantId: DEMO_TENANT_ID, coreGroupId, concernId: concern.id, recipientAadObjectId: demoObjectId('lead') });
    expect(sent).toEqual([
      {
        tenantId: DEMO_TENANT_ID,
        to: { kind: 'person', aadObjectId: demoObjectId('lead') },
        summary: 'Core Group: a concern has been raised',
        message: { kind: 'concern-raised', caseReference: 'DEMO-0001', concern: 'tasks-not-done', raisedBy: 'Grace Lindqvist (health visiting)', raisedOn: '2026-06-03', note: 'Visits keep being cancelled', whatNext: expect.any(String) },
      },
    ]);
    expect(JSON.stringify(sent)).not.toContain('Riley');
  });

  test('a concern that no longer exists tells nobody', async () => {
    const { notifier, sent } = recordingNotifier();
    await createConcernNotices({ ...store, notifier, mailer: { sendMail: async () => undefined }, clock }).notify({ tenantId: DEMO_TENANT_ID, coreGroupId, concernId: randomUUID(), recipientAadObjectId: demoObjectId('lead') });
    expect(sent).toEqual([]);
  });

  test('an overdue action is worded from the plan as it stands and its owner as the group names them', async () => {
    const { notifier, sent } = recordingNotifier();
    await createSignalNotices({ ...store, notifier, mailer: { sendMail: async () => undefined }, clock }).notify({
      tenantId: DEMO_TENANT_ID,
      coreGroupId,
      kind: 'action-overdue',
      concern: 'tasks-not-done',
      subjectId: 'action-attendance',
      measure: 3,
      memberId: member('school').id,
      recipientAadObjectId: demoObjectId('manager'),
    });
    expect(sent).toEqual([
      {
        tenantId: DEMO_TENANT_ID,
        to: { kind: 'person', aadObjectId: demoObjectId('manager') },
        summary: 'Core Group: something in a plan needs attention',
        message: { kind: 'signal', signal: 'action-overdue', caseReference: 'DEMO-0001', measure: 3, subject: 'Report attendance every Friday and meet Jordan about lateness', person: 'Owen Price (school)', whatNext: expect.any(String) },
      },
    ]);
  });

  test('a missed deadline is worded by its statutory rule, with no person', async () => {
    const { notifier, sent } = recordingNotifier();
    await createSignalNotices({ ...store, notifier, mailer: { sendMail: async () => undefined }, clock }).notify({ tenantId: DEMO_TENANT_ID, coreGroupId, kind: 'deadline-missed', concern: 'drift-and-delay', subjectId: 'first-core-group', measure: 2, rule: 'First core group within 10 working days of the ICPC', recipientAadObjectId: demoObjectId('lead') });
    expect(sent[0]?.message).toMatchObject({ kind: 'signal', signal: 'deadline-missed', subject: 'First core group within 10 working days of the ICPC', person: undefined });
  });
});

describe('what the meeting chat and the chair are told', () => {
  const shared: AgendaView = { meetingId: randomUUID(), chatId: '19:meeting@thread.v2', date: Temporal.PlainDate.from('2026-06-08'), startsAt: '2026-06-08T09:00:00Z', endsAt: '2026-06-08T10:30:00Z', started: false };
  const personal: PersonalAgendaView = { ...shared, started: true, attendance: 'present', myActions: [] };
  const people = { 'grace-oid': '29:grace', 'owen-oid': undefined, 'priya-oid': '29:priya' } as Record<string, string | undefined>;
  const conversations = {
    channelUserIds: async (request: { aadObjectIds: readonly string[]; limit: number }) => request.aadObjectIds.flatMap((id) => (people[id] ? [people[id]] : [])).slice(0, request.limit),
  };
  const meetingEvents = (overrides: { agendaForCaller?: () => Promise<{ personal: PersonalAgendaView } | { shared: AgendaView } | undefined> } = {}) => ({
    agendaOf: async (meetingId: string, started: boolean) => (meetingId === shared.meetingId ? { ...shared, started } : undefined),
    attendeeIdentities: async () => ['grace-oid', 'owen-oid', 'priya-oid'],
    agendaForCaller: overrides.agendaForCaller ?? (async () => ({ personal })),
    markPresent: async () => personal,
  });

  /** The group the meeting belongs to, with Priya (the chair) in Teams; the policy's records unread here. */
  const chairInGroup = {
    meetings: { findById: async (id: string) => (id === shared.meetingId ? { id, coreGroupId: 'group', date: shared.date, status: 'held' as const } : undefined) },
    coreGroups: { members: async () => [{ id: 'priya', displayName: 'Priya Shah', role: 'lead-social-worker' as const, agency: "children's social care", aadObjectId: 'priya-oid', reach: 'tenant' as const, active: true }] },
    ...noticeDeps().deps,
  };

  test('the agenda goes to the meeting chat, times and headings only, refreshed for the members who have a 1:1 chat with the app', async () => {
    const { notifier, sent } = recordingNotifier();
    await createMeetingNotices({ meetingEvents: meetingEvents(), conversations, notifier, ...chairInGroup }).postAgenda({ tenantId: 'tenant', meetingId: shared.meetingId, chatId: shared.chatId, started: true });
    expect(sent).toEqual([{ tenantId: 'tenant', to: { kind: 'chat', chatId: shared.chatId }, summary: 'Core group meeting: the draft minutes are open', message: { kind: 'agenda', view: { ...shared, started: true }, refreshFor: ['29:grace', '29:priya'] } }]);
  });

  test('the sign-off reminder goes 1:1, with the dates fixed when the meeting ended and the chat whose minutes tab it opens', async () => {
    const { notifier, sent } = recordingNotifier();
    await createMeetingNotices({ meetingEvents: meetingEvents(), conversations, notifier, ...chairInGroup }).remindSignOff({
      tenantId: 'tenant',
      meetingId: shared.meetingId,
      aadObjectId: 'priya-oid',
      meetingRole: 'chair',
      caseReference: 'DEMO-0001',
      meetingDate: '2026-06-08',
      circulationDue: '2026-06-15',
    });
    expect(sent).toEqual([
      { tenantId: 'tenant', to: { kind: 'person', aadObjectId: 'priya-oid' }, summary: 'Core Group: minutes to sign off', message: { kind: 'sign-off-reminder', caseReference: 'DEMO-0001', meetingDate: '2026-06-08', circulationDue: '2026-06-15', meetingRole: 'chair', chatId: shared.chatId } },
    ]);
  });

  test('a meeting no longer booked gets neither agenda nor reminder', async () => {
    const { notifier, sent } = recordingNotifier();
    const notices = createMeetingNotices({ meetingEvents: meetingEvents(), conversations, notifier, ...chairInGroup });
    await notices.postAgenda({ tenantId: 'tenant', meetingId: randomUUID(), chatId: shared.chatId, started: false });
    await notices.remindSignOff({ tenantId: 'tenant', meetingId: randomUUID(), aadObjectId: 'priya-oid', meetingRole: 'chair', caseReference: 'X', meetingDate: '2026-06-08', circulationDue: '2026-06-15' });
    expect(sent).toEqual([]);
  });

  test('a member refreshing the agenda gets their own view with who else refreshes; anyone else the shared card, without the members’ ids', async () => {
    const caller = { tenantId: 'tenant', aadObjectId: 'grace-oid' };
    const request = { caller, meetingId: shared.meetingId, started: true, intent: 'view' as const, conversationId: shared.chatId };
    expect(await createAgendaViews({ meetingEvents: meetingEvents(), conversations }).agendaFor(request)).toEqual({ personal, refreshFor: ['29:grace', '29:priya'] });
    const outsider = meetingEvents({ agendaForCaller: async () => ({ shared: { ...shared, started: true } }) });
    expect(await createAgendaViews({ meetingEvents: outsider, conversations }).agendaFor(request)).toEqual({ shared: { ...shared, started: true } });
    const nowhere = meetingEvents({ agendaForCaller: async () => undefined });
    expect(await createAgendaViews({ meetingEvents: nowhere, conversations }).agendaFor(request)).toBeUndefined();
  });

  test('pressing “I’m here” when not a member is refused, not quietly shown the shared card', async () => {
    const refusing = { ...meetingEvents(), markPresent: async () => Promise.reject(new ForbiddenError('Not a member.')) };
    const request = { caller: { tenantId: 'tenant', aadObjectId: 'stranger' }, meetingId: shared.meetingId, started: true, intent: 'mark-present' as const, conversationId: shared.chatId };
    await expect(createAgendaViews({ meetingEvents: refusing, conversations }).agendaFor(request)).rejects.toBeInstanceOf(DomainError);
  });
});
