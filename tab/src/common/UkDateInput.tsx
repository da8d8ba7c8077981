import { Input } from '@fluentui/react-components';
import { usePageLanguage } from '../i18n/use-tab-language';
import { fromUkInputDate, toUkInputDate } from './format';

/**
 * A date typed day/month/year whatever the browser's locale (Chromium lays `<input type="date">`
 * out in its own UI language and ignores `lang`). `value` and `onChange` speak `YYYY-MM-DD`;
 * text that is not yet a real date is passed on as typed, so the field around it can say so. Its
 * placeholder is in the page's language (`dd/mm/yyyy`, `dd/mm/bbbb`).
 */
export function UkDateInput(props: { value: string; readOnly?: boolean | undefined; onChange: (value: string) => void }) {
  const { t } = usePageLanguage();
  return (
    <Input
      inputMode="numeric"
      placeholder={t('errors.datePlaceholder')}
      autoComplete="off"
      value={toUkInputDate(props.value)}
      readOnly={props.readOnly}
      onChange={(_event, data) => props.onChange(data.value.trim() === '' ? '' : (fromUkInputDate(data.value) ?? data.value))}
    />
  );
}
