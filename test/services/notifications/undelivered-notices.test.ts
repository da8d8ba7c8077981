import { renderOutboundCard } from '../../../bot/outbound-cards';
import type { CoreGroup, CoreGroupMember } from '../../../src/domain/core-group';
import { parseCivilDate } from '../../../src/domain/civil-date';
import { NOTICE_KINDS } from '../../../src/domain/notice-delivery';
import type { Language } from '../../../src/i18n/language';
import { wordsIn } from '../../../src/i18n/words';
import { createUndeliveredNotices } from '../../../src/services/notifications/undelivered-notices.service';
import { noticeDeps } from './notice-deps';
import { recordingNotifier } from './recording-notifier';

const coreGroup: CoreGroup = { id: '11111111-1111-4111-8111-111111111111', caseReference: 'CP/2026/7', childName: 'Invented Child', tenantId: 't', policyId: 'wales', icpcDate: parseCivilDate('2026-06-01'), createdAt: '2026-06-01T09:00:00Z' };
const lead: CoreGroupMember = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Priya Shah', role: 'lead-social-worker', agency: "children's social care", email: 'priya@council.example', aadObjectId: 'lead-oid', reach: 'tenant', active: true };
const grace: CoreGroupMember = { id: '33333333-3333-4333-8333-333333333333', displayName: 'Grace', role: 'professional', position: 'health-visitor', agency: 'health visiting', email: 'grace@nhs.example', aadObjectId: 'grace-oid', reach: 'tenant', active: true };

/** The lead social worker's alert that a notice of `noticeKind` to Grace never went, in the language the lead chose; its card as Teams would show it. */
async function alertIn(chosen: Language, noticeKind: (typeof NOTICE_KINDS)[number]) {
  const teams = recordingNotifier();
  const service = createUndeliveredNotices({ coreGroups: { findById: async () => coreGroup, members: async () => [lead, grace] }, ...noticeDeps().deps, languages: { of: async () => chosen }, notifier: teams.notifier });
  await service.notify({ tenantId: 't', coreGroupId: coreGroup.id, noticeKind, memberId: grace.id, deadJobId: 'dead', attempts: 8 });
  const [alert] = teams.sent;
  return JSON.stringify(renderOutboundCard(alert!.message, { teamsAppId: 'app', words: wordsIn(alert!.language ?? 'en') }));
}

describe('telling the lead social worker a notice never went', () => {
  test.each(NOTICE_KINDS)('a %s notice is named in the lead’s language', async (noticeKind) => {
    const english = await alertIn('en', noticeKind);
    const welsh = await alertIn('cy', noticeKind);
    expect(english).toContain(`Core Group could not deliver ${wordsIn('en').t(`notice.kind.${noticeKind}`)} to Grace (health visiting) in case CP/2026/7: not sent after 8 attempts`);
    expect(welsh).toContain(`Nid oedd Core Group yn gallu cyflwyno ${wordsIn('cy').t(`notice.kind.${noticeKind}`)} i Grace (health visiting) yn achos CP/2026/7: nid aeth ar ôl 8 ymgais`);
    expect(wordsIn('cy').t(`notice.kind.${noticeKind}`)).not.toBe(wordsIn('en').t(`notice.kind.${noticeKind}`));
  });
});
