import { Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { ChosenLanguageResponse } from '@contracts/language.contract';
import type { TabLanguage, TabTranslate } from '../i18n/i18n';
import { useShell } from '../shell/shell.context';
import { errorTextIn } from './error-text';

/**
 * The person's own language for Core Group, in the tab: English or Cymraeg (saved for them, over
 * their Teams language; the bot speaks it too). Each language's name is written in that language,
 * so someone who reads only one of them can find it.
 */
export function LanguageSwitch(props: { language: TabLanguage; t: TabTranslate; onChosen: (language: TabLanguage) => void; className?: string }) {
  const { api } = useShell();
  const { t } = props;
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<string | undefined>();
  const choose = async (language: TabLanguage) => {
    setSaving(true);
    setFailed(undefined);
    try {
      const chosen = await api.send<ChosenLanguageResponse>('PUT', '/api/me/language', { language });
      props.onChosen(chosen.language);
    } catch (error) {
      setFailed(t('language.failed', { reason: errorTextIn(error, t) }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Field className={props.className} label={t('language.label')} validationMessage={failed} validationState={failed ? 'error' : 'none'}>
      <Select value={props.language} disabled={saving} onChange={(_event, data) => void choose(data.value as TabLanguage)}>
        <option value="en" lang="en">
          English
        </option>
        <option value="cy" lang="cy">
          Cymraeg
        </option>
      </Select>
    </Field>
  );
}
