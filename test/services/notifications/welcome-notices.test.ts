import type { CoreGroup, CoreGroupMember } from '../../../src/domain/core-group';
import { parseCivilDate } from '../../../src/domain/civil-date';
import { createWelcomeNotices } from '../../../src/services/notifications/welcome-notices.service';
import { renderOutboundCard } from '../../../bot/outbound-cards';
import type { Language } from '../../../src/i18n/language';
import { wordsIn } from '../../../src/i18n/words';
import { noticeDeps } from './notice-deps';
import { recordingNotifier } from './recording-notifier';

const coreGroup: CoreGroup = { id: '11111111-1111-4111-8111-111111111111', caseReference: 'CP/2026/7', childName: 'Invented Child', tenantId: 't', policyId: 'england', icpcDate: parseCivilDate('2026-06-01'), createdAt: '2026-06-01T09:00:00Z' };
const lead: CoreGroupMember = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Priya Shah', role: 'lead-social-worker', agency: "children's social care", email: 'priya@council.example', aadObjectId: 'lead-oid', reach: 'tenant', active: true };
const grace: CoreGroupMember = { id: '33333333-3333-4333-8333-333333333333', displayName: 'Grace', role: 'professional', position: 'health-visitor', agency: 'health visiting', email: 'grace@nhs.example', aadObjectId: 'grace-oid', reach: 'tenant', active: true };
const hal: CoreGroupMember = { id: '44444444-4444-4444-8444-444444444444', displayName: 'Hal', role: 'professional', position: 'housing', agency: 'housing', email: 'hal@housing.example', reach: 'email-only', active: true };
const gone: CoreGroupMember = { ...hal, id: '55555555-5555-4555-8555-555555555555', active: false };

/** The welcome service over this group; `chosen`: the language every member with a Teams identity chose. */
function welcomes(options: { members?: readonly CoreGroupMember[]; chosen?: Language; organiserMailbox?: string } = {}) {
  const teams = recordingNotifier();
  const { deps, mails } = noticeDeps();
  const service = createWelcomeNotices({
    coreGroups: { findById: async () => coreGroup, members: async () => [...(options.members ?? [lead, grace, hal, gone])] },
    ...deps,
    languages: { of: async () => options.chosen },
    organiserMailbox: options.organiserMailbox,
    notifier: teams.notifier,
  });
  const welcome = (member: CoreGroupMember) => service.welcome({ tenantId: 't', coreGroupId: coreGroup.id, memberId: member.id });
  return { teams, mails, welcome };
}

describe('welcoming someone added to a core group', () => {
  test('in Teams: a 1:1 card naming the case by reference, their place and the lead; the preview names no child', async () => {
    const { teams, mails, welcome } = welcomes();
    await welcome(grace);
    expect(teams.sent).toEqual([{ tenantId: 't', to: { kind: 'person', aadObjectId: 'grace-oid' }, summary: 'Core Group: you have been added to a core group', message: { kind: 'member-welcome', caseReference: 'CP/2026/7', asPosition: 'health visitor', leadSocialWorker: "Priya Shah (children's social care)" } }]);
    expect(mails).toEqual([]);
  });

  test('by e-mail from the lead social worker for someone outside Teams, or who never opened a chat with the app', async () => {
    const { teams, mails, welcome } = welcomes();
    await welcome(hal);
    teams.refuse(404);
    await welcome(grace);
    expect(mails.map((mail) => [mail.from, mail.to])).toEqual([['priya@council.example', 'hal@housing.example'], ['priya@council.example', 'grace@nhs.example']]);
    expect(mails[0]!.subject).toBe('You have been added to a core group — case CP/2026/7');
    expect(mails[0]!.bodyText).toContain('as housing');
    expect(JSON.stringify(mails)).not.toContain('Invented Child');
  });

  test('to someone who chose Welsh: their place, the card and the e-mail in Welsh; with no lead social worker, the lead said in Welsh', async () => {
    const { teams, mails, welcome } = welcomes({ chosen: 'cy' });
    await welcome(grace);
    expect(teams.sent[0]).toMatchObject({ language: 'cy', summary: 'Core Group: rydych wedi cael eich ychwanegu at grŵp craidd', message: { asPosition: 'ymwelydd iechyd' } });
    const card = JSON.stringify(renderOutboundCard(teams.sent[0]!.message, { teamsAppId: 'app', words: wordsIn(teams.sent[0]!.language ?? 'en') }));
    expect(card).toContain("Rydych ynddo fel ymwelydd iechyd. Arweinir y grŵp gan Priya Shah (children's social care).");
    expect(card).not.toMatch(/You are|health visitor/);

    const leaderless = welcomes({ members: [grace], chosen: 'cy', organiserMailbox: 'organiser@council.example' });
    leaderless.teams.refuse(404);
    await leaderless.welcome(grace);
    expect(leaderless.mails[0]!.subject).toBe('Rydych wedi cael eich ychwanegu at grŵp craidd — achos CP/2026/7');
    expect(leaderless.mails[0]!.bodyText).toContain('fel ymwelydd iechyd. Arweinir y grŵp craidd gan y gweithiwr cymdeithasol arweiniol,');
    expect(mails).toEqual([]);
  });

  test('someone removed again before the job ran is not welcomed; a Teams outage is retried, not e-mailed', async () => {
    const { teams, mails, welcome } = welcomes();
    await welcome(gone);
    teams.refuse(503);
    await expect(welcome(grace)).rejects.toThrow('refused with 503');
    expect([teams.sent, mails]).toEqual([[], []]);
  });
});
