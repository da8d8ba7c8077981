import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanViewResponse } from '@contracts/plan.contract';
import { isolatedUserText } from '../../common/display-text';
import { errorText } from '../../common/error-text';
import { isCivilDate } from '../../common/format';
import { UkDateInput } from '../../common/UkDateInput';
import { useShell } from '../../shell/shell.context';
import { type DraftAction, type PlanDraft, draftOf, newAction, saveRequestOf } from './plan-draft';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  outcome: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: '0',
  },
  action: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 14rem), 1fr))',
    gap: tokens.spacingHorizontalS,
    border: 'none',
    margin: '0',
    padding: '0',
    minWidth: '0',
  },
  wide: { gridColumn: '1 / -1' },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  dropped: { margin: '0', color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/** What stops a save before it is sent, in the words the server would use; undefined when it may go. */
function problemIn(draft: PlanDraft): string | undefined {
  if (draft.reason.trim() === '') return 'Say why the plan is changing.';
  if (draft.outcomes.some((outcome) => outcome.text.trim() === '')) return 'Every outcome needs words: say what should be different for the child, or remove it.';
  for (const action of draft.actions.filter((candidate) => !candidate.dropped)) {
    if (action.what.trim() === '') return 'Every action needs words: say what will be done.';
    const which = `“${action.what.trim()}”`;
    if (!action.ownerMemberId) return `Choose who owns ${which}.`;
    if (!isCivilDate(action.due)) return `Give the due date of ${which} as dd/mm/yyyy.`;
  }
  return undefined;
}

function ActionFields(props: { action: DraftAction; plan: PlanViewResponse; outcomes: PlanDraft['outcomes']; onChange: (action: DraftAction) => void }) {
  const styles = useStyles();
  const { action, plan } = props;
  const set = (change: Partial<DraftAction>) => props.onChange({ ...action, ...change });
  const formerOwner = !plan.owners.some((owner) => owner.id === action.ownerMemberId) && action.ownerMemberId !== '';
  const label = action.what.trim() ? `“${isolatedUserText(action.what.trim())}”` : 'the new action';
  if (action.droppedBefore) return <p className={styles.dropped}>Dropped: {isolatedUserText(action.what)}</p>;
  return (
    <div className={styles.action} role="group" aria-label={`Action ${label}`}>
      <fieldset className={styles.fields} disabled={action.dropped}>
      <Field label="What will be done" required className={styles.wide}>
        <Textarea value={action.what} maxLength={2000} resize="vertical" onChange={(_event, data) => set({ what: data.value })} />
      </Field>
      <Field label="Owner" required>
        <Select value={action.ownerMemberId} onChange={(_event, data) => set({ ownerMemberId: data.value })}>
          <option value="">Choose a member</option>
          {formerOwner && <option value={action.ownerMemberId}>{isolatedUserText(plan.actions.find((one) => one.id === action.id)?.ownerName ?? 'A former member')}</option>}
          {plan.owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {isolatedUserText(`${owner.name} (${owner.agency})`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Due" required>
        <UkDateInput value={action.due} onChange={(due) => set({ due })} />
      </Field>
      <Field label="How often the owner sees the child" hint="Where relevant, e.g. weekly, once alone each fortnight.">
        <Input value={action.childSeenFrequency} maxLength={200} onChange={(_event, data) => set({ childSeenFrequency: data.value })} />
      </Field>
      <Field label="How progress is measured" required>
        <Input value={action.progressMeasure} maxLength={1000} onChange={(_event, data) => set({ progressMeasure: data.value })} />
      </Field>
      <Field label="Under outcome">
        <Select value={action.outcomeId} onChange={(_event, data) => set({ outcomeId: data.value })}>
          {!action.outcomeId && <option value="">No outcome yet</option>}
          {props.outcomes.map((outcome, index) => (
            <option key={outcome.id} value={outcome.id}>
              {`Outcome ${index + 1}: ${isolatedUserText(outcome.text).slice(0, 80)}`}
            </option>
          ))}
        </Select>
      </Field>
      </fieldset>
      <Checkbox checked={action.dropped} label="Drop this action (it stays on the record; dropping is final)" onChange={(_event, data) => set({ dropped: data.checked === true })} />
    </div>
  );
}

/**
 * The plan editor (lead social worker, team manager): outcomes, each with its SMART actions —
 * what, owner, due, how often the owner sees the child, how progress is measured — then the
 * contingency plan, supports and resources, and how progress is monitored (seed 001). The whole
 * plan is saved at once as a new version, with why it changed.
 */
export function PlanEditor(props: { plan: PlanViewResponse; onSaved: (saved: PlanViewResponse) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { api } = useShell();
  const { plan } = props;
  const [draft, keepDraft] = useState<PlanDraft>(() => draftOf(plan));
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  /** A change clears what stopped the last save: it may be what was asked for. */
  const setDraft = (next: PlanDraft) => {
    keepDraft(next);
    setProblem(undefined);
  };
  const outcomeIds = new Set(draft.outcomes.map((outcome) => outcome.id));
  const setAction = (changed: DraftAction) => setDraft({ ...draft, actions: draft.actions.map((action) => (action.id === changed.id ? changed : action)) });
  const others = draft.actions.filter((action) => !outcomeIds.has(action.outcomeId));

  const save = async () => {
    const stop = problemIn(draft);
    if (stop) return setProblem(stop);
    setBusy(true);
    setProblem(undefined);
    try {
      props.onSaved(await api.send<PlanViewResponse>('PUT', `/api/core-groups/${encodeURIComponent(plan.coreGroupId)}/plan`, saveRequestOf(draft, plan.version)));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label="Edit the plan"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {draft.outcomes.map((outcome, index) => {
        const under = draft.actions.filter((action) => action.outcomeId === outcome.id);
        return (
          <section key={outcome.id} className={styles.outcome} aria-label={`Outcome ${index + 1}`}>
            <Field label={`Outcome ${index + 1}`} required hint="What should be different for the child.">
              <Textarea value={outcome.text} maxLength={2000} resize="vertical" onChange={(_event, data) => setDraft({ ...draft, outcomes: draft.outcomes.map((one) => (one.id === outcome.id ? { ...one, text: data.value } : one)) })} />
            </Field>
            {under.map((action) => (
              <ActionFields key={action.id} action={action} plan={plan} outcomes={draft.outcomes} onChange={setAction} />
            ))}
            <div className={styles.row}>
              <Button size="small" onClick={() => setDraft({ ...draft, actions: [...draft.actions, newAction(outcome.id)] })}>
                Add an action under outcome {index + 1}
              </Button>
              {under.length === 0 && (
                <Button size="small" onClick={() => setDraft({ ...draft, outcomes: draft.outcomes.filter((one) => one.id !== outcome.id) })}>
                  Remove outcome {index + 1}
                </Button>
              )}
            </div>
          </section>
        );
      })}
      {others.length > 0 && (
        <section className={styles.outcome} aria-label="Other actions">
          <p className={styles.dropped}>Actions under no outcome yet: choose the outcome each works towards when you change it.</p>
          {others.map((action) => (
            <ActionFields key={action.id} action={action} plan={plan} outcomes={draft.outcomes} onChange={setAction} />
          ))}
        </section>
      )}
      <div>
        <Button onClick={() => setDraft({ ...draft, outcomes: [...draft.outcomes, { id: crypto.randomUUID(), text: '' }] })}>Add an outcome</Button>
      </div>
      <Field label="Contingency plan" hint="What happens if there is no progress.">
        <Textarea value={draft.contingencyPlan} maxLength={10000} resize="vertical" onChange={(_event, data) => setDraft({ ...draft, contingencyPlan: data.value })} />
      </Field>
      <Field label="Supports and resources">
        <Textarea value={draft.resources} maxLength={10000} resize="vertical" onChange={(_event, data) => setDraft({ ...draft, resources: data.value })} />
      </Field>
      <Field label="How progress is monitored">
        <Textarea value={draft.monitoring} maxLength={10000} resize="vertical" onChange={(_event, data) => setDraft({ ...draft, monitoring: data.value })} />
      </Field>
      <Field label="Why the plan is changing" required hint="Kept with this version, e.g. agreed at the core group of 8 June.">
        <Input value={draft.reason} maxLength={2000} onChange={(_event, data) => setDraft({ ...draft, reason: data.value })} />
      </Field>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Save as version {plan.version + 1}
        </Button>
        <Button disabled={busy} onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
