import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { InstitutionTaskChangeResponse, RecordInstitutionTaskRequest } from '@contracts/institution-tasks.contract';
import { useFormSubmit } from '../../common/use-form-submit';
import { useShell } from '../../shell/shell.context';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Kind = RecordInstitutionTaskRequest['kind'];

const KINDS: readonly { value: Kind; label: string }[] = [
  { value: 'prison', label: 'Prison' },
  { value: 'hospital', label: 'Hospital' },
  { value: 'other', label: 'Another institution' },
];

/**
 * The lead social worker (or team manager) records a parent, relative or other relevant person in
 * an institution (seed 001): who, by their relationship to the child, the kind of institution and
 * its name. The group's co-ordinator is given the task to write to its head.
 */
export function RecordPersonInInstitution(props: { coreGroupId: string; caseReference: string; onRecorded: (note: string) => void }) {
  const styles = useStyles();
  const { api } = useShell();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [person, setPerson] = useState('');
  const [kind, setKind] = useState<Kind>('prison');
  const [institution, setInstitution] = useState('');
  const { busy, problem, setProblem, send } = useFormSubmit();
  const { caseReference } = props;

  const submit = async () => {
    if (person.trim() === '') return setProblem('Say who is in the institution, by their relationship to the child.');
    if (institution.trim() === '') return setProblem('Name the institution, as the letter is to be addressed.');
    await send(async () => {
      const body: RecordInstitutionTaskRequest = { person: person.trim(), kind, institution: institution.trim() };
      const recorded = await api.send<InstitutionTaskChangeResponse>('POST', `/api/core-groups/${encodeURIComponent(props.coreGroupId)}/institution-tasks`, body);
      setOpen(false);
      const who = recorded.task.coordinators.length === 0 ? 'The group has no co-ordinator, so nobody can do it yet: add the co-ordinator, Children Services to the group.' : 'A notice to the co-ordinator to write to its head is queued (Teams, or e-mail where Teams cannot reach them).';
      props.onRecorded(recorded.outcome === 'unchanged' ? 'That was recorded already: nothing was changed.' : `Recorded: ${recorded.task.institution}. ${who}`);
    });
  };

  if (!open) {
    return (
      <div className={styles.row}>
        <Button size="small" onClick={() => setOpen(true)} aria-label={`Record a relative in prison or hospital for ${caseReference}`}>
          Relative in prison or hospital…
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
      <p id={`${formId}-title`}>A relative in an institution, for {caseReference}</p>
      <Field label="Who, by their relationship to the child" required hint="For example: father, maternal uncle. They need not be in the core group.">
        <Input value={person} maxLength={200} onChange={(_event, data) => setPerson(data.value)} />
      </Field>
      <Field label="Where" required>
        <RadioGroup value={kind} onChange={(_event, data) => setKind(data.value as Kind)}>
          {KINDS.map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="The institution's name" required hint="As the co-ordinator's letter is to be addressed, e.g. HMP Leeds.">
        <Input value={institution} maxLength={200} onChange={(_event, data) => setInstitution(data.value)} />
      </Field>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Record
        </Button>
        <Button disabled={busy} onClick={() => setOpen(false)}>
          Back
        </Button>
      </div>
    </form>
  );
}
