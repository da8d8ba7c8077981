import type { NoticeReasonWire } from '@contracts/concerns.contract';
import { isolatedUserText } from '../common/display-text';
import type { TabTranslate } from '../i18n/i18n';

/**
 * Why a notice did not go, in the page's language, from the facts the server sends; a reason
 * stored in no known form is shown as it was stored (isolated: it is not the page's words).
 */
export function noticeReasonText(reason: NoticeReasonWire, t: TabTranslate): string {
  switch (reason.code) {
    case 'attempt-failed':
      return t('dashNoticeReason.attempt-failed', { attempt: reason.attempt, error: isolatedUserText(reason.error) });
    case 'gave-up':
      return reason.error === undefined ? t('dashNoticeReason.gave-upNoError', { count: reason.attempts }) : t('dashNoticeReason.gave-up', { count: reason.attempts, error: isolatedUserText(reason.error) });
    case 'as-recorded':
      return isolatedUserText(reason.text);
    default:
      return t(`dashNoticeReason.${reason.code}`);
  }
}
