import { Field, Select, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { DocumentLanguageResponse } from '@contracts/language.contract';
import { errorTextIn } from '../../common/error-text';
import type { TabTranslate } from '../../i18n/i18n';
import { useShell } from '../../shell/shell.context';

type Language = DocumentLanguageResponse['language'];

/**
 * The language this group's documents are written in — the minutes, the plan and the family's
 * version, exported and circulated: English, Cymraeg, or both in one file with the Welsh first.
 * The lead social worker and the team manager choose it; everyone else sees which it is.
 */
export function DocumentLanguage(props: { coreGroupId: string; t: TabTranslate; className?: string }) {
  const { api } = useShell();
  const { t, coreGroupId } = props;
  const path = `/api/core-groups/${encodeURIComponent(coreGroupId)}/document-language`;
  const [state, setState] = useState<DocumentLanguageResponse | undefined>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    api.get<DocumentLanguageResponse>(path).then(
      (answer) => live && setState(answer),
      (error: unknown) => live && setProblem(t('documents.failed', { reason: errorTextIn(error, t) })),
    );
    return () => {
      live = false;
    };
  }, [api, path, t]);

  const choose = async (language: Language) => {
    setSaving(true);
    setProblem(undefined);
    try {
      setState(await api.send<DocumentLanguageResponse>('PUT', path, { language }));
    } catch (error) {
      setProblem(t('documents.notSaved', { reason: errorTextIn(error, t) }));
    } finally {
      setSaving(false);
    }
  };

  if (!state) return problem ? <Text className={props.className}>{problem}</Text> : null;
  if (!state.canChoose) return <Text className={props.className}>{t(`documents.shown.${state.language}`)}</Text>;
  return (
    <Field className={props.className} label={t('documents.label')} hint={t('documents.hint')} validationMessage={problem} validationState={problem ? 'error' : 'none'}>
      <Select value={state.language} disabled={saving} onChange={(_event, data) => void choose(data.value as Language)}>
        <option value="en">{t('documents.en')}</option>
        <option value="cy" lang="cy">
          {t('documents.cy')}
        </option>
        <option value="both">{t('documents.both')}</option>
      </Select>
    </Field>
  );
}
