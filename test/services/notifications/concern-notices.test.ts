import type { ConcernNotificationJob } from '../../../src/contracts/jobs.contract';
import type { AreaContact, ConcernTransition } from '../../../src/domain/concern-steps';
import type { CoreGroupMember } from '../../../src/domain/core-group';
import type { NoticeDelivery } from '../../../src/domain/notice-delivery';
import { concernNoticeDeliveryId, createConcernNotices } from '../../../src/services/notifications/concern-notices.service';
import type { Concern } from '../../../src/services/ports/store.port';
import { noticeDeps } from './notice-deps';
import { recordingNotifier } from './recording-notifier';
import { renderOutboundCard } from '../../../bot/outbound-cards';
import type { Language } from '../../../src/i18n/language';
import { wordsIn } from '../../../src/i18n/words';

const coreGroupId = '5b1d0c8e-0000-4000-8000-000000000001';
const concernId = '5b1d0c8e-0000-4000-8000-000000000002';
const raiser: CoreGroupMember = { id: 'grace', displayName: 'Grace Lindqvist', role: 'professional', agency: 'health visiting', reach: 'tenant', active: true, email: 'grace@nhs.example', aadObjectId: 'grace-oid' };
const chairOfTheArea: AreaContact = { id: '5b1d0c8e-0000-4000-8000-00000000c4a1', tenantId: 'tenant', area: 'england', name: 'Priya Shah', role: 'conference-chair', email: 'priya.shah@council.example' };
const concern: Concern = { id: concernId, coreGroupId, kind: 'tasks-not-done', raisedByMemberId: 'grace', step: 0, status: 'open', raisedAt: '2026-06-03T09:30:00.000Z', stepStartedAt: '2026-06-03T09:30:00.000Z', note: 'Riley was not seen at the visit' };

/** A concern notice to `manager` (a team manager in Teams unless told otherwise), with the outcomes and e-mails it leaves. */
function noticeTo(manager: Partial<CoreGroupMember>, options: { organiserMailbox?: string | undefined; job?: Partial<ConcernNotificationJob>; decision?: ConcernTransition; concern?: Partial<Concern>; language?: Language } = { organiserMailbox: 'organiser@council.example' }) {
  const recipient: CoreGroupMember = { id: 'manager', displayName: 'Tom Okafor', role: 'team-manager', agency: "children's social care", reach: 'tenant', active: true, email: 'tom@council.example', aadObjectId: 'tom-oid', ...manager };
  const { deps, recorded, mails, queued } = noticeDeps();
  const history: ConcernTransition[] = [];
  const { notifier, sent, refuse } = recordingNotifier();
  const notices = createConcernNotices({
    coreGroups: {
      findById: async () => ({ id: coreGroupId, caseReference: 'CP-2026-0042', childName: 'Riley Example', tenantId: 'tenant', policyId: 'england', createdAt: '' }) as never,
      members: async () => [raiser, recipient],
    },
    concerns: { listByCoreGroup: async () => [{ ...concern, ...options.concern }] },
    ...deps,
    concernHistory: { find: async (id) => (options.decision?.id === id ? options.decision : undefined), record: async (transition) => (history.push(transition), { created: true }) },
    areaContacts: { list: async () => [chairOfTheArea] },
    languages: { of: async () => options.language },
    notifier,
    organiserMailbox: options.organiserMailbox,
  });
  const job: ConcernNotificationJob = { tenantId: 'tenant', coreGroupId, concernId, recipientMemberId: 'manager', ...(recipient.aadObjectId ? { recipientAadObjectId: recipient.aadObjectId } : {}), ...options.job };
  return { notify: () => notices.notify(job), recordUndelivered: () => notices.recordUndelivered(job, { id: 'dead-job', attempts: 5, lastError: 'DeliveryError:delivery-failed' }), recorded, history, mails, sent, refuse, queued };
}

const outcome = (fields: Pick<NoticeDelivery, 'channel' | 'outcome'> & { detail?: string; jobId?: string; attempt?: number }) => ({
  id: concernNoticeDeliveryId(concernId, 'manager'),
  kind: 'concern',
  subjectId: concernId,
  memberId: 'manager',
  coreGroupId,
  jobId: undefined,
  attempt: 1,
  at: '2026-06-03T09:31:00.000Z',
  detail: undefined,
  ...fields,
});

describe('a concern notice to one person: Teams first, e-mail where Teams cannot reach them, each outcome recorded', () => {
  test('someone reachable in Teams gets the 1:1 card and no e-mail; it is recorded sent by Teams', async () => {
    const { notify, recorded, mails, sent } = noticeTo({});
    await notify();
    expect(sent.map((notification) => notification.to)).toEqual([{ kind: 'person', aadObjectId: 'tom-oid' }]);
    expect(mails).toEqual([]);
    expect(recorded).toEqual([outcome({ channel: 'teams', outcome: 'sent' })]);
  });

  test('Teams says the person is unreachable: a plain e-mail from the organiser mailbox, with the case reference and no child, recorded sent by e-mail', async () => {
    const { notify, recorded, mails, refuse } = noticeTo({});
    refuse(404);
    await notify();
    expect(mails).toEqual([
      {
        from: 'organiser@council.example',
        to: 'tom@council.example',
        subject: 'A concern has been raised — case CP-2026-0042',
        bodyText: expect.stringContaining('case CP-2026-0042: A member is not carrying out their actions. Raised by Grace Lindqvist (health visiting) on'),
      },
    ]);
    expect(JSON.stringify(mails)).not.toContain('Riley');
    expect(recorded).toEqual([outcome({ channel: 'email', outcome: 'sent' })]);
  });

  test('Teams throttling is not a reason to e-mail: the job fails, to be retried, and no outcome is recorded yet', async () => {
    const { notify, recorded, mails, refuse } = noticeTo({});
    refuse(429);
    await expect(notify()).rejects.toMatchObject({ status: 429 });
    expect(mails).toEqual([]);
    expect(recorded).toEqual([]);
  });

  test.each([
    ['reached by e-mail only', { reach: 'email-only' as const }],
    ['without a Teams identity', { aadObjectId: undefined }],
  ])('someone %s is never tried in Teams: e-mailed, recorded sent by e-mail', async (_case, member) => {
    const { notify, recorded, mails, sent } = noticeTo(member);
    await notify();
    expect(sent).toEqual([]);
    expect(mails.map((mail) => mail.to)).toEqual(['tom@council.example']);
    expect(recorded).toEqual([outcome({ channel: 'email', outcome: 'sent' })]);
  });

  test.each([
    ['no Teams and no e-mail address', { aadObjectId: undefined, email: undefined }, { organiserMailbox: 'organiser@council.example' }, 'no Teams chat and no e-mail address'],
    ['no mailbox to send from', { reach: 'email-only' as const }, { organiserMailbox: undefined }, 'no mailbox to send from'],
  ])('reachable neither way (%s): recorded failed with the reason, not thrown', async (_case, member, options, detail) => {
    const { notify, recorded, mails } = noticeTo(member, options);
    await notify();
    expect(mails).toEqual([]);
    expect(recorded).toEqual([outcome({ channel: 'email', outcome: 'failed', detail })]);
  });

  test('a notice whose job died is recorded failed on the channel it was last trying (e-mail, past the attempts allowed to Teams), with the error code only, and the lead social worker is told once', async () => {
    const { recordUndelivered, recorded, queued } = noticeTo({});
    await recordUndelivered();
    expect(recorded).toEqual([outcome({ channel: 'email', outcome: 'failed', jobId: 'dead-job', attempt: 6, detail: 'not sent after 5 attempts (DeliveryError:delivery-failed)' })]);
    expect(queued).toEqual([expect.objectContaining({ kind: 'notice-undelivered', idempotencyKey: 'notice-undelivered:dead-job', payload: expect.objectContaining({ noticeKind: 'concern', memberId: 'manager', deadJobId: 'dead-job' }) })]);
  });

  test('each outcome is also a told entry on the concern history, with how it went', async () => {
    const { notify, history } = noticeTo({});
    await notify();
    expect(history).toEqual([expect.objectContaining({ concernId, step: 0, kind: 'told', actorId: 'manager', actorName: 'Tom Okafor', notice: { outcome: 'sent', channel: 'teams' } })]);
  });
});

describe('notices at a later step, to an area contact, and of a decision', () => {
  test("a later step's notice is its own (its own delivery id) and says the concern came to them unresolved", async () => {
    const { notify, recorded, sent } = noticeTo({}, { organiserMailbox: 'organiser@council.example', job: { step: 1 } });
    await notify();
    expect(recorded.map((delivery) => delivery.id)).toEqual([concernNoticeDeliveryId(concernId, 'manager', 'step-1')]);
    expect(recorded[0]!.id).not.toBe(concernNoticeDeliveryId(concernId, 'manager'));
    expect(sent[0]).toMatchObject({ summary: 'Core Group: a concern has been escalated to you', message: { kind: 'concern-raised', reached: { step: 2, of: 3 } } });
  });

  test("an area's conference chair outside Teams is e-mailed; the outcome is on the concern's history (they are not a member)", async () => {
    const { notify, recorded, history, mails } = noticeTo({}, { organiserMailbox: 'organiser@council.example', job: { step: 2, recipientMemberId: undefined, recipientAadObjectId: undefined, recipientAreaContactId: chairOfTheArea.id } });
    await notify();
    expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([['priya.shah@council.example', 'A concern has been escalated to you — case CP-2026-0042']]);
    expect(JSON.stringify(mails)).not.toContain('Riley');
    expect(recorded).toEqual([]);
    expect(history).toEqual([expect.objectContaining({ step: 2, kind: 'told', actorId: chairOfTheArea.id, actorName: 'Priya Shah', notice: { outcome: 'sent', channel: 'email' } })]);
  });

  test('a refusal goes to the member who asked with the reason in Teams and who they can take it to (the co-ordinator)', async () => {
    const decision: ConcernTransition = { id: '5b1d0c8e-0000-4000-8000-0000000000d1', concernId, step: 0, kind: 'refused', actorId: 'manager', actorName: 'Tom Okafor', text: 'Riley is seen next week anyway', at: '2026-06-04T09:00:00.000Z' };
    const { notify, sent } = noticeTo({ id: 'grace', displayName: 'Grace Lindqvist', aadObjectId: 'grace-oid' }, { organiserMailbox: 'organiser@council.example', job: { recipientMemberId: 'grace', transitionId: decision.id }, decision, concern: { kind: 'extra-meeting-request' } });
    await notify();
    expect(sent[0]!.message).toEqual({ kind: 'concern-decided', caseReference: 'CP-2026-0042', decision: 'refused', decidedBy: 'Tom Okafor', reason: 'Riley is seen next week anyway', takeFurther: 'the Children Services co-ordinator' });
  });

  test('in the language the person chose: a Welsh notice’s card and e-mail say who raised it, what is asked and who a refusal goes to in Welsh', async () => {
    const cardOf = (sent: readonly { message: Parameters<typeof renderOutboundCard>[0]; language?: Language | undefined }[]) => JSON.stringify(renderOutboundCard(sent[0]!.message, { teamsAppId: 'app', words: wordsIn(sent[0]!.language ?? 'en') }));
    const raised = noticeTo({}, { organiserMailbox: 'organiser@council.example', language: 'cy', concern: { raisedByMemberId: 'gone' } });
    await raised.notify();
    expect(raised.sent[0]).toMatchObject({ language: 'cy', message: { raisedBy: 'aelod', whatNext: expect.stringMatching(/^trafod gyda'r gweithiwr cymdeithasol arweiniol/) } });
    expect(cardOf(raised.sent)).toContain('Codwyd gan aelod ar Mer, 3 Meh 2026.');

    const decision: ConcernTransition = { id: '5b1d0c8e-0000-4000-8000-0000000000d2', concernId, step: 0, kind: 'refused', text: 'Riley is seen next week anyway', at: '2026-06-04T09:00:00.000Z' };
    const refused = noticeTo({ id: 'grace', displayName: 'Grace Lindqvist', aadObjectId: 'grace-oid' }, { organiserMailbox: 'organiser@council.example', language: 'cy', job: { recipientMemberId: 'grace', transitionId: decision.id }, decision, concern: { kind: 'extra-meeting-request' } });
    await refused.notify();
    expect(refused.sent[0]!.message).toMatchObject({ decidedBy: 'y rheolwr tîm', takeFurther: 'cydlynydd y Gwasanaethau Plant' });
    const card = cardOf(refused.sent);
    for (const welsh of ['Gwrthodwyd grŵp craidd ychwanegol — achos CP-2026-0042', 'Gwrthodwyd gan y rheolwr tîm.', 'at y cam nesaf (cydlynydd y Gwasanaethau Plant)']) expect(card).toContain(welsh);
    expect(card).not.toMatch(/the team manager|co-ordinator|Refused/);

    const mailed = noticeTo({ id: 'grace', displayName: 'Grace Lindqvist', aadObjectId: 'grace-oid' }, { organiserMailbox: 'organiser@council.example', language: 'cy', job: { recipientMemberId: 'grace', transitionId: decision.id }, decision, concern: { kind: 'extra-meeting-request' } });
    mailed.refuse(404);
    await mailed.notify();
    expect(mailed.mails[0]!.bodyText).toContain('gan y rheolwr tîm. Mae\'r rheswm yn ap Core Group. Os ydych yn anghytuno, gallwch fynd ag ef ymhellach at y cam nesaf (cydlynydd y Gwasanaethau Plant)');
  });
});
