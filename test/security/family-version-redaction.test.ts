import { createStore } from '../../src/store/store';
import { docxText, pdfText } from '../support/documents';
import { FAMILY_MARKER, PROFESSIONAL_ONLY_MARKERS, REMOVED_ON_REVIEW_MARKER, SCALING_HEADING, professionalOnlyIn, professionalOnlyMinutes, professionalOnlyPlan } from '../support/professional-only-record';
import { attack } from './support/attack';
import { type SecuredStack, startSecuredStack } from './support/secured-stack';

/**
 * Issue 14 item 6: the family never receives professional-only content, by any route. Minutes and
 * a plan full of it (police information, each professional's scaling, a disagreement between
 * agencies, the agencies discussion, a chat proposal, the plan's monitoring), each with a marker,
 * are signed; the reviewer removes one more item; then every family-bound artefact — the API
 * answers a family member gets, the family version's PDF and DOCX, the Teams cards and the e-mails
 * (subject, body, attached PDF) of the minutes' and the plan's circulation — is searched for the
 * markers. The professionals' copies of the same record carry them, so the search can fail.
 */
let stack: SecuredStack;
beforeAll(async () => {
  stack = await startSecuredStack();
});
afterAll(() => stack.stop());

const FAMILY_SUMMARY = 'Core Group: notes of the meeting are ready for you';

interface Collected {
  meetingId: string;
  family: { label: string; text: string }[];
  professional: { label: string; text: string }[];
}
let collected: Collected;

const mailText = async (sent: SecuredStack['simulator']['state']['sentMail'][number]) => {
  const attachments = (sent.message.attachments ?? []) as { name: string; contentBytes: string }[];
  const pdfs = await Promise.all(attachments.map(async (attachment) => (await pdfText(Buffer.from(attachment.contentBytes, 'base64'))).text));
  return [sent.message.subject ?? '', JSON.stringify(sent.message.body ?? ''), ...pdfs].join('\n');
};
const addressOf = (sent: SecuredStack['simulator']['state']['sentMail'][number]) => sent.message.toRecipients?.[0]?.emailAddress?.address ?? '';

/** Signs minutes and a plan full of professional-only content, reviews and signs off the family version, circulates both, and collects every artefact. */
async function circulateTheRecord(): Promise<Collected> {
  const store = createStore(stack.database);
  const { meetingId, coreGroupId } = await stack.freshMeeting('draft');
  const member = (predicate: (candidate: (typeof stack.demoMembers)[number]) => boolean) => stack.demoMembers.find(predicate)!;
  const people = { lead: stack.member('lead')!, police: stack.member('police')!, healthVisitor: stack.member('health')!, parent: member((candidate) => candidate.role === 'family-member') };
  const actionIds = { police: 'action-police-redaction', health: 'action-health-redaction' };
  const current = (await store.plans.current(coreGroupId))!;
  const at = '2026-06-08T11:00:00.000Z';
  await store.plans.saveRevision({ plan: professionalOnlyPlan({ coreGroupId, version: current.version + 1, police: people.police, healthVisitor: people.healthVisitor, actionIds }), authorMemberId: people.lead.id, reason: 'Agreed at the core group', changes: [] }, at);
  const draft = (await store.minutes.findByMeeting(meetingId))!;
  const content = professionalOnlyMinutes(people, actionIds);
  const signed = { ...draft, version: draft.version + 1, content, chairSignOff: { memberId: people.lead.id, at }, managerSignOff: { memberId: stack.member('manager')!.id, at } };
  await store.minutes.save(signed, { expectedVersion: draft.version, savedBy: people.lead.id, at });
  await store.meetings.update({ ...(await store.meetings.findById(meetingId))!, status: 'held' });

  const lead = await stack.as('lead');
  const family = await stack.as('family');
  const familyArtefacts: Collected['family'] = [];
  const prepared = await stack.call('GET', `/api/meetings/${meetingId}/family-version`, { token: lead });
  const toRemove = (prepared.json as { sections: { items: { id: string; text: string }[] }[] }).sections.flatMap((section) => section.items).find((item) => item.text.includes(REMOVED_ON_REVIEW_MARKER))!;
  const reviewed = await stack.call('PUT', `/api/meetings/${meetingId}/family-version`, { token: lead, body: { baseVersion: 0, summary: 'The meeting agreed things are a little better.', items: [{ id: toRemove.id, text: toRemove.text, removed: true }] } });
  expect(reviewed.status).toBe(200);
  expect((await stack.call('POST', `/api/meetings/${meetingId}/family-version/sign-off`, { token: lead, body: { version: (reviewed.json as { version: number }).version } })).status).toBe(200);

  for (const path of [`/api/meetings/${meetingId}/family-version/reading`, `/api/meetings/${meetingId}/minutes`, `/api/core-groups/${coreGroupId}/plan`, `/api/meetings/${meetingId}/family-version`, `/api/meetings/${meetingId}/minutes/recipients`]) {
    familyArtefacts.push({ label: `API ${path}`, text: (await stack.call('GET', path, { token: family })).text });
  }
  for (const format of ['pdf', 'docx'] as const) {
    const response = await fetch(`${stack.base}/api/meetings/${meetingId}/family-version/export.${format}`, { headers: { authorization: `Bearer ${family}` } });
    expect(response.status).toBe(200);
    const file = Buffer.from(await response.arrayBuffer());
    familyArtefacts.push({ label: `family version ${format}`, text: format === 'pdf' ? (await pdfText(file)).text : await docxText(file) });
    const full = await fetch(`${stack.base}/api/meetings/${meetingId}/minutes/export.${format}`, { headers: { authorization: `Bearer ${family}` } });
    familyArtefacts.push({ label: `minutes export ${format}`, text: `${full.status} ${await full.text()}` });
  }

  const mailedFrom = stack.simulator.state.sentMail.length;
  const cardsFrom = stack.channel.sent.length;
  const list = await stack.call('GET', `/api/meetings/${meetingId}/minutes/recipients`, { token: lead });
  expect((await stack.call('POST', `/api/meetings/${meetingId}/minutes/distribute`, { token: lead, body: { listHash: (list.json as { listHash: string }).listHash } })).status).toBe(202);
  expect((await stack.call('POST', `/api/meetings/${meetingId}/plan-circulation`, { token: lead })).status).toBe(202);
  await stack.drainJobs();

  const professional: Collected['professional'] = [];
  for (const sent of stack.simulator.state.sentMail.slice(mailedFrom)) {
    (addressOf(sent).endsWith('family.example') ? familyArtefacts : professional).push({ label: `e-mail to ${addressOf(sent)}: ${sent.message.subject ?? ''}`, text: await mailText(sent) });
  }
  for (const card of stack.channel.sent.slice(cardsFrom)) {
    if (JSON.stringify(card.body).includes(FAMILY_SUMMARY)) familyArtefacts.push({ label: 'Teams card to the family', text: JSON.stringify(card.body) });
  }
  for (const format of ['pdf', 'docx'] as const) {
    const response = await fetch(`${stack.base}/api/meetings/${meetingId}/minutes/export.${format}`, { headers: { authorization: `Bearer ${lead}` } });
    const file = Buffer.from(await response.arrayBuffer());
    professional.push({ label: `minutes export ${format}`, text: format === 'pdf' ? (await pdfText(file)).text : await docxText(file) });
  }
  const planExport = await fetch(`${stack.base}/api/core-groups/${coreGroupId}/plan/export.pdf`, { headers: { authorization: `Bearer ${lead}` } });
  professional.push({ label: 'plan export pdf', text: (await pdfText(Buffer.from(await planExport.arrayBuffer()))).text });
  return { meetingId, family: familyArtefacts, professional };
}

describe('the family version carries nothing professional-only, by any route', () => {
  beforeAll(async () => {
    collected = await circulateTheRecord();
  }, 120_000);

  test('every route to the family was used: API answers, both documents, e-mails with the family version and the family’s plan', () => {
    const labels = collected.family.map((artefact) => artefact.label).join('\n');
    expect(labels).toContain('family version pdf');
    expect(labels).toContain('family version docx');
    expect(labels).toMatch(/e-mail to [^\n]*family\.example: Notes of the core group meeting/);
    expect(labels).toMatch(/e-mail to [^\n]*family\.example: Child protection plan/);
  });

  attack('family: no family-bound artefact holds police information, anyone’s scaling, a disagreement, the agencies discussion, a chat proposal, the plan’s monitoring or what the reviewer removed', async () => {
    const leaks = collected.family.flatMap((artefact) => professionalOnlyIn(artefact.text).map((marker) => `${artefact.label}: ${marker}`));
    expect(leaks).toEqual([]);
  });

  test('what the family is meant to read reaches them: the API reading, the documents and the e-mailed family version', () => {
    for (const artefact of collected.family.filter((candidate) => /reading|family version (pdf|docx)|Notes of the core group/.test(candidate.label))) {
      expect([artefact.label, artefact.text.includes(FAMILY_MARKER)]).toEqual([artefact.label, true]);
    }
  });

  test('control: the professionals’ copies of the same record do carry the professional-only content', () => {
    const all = collected.professional.map((artefact) => artefact.text).join('\n');
    for (const marker of [PROFESSIONAL_ONLY_MARKERS.policeUpdate, PROFESSIONAL_ONLY_MARKERS.policeAction, PROFESSIONAL_ONLY_MARKERS.policePlanAction, PROFESSIONAL_ONLY_MARKERS.disagreement, PROFESSIONAL_ONLY_MARKERS.agencies, PROFESSIONAL_ONLY_MARKERS.monitoring, SCALING_HEADING, REMOVED_ON_REVIEW_MARKER]) {
      expect([marker, all.includes(marker)]).toEqual([marker, true]);
    }
    expect(collected.professional.some((artefact) => artefact.label.startsWith('e-mail to') && artefact.text.includes(PROFESSIONAL_ONLY_MARKERS.disagreement))).toBe(true);
  });

  attack('family: the e-mail subjects and bodies and the Teams card never name the child', () => {
    const named = collected.family.filter((artefact) => artefact.label.startsWith('e-mail') || artefact.label.startsWith('Teams')).filter((artefact) => artefact.label.includes('Riley') || artefact.text.split('\n').slice(0, 2).join('\n').includes('Riley'));
    expect(named.map((artefact) => artefact.label)).toEqual([]);
  });
});
