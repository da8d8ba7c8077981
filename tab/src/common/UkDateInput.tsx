import { Input } from '@fluentui/react-components';
import { fromUkInputDate, toUkInputDate } from './format';

/**
 * A date typed day/month/year whatever the browser's locale (Chromium lays `<input type="date">`
 * out in its own UI language and ignores `lang`). `value` and `onChange` speak `YYYY-MM-DD`;
 * text that is not yet a real date is passed on as typed, so the field around it can say so.
 */
export function UkDateInput(props: { value: string; readOnly?: boolean | undefined; placeholder?: string | undefined; onChange: (value: string) => void }) {
  return (
    <Input
      inputMode="numeric"
      placeholder={props.placeholder ?? 'dd/mm/yyyy'}
      autoComplete="off"
      value={toUkInputDate(props.value)}
      readOnly={props.readOnly}
      onChange={(_event, data) => props.onChange(data.value.trim() === '' ? '' : (fromUkInputDate(data.value) ?? data.value))}
    />
  );
}
