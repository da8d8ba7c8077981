import { errorTextIn } from '../common/error-text';
import type { TabTranslate } from '../i18n/i18n';
import { OfficeError } from './office.host';

/** A failure in the page's language: what Outlook would not do, else what the app answered (`errorTextIn`). */
export function outlookErrorText(error: unknown, t: TabTranslate): string {
  return error instanceof OfficeError ? t(`outlook.officeError.${error.reason}`) : errorTextIn(error, t);
}
