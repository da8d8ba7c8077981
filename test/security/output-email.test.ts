import type { MinutesDeliveryJob } from '../../src/contracts/jobs.contract';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { createMinutesDelivery } from '../../src/services/notifications/minutes-delivery.service';
import type { Mailer } from '../../src/services/ports/mailer.port';
import { attack } from './support/attack';
import { DIRECTIONAL, MARKUP, NOT_XML } from './support/hostile-record';

const job: MinutesDeliveryJob = { tenantId: 'tenant', meetingId: '5b1d0c8e-0000-4000-8000-000000000002', minutesId: '5b1d0c8e-0000-4000-8000-000000000003', minutesVersion: 1, memberId: 'parent' };
const parent: CoreGroupMember = { id: 'parent', displayName: 'Pat Parent', role: 'family-member', agency: 'family', email: 'pat@family.example', reach: 'email-only', active: true };

/** The e-mail a family member gets with the signed minutes, when the stored case reference is `caseReference`. */
async function mailFor(caseReference: string): Promise<Parameters<Mailer['sendMail']>[0]> {
  const mails: Parameters<Mailer['sendMail']>[0][] = [];
  const delivery = createMinutesDelivery({
    distribution: { deliveryOf: async () => ({ member: parent, caseReference, meetingDate: '2026-06-08', chatId: undefined, fromMailbox: 'organiser@council.example' }), recordOutcome: async () => undefined },
    exports: { minutesFile: async () => ({ fileName: 'minutes.pdf', file: Buffer.from('%PDF') }) },
    notifier: { send: async () => ({}) },
    mailer: { sendMail: async (mail) => void mails.push(mail) },
  });
  await delivery.deliver(job);
  return mails[0]!;
}

describe('user text in the minutes e-mail', () => {
  attack('a stored case reference holding a line break and a header, directional overrides and characters XML forbids gives a one-line subject and a plain body without any of them', async () => {
    const mail = await mailFor(`CP-1\r\nBcc: x@evil.example ${DIRECTIONAL} ${NOT_XML} ${MARKUP}`);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    for (const text of [mail.subject, mail.bodyText]) {
      expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      expect(text).toContain('CP-1 Bcc: x@evil.example');
    }
  });
});
