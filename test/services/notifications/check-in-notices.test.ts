import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { CoreGroupMember } from '../../../src/domain/core-group';
import { loadPolicyCatalogue } from '../../../src/policies/policy-catalogue';
import { createCaseStatusService } from '../../../src/services/case-status.service';
import { DEMO_TENANT_ID, demoObjectId } from '../../../src/local/demo/demo-core-group.seed';
import { createCheckInNotices, whoToChase } from '../../../src/services/notifications/check-in-notices.service';
import type { Clock } from '../../../src/services/ports/clock.port';
import type { Store } from '../../../src/store/store';
import { type TestDatabase, demoDatabase } from '../../support/databases';
import { noticeDeps } from './notice-deps';
import { recordingNotifier } from './recording-notifier';
import { calendarWithNoSeries } from '../../support/graph';
import { renderOutboundCard } from '../../../bot/outbound-cards';
import { wordsIn } from '../../../src/i18n/words';

const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };
const PROMPTED_AT = '2026-06-05T07:00:00.000Z';

describe('check-in prompts and chases: who is told, with what', () => {
  let database: TestDatabase;
  let store: Store;
  let coreGroupId: string;
  let calendars: Awaited<ReturnType<typeof demoDatabase>>['calendars'];
  let members: CoreGroupMember[];
  const member = (key: string) => members.find((candidate) => candidate.aadObjectId === demoObjectId(key))!;
  const jobFor = (key: string) => ({ tenantId: DEMO_TENANT_ID, coreGroupId, memberId: member(key).id, aadObjectId: demoObjectId(key), promptId: randomUUID(), promptedAt: PROMPTED_AT });
  const notices = (notifier: ReturnType<typeof recordingNotifier>['notifier']) => {
    const deps = { ...store, clock, calendars, policy: (id: string) => loadPolicyCatalogue().get(id) };
    return createCheckInNotices({ ...noticeDeps().deps, status: createCaseStatusService({ ...deps, calendar: calendarWithNoSeries }), coreGroups: store.coreGroups, checkIns: store.checkIns, notifier });
  };

  beforeAll(async () => {
    ({ database, store, calendars, coreGroupId } = await demoDatabase(clock));
    members = await store.coreGroups.members(coreGroupId);
  });
  afterAll(() => database.drop());

  test('the prompt lists the owner’s open actions in that core group, 1:1, with a preview that names no child', async () => {
    const { notifier, sent } = recordingNotifier();
    const job = jobFor('health');
    await notices(notifier).prompt(job);
    expect(sent).toEqual([
      {
        tenantId: DEMO_TENANT_ID,
        to: { kind: 'person', aadObjectId: demoObjectId('health') },
        summary: 'Core Group: please check in on your actions',
        message: { kind: 'check-in-prompt', promptId: job.promptId, actions: [expect.objectContaining({ coreGroupId, caseReference: 'DEMO-0001', action: expect.objectContaining({ id: 'action-visits' }) })] },
      },
    ]);
    expect(JSON.stringify(sent)).not.toContain('Riley');
  });

  test('in the language each person chose: a Welsh speaker’s prompt, its card and its e-mail are in Welsh; the lead social worker’s chase in Welsh too', async () => {
    await store.languages.choose({ tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('health'), language: 'cy', at: clock.nowIso() });
    await store.languages.choose({ tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('lead'), language: 'cy', at: clock.nowIso() });
    try {
      const { notifier, sent } = recordingNotifier();
      const welshNotices = createCheckInNotices({ ...noticeDeps().deps, languages: store.languages, status: createCaseStatusService({ ...store, clock, calendars, policy: (id: string) => loadPolicyCatalogue().get(id), calendar: calendarWithNoSeries }), coreGroups: store.coreGroups, checkIns: store.checkIns, notifier });
      await welshNotices.prompt(jobFor('health'));
      expect(sent[0]).toMatchObject({ summary: 'Core Group: rhowch ddiweddariad ar eich camau gweithredu', language: 'cy' });
      const card = JSON.stringify(renderOutboundCard(sent[0]!.message, { teamsAppId: 'app', words: wordsIn(sent[0]!.language ?? 'en') }));
      for (const welsh of ['Eich camau gweithredu', 'Ar y trywydd iawn', "Wedi'i rwystro", 'Nodyn (angenrheidiol os yw wedi']) expect(card).toContain(welsh);
      expect(card).not.toContain('On track');
      await welshNotices.chase(jobFor('school'));
      expect(sent[1]).toMatchObject({ summary: 'Core Group: mae diweddariad ar goll', language: 'cy', to: { aadObjectId: demoObjectId('lead') } });
      expect(JSON.stringify(renderOutboundCard(sent[1]!.message, { teamsAppId: 'app', words: wordsIn('cy') }))).toMatch(/Dim diweddariad eto gan Owen Price \(school\) .* a ofynnwyd ar Gwen, 5 Meh 2026/);

      // Teams cannot reach her: the e-mail is in Welsh.
      const { notifier: refusing, refuse } = recordingNotifier();
      refuse(404);
      const mailed = noticeDeps();
      await createCheckInNotices({ ...mailed.deps, languages: store.languages, organiserMailbox: 'priya.shah@demo.example', status: createCaseStatusService({ ...store, clock, calendars, policy: (id: string) => loadPolicyCatalogue().get(id), calendar: calendarWithNoSeries }), coreGroups: store.coreGroups, checkIns: store.checkIns, notifier: refusing }).prompt(jobFor('health'));
      expect(mailed.mails[0]).toMatchObject({ subject: 'Mae diweddariad ar gam gweithredu yn ddyledus — achos DEMO-0001' });
      expect(mailed.mails[0]!.bodyText).toContain('Agorwch Core Group yn Microsoft Teams');
    } finally {
      await store.languages.choose({ tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('health'), language: 'en', at: clock.nowIso() });
      await store.languages.choose({ tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('lead'), language: 'en', at: clock.nowIso() });
    }
  });

  test('someone with no open action is not prompted at all', async () => {
    const { notifier, sent } = recordingNotifier();
    await notices(notifier).prompt(jobFor('iro'));
    expect(sent).toEqual([]);
  });

  test('no check-in since the prompt: the lead social worker is told who, in which case, asked when', async () => {
    const { notifier, sent } = recordingNotifier();
    await notices(notifier).chase(jobFor('school'));
    expect(sent).toEqual([
      {
        tenantId: DEMO_TENANT_ID,
        to: { kind: 'person', aadObjectId: demoObjectId('lead') },
        summary: 'Core Group: a check-in is missing',
        message: { kind: 'check-in-missing', caseReference: 'DEMO-0001', memberName: 'Owen Price', agency: 'school', askedOn: '2026-06-05' },
      },
    ]);
  });

  test('a check-in since the prompt means nobody is chased; one from before it does not count', async () => {
    const health = member('health');
    const record = (recordedAt: string) =>
      store.checkIns.record({ id: randomUUID(), coreGroupId, actionId: 'action-visits', memberId: health.id, status: 'on-track', note: '', recordedAt }, `test:${recordedAt}`);
    await record('2026-06-04T09:00:00.000Z');
    const before = recordingNotifier();
    await notices(before.notifier).chase(jobFor('health'));
    expect(before.sent.map((notification) => notification.message.kind)).toEqual(['check-in-missing']);
    await record('2026-06-06T09:00:00.000Z');
    const after = recordingNotifier();
    await notices(after.notifier).chase(jobFor('health'));
    expect(after.sent).toEqual([]);
  });

  test.each([
    ['the active lead social worker', { role: 'lead-social-worker', active: true, aadObjectId: 'lead-oid' }, 'lead-oid'],
    ['nobody when the lead social worker has left the group', { role: 'lead-social-worker', active: false, aadObjectId: 'lead-oid' }, undefined],
    ['the lead social worker outside Teams too (the chase goes by e-mail)', { role: 'lead-social-worker', active: true, aadObjectId: undefined, displayName: 'Lead by e-mail' }, 'Lead by e-mail'],
    ['never the team manager instead', { role: 'team-manager', active: true, aadObjectId: 'manager-oid' }, undefined],
  ] as const)('who is chased: %s', (_case, lead, expected) => {
    const someone = (fields: Partial<CoreGroupMember>): CoreGroupMember => ({ id: randomUUID(), displayName: 'X', role: 'professional', agency: 'a', reach: 'tenant', active: true, ...fields });
    const chased = whoToChase([someone({ aadObjectId: 'professional-oid' }), someone(lead)]);
    expect(chased && (chased.aadObjectId ?? chased.displayName)).toBe(expected);
  });
});
