import type { AgencyReport } from '../../../src/domain/agency-report';
import { parseCivilDate } from '../../../src/domain/civil-date';
import type { CoreGroup, CoreGroupMember } from '../../../src/domain/core-group';
import type { ReviewConference } from '../../../src/domain/review-conference';
import { createAgencyReportNotices } from '../../../src/services/notifications/agency-report-notices.service';
import { createConferencePackNotices } from '../../../src/services/notifications/conference-pack-notices.service';
import { noticeDeps } from './notice-deps';
import { recordingNotifier } from './recording-notifier';

const coreGroup: CoreGroup = { id: '11111111-1111-4111-8111-111111111111', caseReference: 'CP/2026/7', childName: 'Invented Child', tenantId: 't', policyId: 'ten-working-days-four-weekly', icpcDate: parseCivilDate('2026-06-01'), createdAt: '2026-06-01T09:00:00Z' };
const lead: CoreGroupMember = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Priya Shah', role: 'lead-social-worker', agency: "children's social care", email: 'priya@council.example', aadObjectId: 'lead-oid', reach: 'tenant', active: true };
const grace: CoreGroupMember = { id: '33333333-3333-4333-8333-333333333333', displayName: 'Grace', role: 'professional', agency: 'health visiting', email: 'grace@nhs.example', aadObjectId: 'grace-oid', reach: 'tenant', active: true };
const review: ReviewConference = { id: '44444444-4444-4444-8444-444444444444', coreGroupId: coreGroup.id, date: parseCivilDate('2026-07-09'), status: 'scheduled' };
const job = { tenantId: 't', coreGroupId: coreGroup.id, reviewConferenceId: review.id, reviewOn: '2026-07-09', dueOn: '2026-07-02', memberId: grace.id, chase: true };

function notices(options: { reviews?: ReviewConference[]; reports?: AgencyReport[] } = {}) {
  const teams = recordingNotifier();
  const { deps, mails } = noticeDeps();
  const service = createAgencyReportNotices({
    coreGroups: { findById: async () => coreGroup, members: async () => [lead, grace] },
    meetings: { reviewConferences: async () => options.reviews ?? [review] },
    agencyReports: { listByReview: async () => options.reports ?? [] },
    ...deps,
    notifier: teams.notifier,
  });
  return { teams, mails, notify: () => service.notify(job) };
}

const submitted: AgencyReport = { id: '55555555-5555-4555-8555-555555555555', coreGroupId: coreGroup.id, reviewConferenceId: review.id, memberId: grace.id, agency: 'health visiting', version: 2, updatedAt: '2026-06-20T09:00:00Z', submittedAt: '2026-06-20T09:00:00Z', content: { worries: 'w', workingWell: 'w', needsToHappen: 'n', scaling: 5, scalingReasons: 'r', childsViews: 'c', actionProgress: [] } };

describe('asking and chasing a written report for the review conference', () => {
  test('in Teams: a 1:1 card with the case and the dates; the preview names no child', async () => {
    const { teams, mails, notify } = notices();
    await notify();
    expect(teams.sent).toEqual([{ tenantId: 't', to: { kind: 'person', aadObjectId: 'grace-oid' }, summary: 'Core Group: your written report is still to come', message: { kind: 'agency-report-request', caseReference: 'CP/2026/7', reviewOn: '2026-07-09', dueOn: '2026-07-02', chase: true } }]);
    expect(mails).toEqual([]);
  });

  test('by e-mail when Teams cannot reach them: the case and the dates, never the child', async () => {
    const { teams, mails, notify } = notices();
    teams.refuse(404);
    await notify();
    expect(mails.map((mail) => [mail.from, mail.to, mail.subject])).toEqual([['priya@council.example', 'grace@nhs.example', 'Reminder: your written report for the review conference — case CP/2026/7']]);
    expect(mails[0]!.bodyText).toContain('is due by Thu 2 Jul 2026');
    expect(JSON.stringify(mails)).not.toContain('Invented Child');
  });

  test('nobody is chased once their report is submitted, nor when the review was moved or held since', async () => {
    for (const options of [{ reports: [submitted] }, { reviews: [{ ...review, date: parseCivilDate('2026-07-16') }] }, { reviews: [{ ...review, status: 'held' as const }] }]) {
      const { teams, mails, notify } = notices(options);
      await notify();
      expect([teams.sent, mails]).toEqual([[], []]);
    }
  });
});

describe('delivering the conference pack', () => {
  const iro: CoreGroupMember = { id: '66666666-6666-4666-8666-666666666666', displayName: 'Helen Moss', role: 'conference-chair', agency: 'safeguarding unit', email: 'helen@council.example', aadObjectId: 'iro-oid', reach: 'tenant', active: true };
  const packJob = { tenantId: 't', coreGroupId: coreGroup.id, reviewConferenceId: review.id, reviewOn: '2026-07-09', memberId: iro.id, forChair: true };
  function packNotices(reviews: ReviewConference[] = [review]) {
    const teams = recordingNotifier();
    const { deps, mails } = noticeDeps();
    const service = createConferencePackNotices({
      coreGroups: { findById: async () => coreGroup, members: async () => [lead, grace, iro] },
      meetings: { reviewConferences: async () => reviews },
      conferencePacks: { fileForDelivery: async () => ({ file: Buffer.from('%PDF-1.7 pack'), fileName: 'conference-pack-CP-2026-7-2026-07-09.pdf', language: 'en' as const }) },
      ...deps,
      notifier: teams.notifier,
    });
    return { teams, mails, deliver: () => service.deliver(packJob) };
  }

  test('in Teams: a card to the conference chair saying it is ready and where, with nothing of the pack in it', async () => {
    const { teams, mails, deliver } = packNotices();
    await deliver();
    expect(teams.sent).toEqual([{ tenantId: 't', to: { kind: 'person', aadObjectId: 'iro-oid' }, summary: 'Core Group: the conference pack is ready', message: { kind: 'conference-pack-ready', caseReference: 'CP/2026/7', reviewOn: '2026-07-09', forChair: true } }]);
    expect(mails).toEqual([]);
  });

  test('by e-mail with the pack attached as a PDF when Teams cannot reach the chair; nothing once the review has moved', async () => {
    const { teams, mails, deliver } = packNotices();
    teams.refuse(404);
    await deliver();
    expect(mails.map((mail) => [mail.to, mail.subject, mail.attachment?.name])).toEqual([['helen@council.example', 'Conference pack for the review conference on Thu 9 Jul 2026 — case CP/2026/7', 'conference-pack-CP-2026-7-2026-07-09.pdf']]);
    expect(JSON.stringify(mails.map((mail) => [mail.subject, mail.bodyText]))).not.toContain('Invented Child');
    const moved = packNotices([{ ...review, date: parseCivilDate('2026-07-16') }]);
    await moved.deliver();
    expect([moved.teams.sent, moved.mails]).toEqual([[], []]);
  });
});
