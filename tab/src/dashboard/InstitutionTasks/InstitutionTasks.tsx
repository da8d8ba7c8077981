import { Badge, Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { InstitutionTaskChangeResponse, InstitutionTaskWire, InstitutionTasksResponse, LetterSentRequest } from '@contracts/institution-tasks.contract';
import { isolatedUserText } from '../../common/display-text';
import { formatDateIn, isCivilDate } from '../../common/format';
import { PanelNotes } from '../../common/PanelNotes';
import type { TabLanguage, TabTranslate } from '../../i18n/i18n';
import { useShell } from '../../shell/shell.context';
import { UkDateInput } from '../../common/UkDateInput';
import { usePanelList } from '../../common/use-panel-list';
import { useFormSubmit } from '../../common/use-form-submit';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  meta: { margin: '0', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

/** Who does a task, or that nobody in the group can. */
function whoDoesIt(task: InstitutionTaskWire, t: TabTranslate): string {
  if (task.coordinators.length === 0) return t('dashInstitutions.nobody');
  return t('dashInstitutions.coordinators', { names: task.coordinators.map(isolatedUserText).join(', ') });
}

/** The task as the co-ordinator reads it, in the page's language, from who and where the server sends. */
function taskText(task: InstitutionTaskWire, t: TabTranslate): string {
  return t(`dashInstitutions.task.${task.kind}`, { institution: isolatedUserText(task.institution), person: isolatedUserText(task.person) });
}

/** The co-ordinator's "letter sent" form for one task: the day it went, then done. */
function LetterSent(props: { task: InstitutionTaskWire; t: TabTranslate; language: TabLanguage; onDone: (note: string) => void }) {
  const styles = useStyles();
  const { api } = useShell();
  const { t, language } = props;
  const [on, setOn] = useState('');
  const { busy, problem, setProblem, send } = useFormSubmit(t);
  const submit = async () => {
    if (!isCivilDate(on)) return setProblem(t('dashInstitutions.needDate'));
    await send(async () => {
      const body: LetterSentRequest = { on };
      const done = await api.send<InstitutionTaskChangeResponse>('POST', `/api/institution-tasks/${encodeURIComponent(props.task.id)}/letter-sent`, body);
      props.onDone(done.outcome === 'unchanged' ? t('dashForms.unchanged') : t('dashInstitutions.done', { institution: isolatedUserText(done.task.institution), date: formatDateIn(language, on) }));
    });
  };
  return (
    <form
      className={styles.form}
      aria-label={t('dashInstitutions.letterFor', { institution: isolatedUserText(props.task.institution), caseReference: isolatedUserText(props.task.caseReference) })}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label={t('dashInstitutions.sentOn')} required validationMessage={problem}>
        <UkDateInput value={on} onChange={setOn} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy}>
        {t('dashInstitutions.markDone')}
      </Button>
    </form>
  );
}

/**
 * Letters to institutions (seed 001): a relative of a child in prison, hospital or another
 * institution, and the co-ordinator's task to write to its head. The co-ordinator sees each task
 * still to do and marks it done with the day the letter went; the lead social worker and team
 * manager see their groups' tasks — who does each, or that nobody can, and when the letter went.
 * Shows nothing for someone with no such task. `reload` changes when a task was recorded.
 */
export function InstitutionTasks(props: { t: TabTranslate; language: TabLanguage; reload: number; classNames: { panel: string; heading: string } }) {
  const styles = useStyles();
  const { t, language } = props;
  const { items: tasks, failed, note, acted } = usePanelList({ path: '/api/institution-tasks', t, pick: (answer: InstitutionTasksResponse) => answer.tasks, reload: props.reload });

  if (!failed && !note && (!tasks || tasks.length === 0)) return null;
  return (
    <section className={props.classNames.panel} aria-labelledby="institution-tasks-heading">
      <h2 id="institution-tasks-heading" className={props.classNames.heading}>
        {t('dashInstitutions.heading')}
      </h2>
      <PanelNotes problem={failed && t('dashInstitutions.loadFailed', { reason: failed })} note={note} />
      <ul className={styles.list}>
        {(tasks ?? []).map((task) => (
          <li key={task.id} className={styles.item}>
            <span>
              <Badge appearance="tint" color={task.letterSentOn ? 'success' : task.coordinators.length === 0 ? 'danger' : 'warning'}>
                {task.letterSentOn ? t('dashInstitutions.badge.sent', { date: formatDateIn(language, task.letterSentOn) }) : task.coordinators.length === 0 ? t('dashInstitutions.badge.nobody') : t('dashInstitutions.badge.toDo')}
              </Badge>{' '}
              {taskText(task, t)}
            </span>
            <p className={styles.meta}>{t('dashInstitutions.meta', { caseReference: isolatedUserText(task.caseReference), recordedOn: formatDateIn(language, task.recordedOn), who: whoDoesIt(task, t) })}</p>
            {task.canMarkDone && <LetterSent task={task} t={t} language={language} onDone={acted} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
