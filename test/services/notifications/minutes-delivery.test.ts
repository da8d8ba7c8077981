import { randomUUID } from 'node:crypto';
import type { MinutesDeliveryJob } from '../../../src/contracts/jobs.contract';
import type { CoreGroupMember } from '../../../src/domain/core-group';
import type { Delivery } from '../../../src/domain/minutes';
import type { DocumentLanguage, Language } from '../../../src/i18n/language';
import { createMinutesDelivery } from '../../../src/services/notifications/minutes-delivery.service';
import { reachableInTeams } from '../../../src/services/notifications/teams-first';
import { recordingNotifier } from './recording-notifier';

const job: MinutesDeliveryJob = { tenantId: 'tenant', meetingId: randomUUID(), minutesId: randomUUID(), minutesVersion: 2, memberId: 'member-1' };

/** A member to deliver to, in a meeting whose booking names an organiser mailbox unless told otherwise. */
function deliveryTo(member: Partial<CoreGroupMember>, options: { fromMailbox?: string | undefined; familyVersion?: boolean; welsh?: boolean; chose?: Language; recordIn?: DocumentLanguage } = { fromMailbox: 'organiser@council.example' }) {
  const recipient: CoreGroupMember = { id: 'member-1', displayName: 'Grace Lindqvist', role: 'professional', agency: 'health visiting', reach: 'tenant', active: true, email: 'grace@nhs.example', aadObjectId: 'grace-oid', ...member };
  const outcomes: Pick<Delivery, 'channel' | 'outcome' | 'detail'>[] = [];
  const mails: { from: string; to: string; subject: string; bodyText: string; attachment?: { name: string } | undefined }[] = [];
  const { notifier, sent, refuse } = recordingNotifier();
  const delivery = createMinutesDelivery({
    distribution: {
      deliveryOf: async () => ({ member: recipient, caseReference: 'CP-2026-0042', meetingDate: '2026-06-08', chatId: '19:meeting@thread.v2', fromMailbox: options.fromMailbox, familyVersion: options.familyVersion }),
      recordOutcome: async (_job, outcome) => void outcomes.push(outcome),
    },
    exports: { minutesFile: async () => ({ fileName: 'minutes.pdf', file: Buffer.from('%PDF'), language: options.recordIn ?? 'en' }) as never },
    familyNotes: { fileForDelivery: async () => ({ fileName: 'family-notes.pdf', file: Buffer.from('%PDF'), language: options.recordIn ?? 'en' }) },
    notifier,
    mailer: { sendMail: async (mail) => void mails.push(mail) },
    organiserMailbox: undefined,
    languages: { of: async () => (options.welsh ? 'cy' : options.chose) },
  });
  return { delivery, outcomes, mails, sent, refuse };
}

describe('signed minutes to one person: Teams, or e-mail when Teams cannot reach them', () => {
  test('someone reachable in Teams gets a 1:1 message with the link, and no e-mail', async () => {
    const { delivery, outcomes, mails, sent } = deliveryTo({});
    await delivery.deliver(job);
    expect(sent).toEqual([
      { tenantId: 'tenant', to: { kind: 'person', aadObjectId: 'grace-oid' }, summary: 'Core Group: minutes are ready', message: { kind: 'minutes-ready', caseReference: 'CP-2026-0042', meetingDate: '2026-06-08', chatId: '19:meeting@thread.v2' } },
    ]);
    expect(mails).toEqual([]);
    expect(outcomes).toEqual([{ channel: 'teams', outcome: 'sent' }]);
  });

  test('someone who never opened a chat with the app (Teams says 404) gets the PDF by e-mail from the organiser mailbox', async () => {
    const { delivery, outcomes, mails, refuse } = deliveryTo({});
    refuse(404);
    await delivery.deliver(job);
    expect(mails).toEqual([
      expect.objectContaining({ from: 'organiser@council.example', to: 'grace@nhs.example', subject: 'Core group minutes — case CP-2026-0042, meeting of Mon 8 Jun 2026', attachment: expect.objectContaining({ name: 'minutes.pdf', contentType: 'application/pdf' }) }),
    ]);
    expect(outcomes).toEqual([{ channel: 'email', outcome: 'sent' }]);
  });

  test('in the language the person chose: the Teams notice (its preview and card) and the e-mail in Welsh', async () => {
    const inTeams = deliveryTo({}, { fromMailbox: 'organiser@council.example', welsh: true });
    await inTeams.delivery.deliver(job);
    expect(inTeams.sent).toEqual([expect.objectContaining({ summary: "Core Group: mae'r cofnodion yn barod", language: 'cy' })]);
    const byMail = deliveryTo({}, { fromMailbox: 'organiser@council.example', welsh: true });
    byMail.refuse(404);
    await byMail.delivery.deliver(job);
    expect(byMail.mails).toEqual([expect.objectContaining({ subject: 'Cofnodion y grŵp craidd — achos CP-2026-0042, cyfarfod Llun, 8 Meh 2026' })]);
    expect(byMail.mails[0]!.bodyText).toContain('Maen nhw\'n cynnwys gwybodaeth gyfrinachol am blentyn');
  });

  test('someone who chose no language — a parent reached only by e-mail — gets the e-mail in the language of what is attached: Welsh, or both (Welsh first); a chosen language wins', async () => {
    const parent = { role: 'family-member' as const, reach: 'email-only' as const, aadObjectId: undefined, email: 'parent@family.example' };
    const mailed = async (options: { recordIn: DocumentLanguage; chose?: Language }) => {
      const { delivery, mails } = deliveryTo(parent, { fromMailbox: 'organiser@council.example', familyVersion: true, ...options });
      await delivery.deliver(job);
      return mails[0]!;
    };
    expect((await mailed({ recordIn: 'cy' })).subject).toBe('Nodiadau cyfarfod y grŵp craidd ar Llun, 8 Meh 2026 — cyfeirnod CP-2026-0042');
    const both = await mailed({ recordIn: 'both' });
    expect(both.subject).toBe('Nodiadau cyfarfod y grŵp craidd ar Llun, 8 Meh 2026 — cyfeirnod CP-2026-0042 / Notes of the core group meeting of Mon 8 Jun 2026 — reference CP-2026-0042');
    expect(both.bodyText.indexOf('Nodiadau cyfarfod')).toBeLessThan(both.bodyText.indexOf('The notes of the core group meeting'));
    const professional = deliveryTo({ reach: 'email-only', aadObjectId: 'grace-oid' }, { fromMailbox: 'organiser@council.example', recordIn: 'cy', chose: 'en' });
    await professional.delivery.deliver(job);
    expect(professional.mails[0]!.subject).toBe('Core group minutes — case CP-2026-0042, meeting of Mon 8 Jun 2026');
  });

  test('Teams throttling is not a reason to e-mail: the job fails, to be retried', async () => {
    const { delivery, outcomes, mails, refuse } = deliveryTo({});
    refuse(429);
    await expect(delivery.deliver(job)).rejects.toMatchObject({ status: 429 });
    expect(mails).toEqual([]);
    expect(outcomes).toEqual([]);
  });

  test('people reached by e-mail only (family, other agencies) are never tried in Teams', async () => {
    const { delivery, outcomes, mails, sent } = deliveryTo({ reach: 'email-only', aadObjectId: undefined, email: 'parent@family.example' });
    await delivery.deliver(job);
    expect(sent).toEqual([]);
    expect(mails.map((mail) => mail.to)).toEqual(['parent@family.example']);
    expect(outcomes).toEqual([{ channel: 'email', outcome: 'sent' }]);
  });

  test('the family get the family version: a Teams card with no content, or an e-mail with the family version’s PDF — never the minutes', async () => {
    const family = { role: 'family-member' as const, agency: 'family', displayName: 'Jordan Ellis' };
    const inTeams = deliveryTo(family, { fromMailbox: 'organiser@council.example', familyVersion: true });
    await inTeams.delivery.deliver(job);
    expect(inTeams.sent).toEqual([expect.objectContaining({ summary: 'Core Group: notes of the meeting are ready for you', message: { kind: 'family-version-ready', meetingDate: '2026-06-08', chatId: '19:meeting@thread.v2' } })]);
    const byMail = deliveryTo({ ...family, reach: 'email-only', aadObjectId: undefined, email: 'parent@family.example' }, { fromMailbox: 'organiser@council.example', familyVersion: true });
    await byMail.delivery.deliver(job);
    expect(byMail.mails).toEqual([expect.objectContaining({ to: 'parent@family.example', subject: 'Notes of the core group meeting of Mon 8 Jun 2026 — reference CP-2026-0042', attachment: expect.objectContaining({ name: 'family-notes.pdf' }) })]);
  });

  test.each([
    ['no e-mail address', { reach: 'email-only', aadObjectId: undefined, email: undefined }, { fromMailbox: 'organiser@council.example' }, 'no Teams chat and no e-mail address'],
    ['no mailbox to send from', { reach: 'email-only', aadObjectId: undefined }, { fromMailbox: undefined }, 'no mailbox to send from'],
  ] as const)('reachable neither way (%s): recorded as a failed delivery, so the lead social worker sees who still needs them', async (_case, member, options, detail) => {
    const { delivery, outcomes, mails } = deliveryTo(member, options);
    await delivery.deliver(job);
    expect(mails).toEqual([]);
    expect(outcomes).toEqual([{ channel: 'email', outcome: 'failed', detail }]);
  });

  test.each([
    [{ aadObjectId: 'oid', reach: 'tenant' }, true],
    [{ aadObjectId: 'oid', reach: 'guest' }, true],
    [{ aadObjectId: 'oid', reach: 'email-only' }, false],
    [{ aadObjectId: undefined, reach: 'tenant' }, false],
  ] as const)('tried in Teams first: %j → %s', (member, expected) => {
    expect(reachableInTeams(member)).toBe(expected);
  });
});
