import { wordsIn } from '../../../src/i18n/words';
import { parseCivilDate } from '../../../src/domain/civil-date';
import type { CoreGroup, CoreGroupMember } from '../../../src/domain/core-group';
import type { CoreGroupMeeting } from '../../../src/domain/meeting';
import { type Minutes, openingDraft, returnMinutes, signMinutes } from '../../../src/domain/minutes';
import { createMinutesReturnedNotices } from '../../../src/services/notifications/minutes-returned-notices.service';
import { minutesReturnedCard } from '../../../bot/cards/agenda.card';
import { noticeDeps } from './notice-deps';
import { recordingNotifier } from './recording-notifier';

const coreGroup: CoreGroup = { id: '11111111-1111-4111-8111-111111111111', caseReference: 'CP/2026/9', childName: 'Invented Child', tenantId: 't', policyId: 'ten-working-days-four-weekly', icpcDate: parseCivilDate('2026-06-01'), createdAt: '2026-06-01T09:00:00Z' };
const lead: CoreGroupMember = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Priya Shah', role: 'lead-social-worker', agency: "children's social care", email: 'priya@council.example', aadObjectId: 'lead-oid', reach: 'tenant', active: true };
const manager: CoreGroupMember = { id: '33333333-3333-4333-8333-333333333333', displayName: 'Sam Okafor', role: 'team-manager', agency: "children's social care", email: 'sam@council.example', aadObjectId: 'manager-oid', reach: 'tenant', active: true };
const meeting: CoreGroupMeeting = { id: '44444444-4444-4444-8444-444444444444', coreGroupId: coreGroup.id, date: parseCivilDate('2026-06-15'), status: 'held', chairMemberId: lead.id, booking: { organiser: 'priya@council.example', eventId: 'e1', chatId: '19:meeting_abc@thread.v2' } };
const RETURNED_AT = '2026-06-16T10:00:00.000Z';
const signedByChair = signMinutes(openingDraft({ id: '55555555-5555-4555-8555-555555555555', meeting, members: [lead, manager] }), { as: 'chair', memberId: lead.id, at: '2026-06-16T09:00:00.000Z' });
const returned = returnMinutes(signedByChair, { memberId: manager.id, at: RETURNED_AT, comments: 'Add what Invented Child said at school' });
const job = { tenantId: 't', coreGroupId: coreGroup.id, meetingId: meeting.id, memberId: lead.id, returnedAt: RETURNED_AT };

function notices(minutes: Minutes) {
  const teams = recordingNotifier();
  const { deps, mails } = noticeDeps();
  const service = createMinutesReturnedNotices({
    coreGroups: { findById: async () => coreGroup, members: async () => [lead, manager] },
    meetings: { findById: async () => meeting },
    minutes: { findByMeeting: async () => minutes },
    ...deps,
    notifier: teams.notifier,
  });
  return { teams, mails, deliver: () => service.deliver(job) };
}

describe('telling the chair that the team manager sent the minutes back', () => {
  test('in Teams: a 1:1 card naming the case, the meeting and who sent them back, opening the minutes tab; neither preview nor card quotes the comments', async () => {
    const { teams, mails, deliver } = notices(returned);
    await deliver();
    expect(teams.sent).toEqual([{ tenantId: 't', to: { kind: 'person', aadObjectId: 'lead-oid' }, summary: 'Core Group: minutes sent back to you', message: { kind: 'minutes-returned', caseReference: 'CP/2026/9', meetingDate: '2026-06-15', returnedBy: 'Sam Okafor', chatId: '19:meeting_abc@thread.v2' } }]);
    expect(mails).toEqual([]);
    const card = JSON.stringify(minutesReturnedCard(wordsIn('en'), { caseReference: 'CP/2026/9', meetingDate: '2026-06-15', returnedBy: 'Sam Okafor', minutesUrl: 'https://teams.microsoft.com/l/entity/app/minutes' }));
    expect(card).toContain('Sam Okafor sent the minutes back with comments instead of signing them.');
    expect(card).toContain('Open the minutes');
    expect(card).not.toContain('Invented Child');
  });

  test('by e-mail when Teams cannot reach the chair, without the comments or the child', async () => {
    const { teams, mails, deliver } = notices(returned);
    teams.refuse(404);
    await deliver();
    expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([['priya@council.example', 'Minutes sent back to you — case CP/2026/9']]);
    expect(mails[0]!.bodyText).toContain('Sam Okafor sent the minutes of the core group meeting of Mon 15 Jun 2026 (case CP/2026/9) back to you with comments');
    expect(JSON.stringify(mails)).not.toContain('Invented Child');
  });

  test('nothing once the chair has signed again, or the minutes were sent back again since', async () => {
    const signedAgain = signMinutes(returned, { as: 'chair', memberId: lead.id, at: '2026-06-16T11:00:00.000Z' });
    const returnedAgain = returnMinutes(signMinutes(returned, { as: 'chair', memberId: lead.id, at: '2026-06-16T11:00:00.000Z' }), { memberId: manager.id, at: '2026-06-16T12:00:00.000Z', comments: 'One more thing' });
    for (const minutes of [signedAgain, returnedAgain]) {
      const { teams, mails, deliver } = notices(minutes);
      await deliver();
      expect([teams.sent, mails]).toEqual([[], []]);
    }
  });
});
