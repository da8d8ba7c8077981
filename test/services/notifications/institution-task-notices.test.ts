import type { CoreGroup, CoreGroupMember } from '../../../src/domain/core-group';
import { parseCivilDate } from '../../../src/domain/civil-date';
import type { InstitutionTask } from '../../../src/domain/institution-task';
import { createInstitutionTaskNotices } from '../../../src/services/notifications/institution-task-notices.service';
import { noticeDeps } from './notice-deps';
import { recordingNotifier } from './recording-notifier';
import { renderOutboundCard } from '../../../bot/outbound-cards';
import type { Language } from '../../../src/i18n/language';
import { wordsIn } from '../../../src/i18n/words';

const coreGroup: CoreGroup = { id: '11111111-1111-4111-8111-111111111111', caseReference: 'CP/2026/7', childName: 'Invented Child', tenantId: 't', policyId: 'england', icpcDate: parseCivilDate('2026-06-01'), createdAt: '2026-06-01T09:00:00Z' };
const lead: CoreGroupMember = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Priya Shah', role: 'lead-social-worker', agency: "children's social care", email: 'priya@council.example', aadObjectId: 'lead-oid', reach: 'tenant', active: true };
const carol: CoreGroupMember = { id: '33333333-3333-4333-8333-333333333333', displayName: 'Carol', role: 'coordinator', agency: "children's services", email: 'carol@council.example', aadObjectId: 'carol-oid', reach: 'tenant', active: true };
const task: InstitutionTask = { id: '44444444-4444-4444-8444-444444444444', coreGroupId: coreGroup.id, person: 'father', kind: 'prison', institution: 'HMP Leeds', recordedByMemberId: lead.id, recordedAt: '2026-06-08T10:00:00.000Z' };

function notices(stored: InstitutionTask = task, chosen?: Language) {
  const teams = recordingNotifier();
  const { deps, mails } = noticeDeps();
  const service = createInstitutionTaskNotices({
    coreGroups: { findById: async () => coreGroup, members: async () => [lead, carol] },
    institutionTasks: { findById: async () => stored },
    ...deps,
    languages: { of: async () => chosen },
    notifier: teams.notifier,
  });
  const notify = () => service.notify({ tenantId: 't', coreGroupId: coreGroup.id, taskId: task.id, memberId: carol.id });
  return { teams, mails, notify };
}

describe('telling the co-ordinator of a letter to write', () => {
  test('in Teams: a 1:1 card with who and where; the preview names no child', async () => {
    const { teams, mails, notify } = notices();
    await notify();
    expect(teams.sent).toEqual([{ tenantId: 't', to: { kind: 'person', aadObjectId: 'carol-oid' }, summary: 'Core Group: a letter to write to an institution', message: { kind: 'institution-task', caseReference: 'CP/2026/7', task: { person: 'father', kind: 'prison', institution: 'HMP Leeds' } } }]);
    expect(mails).toEqual([]);
  });

  test('by e-mail when Teams cannot reach them: the case and where to look, not the relative’s whereabouts, never the child', async () => {
    const { teams, mails, notify } = notices();
    teams.refuse(404);
    await notify();
    expect(mails.map((mail) => [mail.from, mail.to, mail.subject])).toEqual([['priya@council.example', 'carol@council.example', 'A letter to write to an institution — case CP/2026/7']]);
    expect(JSON.stringify(mails)).not.toMatch(/HMP Leeds|father|Invented Child/);
  });

  test('to a co-ordinator who chose Welsh: the card says what to write and where to mark it done in Welsh; the English card as before', async () => {
    const { teams, notify } = notices(task, 'cy');
    await notify();
    expect(teams.sent[0]).toMatchObject({ language: 'cy', summary: "Core Group: llythyr i'w ysgrifennu at sefydliad" });
    const card = JSON.stringify(renderOutboundCard(teams.sent[0]!.message, { teamsAppId: 'app', words: wordsIn(teams.sent[0]!.language ?? 'en') }));
    expect(card).toContain("Llythyr i'w ysgrifennu — achos CP/2026/7");
    expect(card).toContain('Ysgrifennwch at bennaeth HMP Leeds (carchar) am berthynas y plentyn (father): y manylion perthnasol');
    expect(card).not.toMatch(/Write to|Once it has gone/);
    const english = JSON.stringify(renderOutboundCard(teams.sent[0]!.message, { teamsAppId: 'app', words: wordsIn('en') }));
    expect(english).toContain("Write to the head of HMP Leeds (prison) about the child's father: the relevant details, and who to contact if they abscond or are about to be discharged (seed 001).");
  });

  test('a task already done when the job runs is not told', async () => {
    const { teams, mails, notify } = notices({ ...task, letterSentOn: parseCivilDate('2026-06-09') });
    await notify();
    expect([teams.sent, mails]).toEqual([[], []]);
  });
});
