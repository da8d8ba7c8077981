import { Badge, Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { InstitutionTaskChangeResponse, InstitutionTaskWire, InstitutionTasksResponse, LetterSentRequest } from '@contracts/institution-tasks.contract';
import { isolatedUserText } from '../../common/display-text';
import { formatDate, isCivilDate } from '../../common/format';
import { UkDateInput } from '../../common/UkDateInput';
import { useFormSubmit } from '../../common/use-form-submit';
import { PanelNotes } from '../../common/PanelNotes';
import { usePanelList } from '../../common/use-panel-list';
import { useShell } from '../../shell/shell.context';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  meta: { margin: '0', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

/** Who does a task, or that nobody in the group can. */
function whoDoesIt(task: InstitutionTaskWire): string {
  if (task.coordinators.length === 0) return 'Nobody to do it: the core group has no co-ordinator. Add the co-ordinator, Children Services to the group.';
  return `Co-ordinator: ${task.coordinators.map(isolatedUserText).join(', ')}`;
}

/** The co-ordinator's "letter sent" form for one task: the day it went, then done. */
function LetterSent(props: { task: InstitutionTaskWire; onDone: (note: string) => void }) {
  const styles = useStyles();
  const { api } = useShell();
  const [on, setOn] = useState('');
  const { busy, problem, setProblem, send } = useFormSubmit();
  const submit = async () => {
    if (!isCivilDate(on)) return setProblem('Give the date the letter went as dd/mm/yyyy.');
    await send(async () => {
      const body: LetterSentRequest = { on };
      const done = await api.send<InstitutionTaskChangeResponse>('POST', `/api/institution-tasks/${encodeURIComponent(props.task.id)}/letter-sent`, body);
      props.onDone(done.outcome === 'unchanged' ? 'That was recorded already: nothing was changed.' : `Done: the letter to ${done.task.institution} went on ${formatDate(on)}.`);
    });
  };
  return (
    <form
      className={styles.form}
      aria-label={`The letter to ${props.task.institution} for ${props.task.caseReference}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label="Letter sent on" required validationMessage={problem}>
        <UkDateInput value={on} onChange={setOn} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy}>
        Mark done
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
export function InstitutionTasks(props: { reload: number; classNames: { panel: string; heading: string } }) {
  const styles = useStyles();
  const { items: tasks, problem, note, acted } = usePanelList({ path: '/api/institution-tasks', what: 'The letters to institutions', pick: (answer: InstitutionTasksResponse) => answer.tasks, reload: props.reload });

  if (!problem && !note && (!tasks || tasks.length === 0)) return null;
  return (
    <section className={props.classNames.panel} aria-labelledby="institution-tasks-heading">
      <h2 id="institution-tasks-heading" className={props.classNames.heading}>
        Letters to institutions
      </h2>
      <PanelNotes problem={problem} note={note} />
      <ul className={styles.list}>
        {(tasks ?? []).map((task) => (
          <li key={task.id} className={styles.item}>
            <span>
              <Badge appearance="tint" color={task.letterSentOn ? 'success' : task.coordinators.length === 0 ? 'danger' : 'warning'}>
                {task.letterSentOn ? `Letter sent ${formatDate(task.letterSentOn)}` : task.coordinators.length === 0 ? 'Nobody to do it' : 'To do'}
              </Badge>{' '}
              {isolatedUserText(task.task)}
            </span>
            <p className={styles.meta}>
              {isolatedUserText(task.caseReference)} · recorded {formatDate(task.recordedOn)} · {whoDoesIt(task)}
            </p>
            {task.canMarkDone && (
              <LetterSent task={task} onDone={acted} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
