import { type NoticeReason, noticeReasonOf, storedNoticeReason } from '../../src/domain/notice-delivery';

describe('why a notice did not go: stored in the form rows already hold, read back as facts for the reader’s words', () => {
  test.each<[Exclude<NoticeReason, { code: 'as-recorded' }>, string]>([
    [{ code: 'no-mailbox' }, 'no mailbox to send from'],
    [{ code: 'no-address' }, 'no Teams chat and no e-mail address'],
    [{ code: 'mail-refused' }, 'the mail service refused it'],
    [{ code: 'attempt-failed', attempt: 2, error: 'DeliveryError:throttled' }, 'attempt 2: DeliveryError:throttled'],
    [{ code: 'gave-up', attempts: 8, error: 'MailError:mail-failed (lease)' }, 'not sent after 8 attempts (MailError:mail-failed (lease))'],
    [{ code: 'gave-up', attempts: 5, error: undefined }, 'not sent after 5 attempts (no error recorded)'],
  ])('%j is stored as “%s” and read back the same', (reason, stored) => {
    expect(storedNoticeReason(reason)).toBe(stored);
    expect(noticeReasonOf(stored)).toEqual(reason);
  });

  test('a reason stored in no known form is shown as it was stored', () => {
    expect(noticeReasonOf('Teams was down')).toEqual({ code: 'as-recorded', text: 'Teams was down' });
    expect(noticeReasonOf('attempt two: busy')).toEqual({ code: 'as-recorded', text: 'attempt two: busy' });
  });
});
