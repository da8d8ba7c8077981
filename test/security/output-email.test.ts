import type { MinutesDeliveryJob } from '../../src/contracts/jobs.contract';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { parseCivilDate } from '../../src/domain/civil-date';
import { createCheckInNotices } from '../../src/services/notifications/check-in-notices.service';
import { createConcernNotices } from '../../src/services/notifications/concern-notices.service';
import { createCp9Mail } from '../../src/services/notifications/cp9-mail.service';
import { createFamilyCheckInMail } from '../../src/services/notifications/family-check-in-mail';
import { createMinutesDelivery } from '../../src/services/notifications/minutes-delivery.service';
import { createPlanDelivery } from '../../src/services/notifications/plan-delivery.service';
import { createPlanNotReceivedNotices } from '../../src/services/notifications/plan-not-received-notices.service';
import { createSignalNotices } from '../../src/services/notifications/signal-notices.service';
import { createUndeliveredNotices } from '../../src/services/notifications/undelivered-notices.service';
import type { Mailer } from '../../src/services/ports/mailer.port';
import { attack } from './support/attack';
import { DIRECTIONAL, MARKUP, NOT_XML } from './support/hostile-record';

const job: MinutesDeliveryJob = { tenantId: 'tenant', meetingId: '5b1d0c8e-0000-4000-8000-000000000002', minutesId: '5b1d0c8e-0000-4000-8000-000000000003', minutesVersion: 1, memberId: 'parent' };
const parent: CoreGroupMember = { id: 'parent', displayName: 'Pat Parent', role: 'family-member', agency: 'family', email: 'pat@family.example', reach: 'email-only', active: true };

type Mail = Parameters<Mailer['sendMail']>[0];
const meetingId = '5b1d0c8e-0000-4000-8000-000000000002';
const file = async () => ({ fileName: 'record.pdf', file: Buffer.from('%PDF'), language: 'en' as const });
const coreGroupId = '5b1d0c8e-0000-4000-8000-000000000001';
/** The delivery policy's records and queue, unread here: these tests read the e-mail only. */
const quietPolicy = { noticeDeliveries: { record: async () => undefined }, clock: { nowIso: () => '2026-06-08T09:01:00.000Z' }, jobs: { enqueue: async () => ({ job: {} as never, created: true }) } };
const lead: CoreGroupMember = { id: 'lead', displayName: 'Lee Lead', role: 'lead-social-worker', agency: "children's social care", email: 'lee@council.example', reach: 'email-only', active: true };
const groupOf = (caseReference: string) => ({ id: coreGroupId, caseReference, childName: 'Invented Child', tenantId: 'tenant', policyId: 'england', icpcDate: parseCivilDate('2026-05-27'), createdAt: '' });

/** Each e-mail the app sends about a case, when the stored case reference is `caseReference`. */
const MAILS: Record<string, (caseReference: string, mailer: Mailer) => Promise<void>> = {
  'the family version to a family member': async (caseReference, mailer) => {
    const delivery = createMinutesDelivery({
      distribution: { deliveryOf: async () => ({ member: parent, caseReference, meetingDate: '2026-06-08', chatId: undefined, fromMailbox: 'organiser@council.example', familyVersion: true }), recordOutcome: async () => undefined },
      exports: { minutesFile: file },
      familyNotes: { fileForDelivery: file },
      notifier: { send: async () => ({}) },
      mailer,
    });
    await delivery.deliver(job);
  },
  'the plan to a family member': async (caseReference, mailer) => {
    const delivery = createPlanDelivery({
      circulation: { deliveryOf: async () => ({ member: parent, coreGroupId: 'group', caseReference, meetingDate: '2026-06-08', fromMailbox: 'organiser@council.example' }), recordOutcome: async () => undefined },
      exports: { planFile: file, familyPlanFile: file },
      notifier: { send: async () => ({}) },
      mailer,
    });
    await delivery.deliver({ tenantId: 'tenant', meetingId, planVersion: 1, memberId: 'parent', resent: false, attempt: 0 });
  },
  'the CP9 to the co-ordinator': async (caseReference, mailer) => {
    const meeting = { id: meetingId, coreGroupId: 'group', date: parseCivilDate('2026-06-08'), status: 'held' as const };
    const cp9 = createCp9Mail({ circulation: { cp9MailOf: async () => ({ meeting, caseReference, from: 'organiser@council.example', to: 'cp9@council.example' }), recordCp9Sent: async () => undefined }, cp9: { file: async () => ({ ...(await file()), language: 'both' as const }) }, mailer });
    await cp9.send({ tenantId: 'tenant', meetingId });
  },
  'the lead social worker told the plan did not arrive': async (caseReference, mailer) => {
    const notices = createPlanNotReceivedNotices({
      coreGroups: { findById: async () => ({ id: 'group', caseReference, childName: 'Invented Child', tenantId: 'tenant', policyId: 'england', icpcDate: parseCivilDate('2026-05-27'), createdAt: '' }), members: async () => [lead, parent] },
      meetings: { findById: async () => ({ id: meetingId, coreGroupId: 'group', date: parseCivilDate('2026-06-08'), status: 'held' }) },
      ...quietPolicy,
      notifier: { send: async () => ({}) },
      mailer,
    });
    await notices.notify({ tenantId: 'tenant', meetingId, planVersion: 1, memberId: 'parent', resending: false });
  },
  'a concern told to a team manager outside Teams': async (caseReference, mailer) => {
    const manager: CoreGroupMember = { id: 'manager', displayName: 'Tom Okafor', role: 'team-manager', agency: "children's social care", email: 'tom@council.example', reach: 'email-only', active: true };
    const concernId = '5b1d0c8e-0000-4000-8000-000000000004';
    const notices = createConcernNotices({
      coreGroups: { findById: async () => ({ id: 'group', caseReference, childName: 'Invented Child', tenantId: 'tenant', policyId: 'england', icpcDate: parseCivilDate('2026-05-27'), createdAt: '' }), members: async () => [manager, parent] },
      concerns: { listByCoreGroup: async () => [{ id: concernId, coreGroupId: 'group', kind: 'drift-and-delay', raisedByMemberId: 'parent', step: 0, status: 'open', raisedAt: '2026-06-08T09:00:00.000Z', stepStartedAt: '2026-06-08T09:00:00.000Z', note: `Invented Child ${DIRECTIONAL}` }] },
      ...quietPolicy,
      concernHistory: { find: async () => undefined, record: async () => ({ created: true }) },
      areaContacts: { list: async () => [] },
      notifier: { send: async () => ({}) },
      mailer,
      organiserMailbox: 'organiser@council.example',
    });
    await notices.notify({ tenantId: 'tenant', coreGroupId: '5b1d0c8e-0000-4000-8000-000000000001', concernId, recipientMemberId: 'manager' });
  },
  'a check-in prompt to a professional outside Teams, and the chase to the lead social worker': async (caseReference, mailer) => {
    const owner: CoreGroupMember = { ...lead, id: 'owner', role: 'professional', displayName: `Invented Child ${DIRECTIONAL}`, aadObjectId: 'owner-oid', email: 'owner@nhs.example', reach: 'tenant' };
    const action = { id: 'a1', what: 'Invented Child sees the GP', owner: { memberId: 'owner' }, due: parseCivilDate('2026-06-20'), state: 'on-track' };
    const notices = createCheckInNotices({
      status: { myActions: async () => [{ coreGroupId, caseReference, action }] as never },
      coreGroups: { findById: async () => groupOf(caseReference), members: async () => [lead, owner] },
      checkIns: { listByCoreGroup: async () => [] },
      ...quietPolicy,
      notifier: { send: async () => ({}) },
      mailer,
      organiserMailbox: 'organiser@council.example',
    });
    await notices.prompt({ tenantId: 'tenant', coreGroupId, memberId: 'owner', aadObjectId: 'owner-oid', promptId: '5b1d0c8e-0000-4000-8000-000000000005', promptedAt: '2026-06-08T07:00:00.000Z' }, { id: 'job', attempts: 4 });
  },
  'a signal to the lead social worker outside Teams': async (caseReference, mailer) => {
    const notices = createSignalNotices({
      coreGroups: { findById: async () => groupOf(caseReference), members: async () => [lead, parent] },
      plans: { current: async () => undefined },
      ...quietPolicy,
      notifier: { send: async () => ({}) },
      mailer,
      organiserMailbox: 'organiser@council.example',
    });
    await notices.notify({ tenantId: 'tenant', coreGroupId, kind: 'action-overdue', concern: 'tasks-not-done', subjectId: 'a1', measure: 3, memberId: 'parent', recipientMemberId: 'lead' });
  },
  'the lead social worker told a notice was never delivered': async (caseReference, mailer) => {
    const notices = createUndeliveredNotices({ coreGroups: { findById: async () => groupOf(caseReference), members: async () => [lead, parent] }, ...quietPolicy, notifier: { send: async () => ({}) }, mailer, organiserMailbox: 'organiser@council.example' });
    await notices.notify({ tenantId: 'tenant', coreGroupId, noticeKind: 'check-in-prompt', memberId: 'parent', deadJobId: 'job', attempts: 8 });
  },
  "a parent's check-in link": async (caseReference, mailer) => {
    const action = { id: 'action', what: 'Take Invented Child to the dentist', ownerMemberId: 'parent', agency: 'family', due: parseCivilDate('2026-06-19'), agreedOn: parseCivilDate('2026-05-27'), progressMeasure: '', state: 'not-started' as const };
    const familyMail = createFamilyCheckInMail({
      plans: { current: async () => ({ coreGroupId, version: 1, outcomes: [], actions: [action], contingencyPlan: '', resources: '', monitoring: '' }) },
      checkIns: { listByCoreGroup: async () => [] },
      links: { issue: async () => `${'A'.repeat(22)}.${'B'.repeat(43)}` },
      clock: { nowIso: () => '2026-06-08T09:01:00.000Z', today: () => parseCivilDate('2026-06-08') as never },
      publicBaseUrl: () => 'https://coregroup.example',
      lifetimeDays: 7,
    });
    const notices = createCheckInNotices({
      status: { myActions: async () => [] },
      coreGroups: { findById: async () => groupOf(caseReference), members: async () => [lead, parent] },
      checkIns: { listByCoreGroup: async () => [] },
      ...quietPolicy,
      notifier: { send: async () => ({}) },
      mailer,
      organiserMailbox: 'organiser@council.example',
      familyMail,
    });
    await notices.prompt({ tenantId: 'tenant', coreGroupId, memberId: 'parent', promptId: '5b1d0c8e-0000-4000-8000-000000000005', promptedAt: '2026-06-08T07:00:00Z' });
  },
};

describe.each(Object.keys(MAILS))('user text in the e-mail: %s', (which) => {
  attack('a stored case reference holding a line break and a header, directional overrides and characters XML forbids gives a one-line subject and a plain body without any of them', async () => {
    const mails: Mail[] = [];
    await MAILS[which]!(`CP-1\r\nBcc: x@evil.example ${DIRECTIONAL} ${NOT_XML} ${MARKUP}`, { sendMail: async (sent) => void mails.push(sent) });
    const mail = mails[0]!;
    expect(mail.bodyText).not.toContain('Invented Child');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    for (const text of [mail.subject, mail.bodyText]) {
      expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      expect(text).toContain('CP-1 Bcc: x@evil.example');
    }
  });
});
