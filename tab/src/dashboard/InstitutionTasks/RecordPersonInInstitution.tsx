import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { InstitutionTaskChangeResponse, RecordInstitutionTaskRequest } from '@contracts/institution-tasks.contract';
import { isolatedUserText } from '../../common/display-text';
import type { TabTranslate } from '../../i18n/i18n';
import { useShell } from '../../shell/shell.context';
import { useFormSubmit } from '../../common/use-form-submit';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Kind = RecordInstitutionTaskRequest['kind'];

/** The kinds of institution, in the order offered (their words: `dashInstitutions.record.kind`). */
const KINDS: readonly Kind[] = ['prison', 'hospital', 'other'];

/**
 * The lead social worker (or team manager) records a parent, relative or other relevant person in
 * an institution (seed 001): who, by their relationship to the child, the kind of institution and
 * its name. The group's co-ordinator is given the task to write to its head.
 */
export function RecordPersonInInstitution(props: { t: TabTranslate; coreGroupId: string; caseReference: string; onRecorded: (note: string) => void }) {
  const styles = useStyles();
  const { api } = useShell();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [person, setPerson] = useState('');
  const [kind, setKind] = useState<Kind>('prison');
  const [institution, setInstitution] = useState('');
  const { t, caseReference } = props;
  const { busy, problem, setProblem, send } = useFormSubmit(t);

  const submit = async () => {
    if (person.trim() === '') return setProblem(t('dashInstitutions.record.needWho'));
    if (institution.trim() === '') return setProblem(t('dashInstitutions.record.needName'));
    await send(async () => {
      const body: RecordInstitutionTaskRequest = { person: person.trim(), kind, institution: institution.trim() };
      const recorded = await api.send<InstitutionTaskChangeResponse>('POST', `/api/core-groups/${encodeURIComponent(props.coreGroupId)}/institution-tasks`, body);
      setOpen(false);
      const named = { institution: isolatedUserText(recorded.task.institution) };
      props.onRecorded(
        recorded.outcome === 'unchanged'
          ? t('dashForms.unchanged')
          : recorded.task.coordinators.length === 0
            ? t('dashInstitutions.record.recordedNobody', named)
            : t('dashInstitutions.record.recordedQueued', named),
      );
    });
  };

  if (!open) {
    return (
      <div className={styles.row}>
        <Button size="small" onClick={() => setOpen(true)} aria-label={t('dashInstitutions.record.buttonFor', { caseReference })}>
          {t('dashInstitutions.record.button')}
        </Button>
      </div>
    );
  }
  return (
    <form
      className={styles.form}
      aria-labelledby={`${formId}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p id={`${formId}-title`}>{t('dashInstitutions.record.title', { caseReference })}</p>
      <Field label={t('dashInstitutions.record.who')} required hint={t('dashInstitutions.record.whoHint')}>
        <Input value={person} maxLength={200} onChange={(_event, data) => setPerson(data.value)} />
      </Field>
      <Field label={t('dashInstitutions.record.where')} required>
        <RadioGroup value={kind} onChange={(_event, data) => setKind(data.value as Kind)}>
          {KINDS.map((option) => (
            <Radio key={option} value={option} label={t(`dashInstitutions.record.kind.${option}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t('dashInstitutions.record.name')} required hint={t('dashInstitutions.record.nameHint')}>
        <Input value={institution} maxLength={200} onChange={(_event, data) => setInstitution(data.value)} />
      </Field>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t('dashInstitutions.record.submit')}
        </Button>
        <Button disabled={busy} onClick={() => setOpen(false)}>
          {t('dashForms.back')}
        </Button>
      </div>
    </form>
  );
}
