import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanViewResponse } from '@contracts/plan.contract';
import { isolatedUserText } from '../../common/display-text';
import { errorTextIn } from '../../common/error-text';
import { isCivilDate } from '../../common/format';
import { UkDateInput } from '../../common/UkDateInput';
import type { TabTranslate } from '../../i18n/i18n';
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
function problemIn(t: TabTranslate, draft: PlanDraft): string | undefined {
  if (draft.reason.trim() === '') return t('planEditor.needReason');
  if (draft.outcomes.some((outcome) => outcome.text.trim() === '')) return t('planEditor.needOutcomeWords');
  for (const action of draft.actions.filter((candidate) => !candidate.dropped)) {
    if (action.what.trim() === '') return t('planEditor.needActionWords');
    if (!action.ownerMemberId) return t('planEditor.needOwner', { what: action.what.trim() });
    if (!isCivilDate(action.due)) return t('planEditor.needDue', { what: action.what.trim() });
  }
  return undefined;
}

function ActionFields(props: { action: DraftAction; plan: PlanViewResponse; outcomes: PlanDraft['outcomes']; t: TabTranslate; onChange: (action: DraftAction) => void }) {
  const styles = useStyles();
  const { action, plan, t } = props;
  const set = (change: Partial<DraftAction>) => props.onChange({ ...action, ...change });
  const formerOwner = !plan.owners.some((owner) => owner.id === action.ownerMemberId) && action.ownerMemberId !== '';
  const label = action.what.trim() ? t('planEditor.actionGroup', { what: isolatedUserText(action.what.trim()) }) : t('planEditor.actionGroupNew');
  if (action.droppedBefore) return <p className={styles.dropped}>{t('planEditor.droppedBefore', { what: isolatedUserText(action.what) })}</p>;
  return (
    <div className={styles.action} role="group" aria-label={label}>
      <fieldset className={styles.fields} disabled={action.dropped}>
      <Field label={t('planEditor.what')} required className={styles.wide}>
        <Textarea value={action.what} maxLength={2000} resize="vertical" onChange={(_event, data) => set({ what: data.value })} />
      </Field>
      <Field label={t('planEditor.owner')} required>
        <Select value={action.ownerMemberId} onChange={(_event, data) => set({ ownerMemberId: data.value })}>
          <option value="">{t('planEditor.chooseMember')}</option>
          {formerOwner && <option value={action.ownerMemberId}>{isolatedUserText(plan.actions.find((one) => one.id === action.id)?.ownerName ?? t('planEditor.formerMember'))}</option>}
          {plan.owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {isolatedUserText(`${owner.name} (${owner.agency})`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('planEditor.due')} required>
        <UkDateInput value={action.due} onChange={(due) => set({ due })} />
      </Field>
      <Field label={t('planEditor.sees')} hint={t('planEditor.seesHint')}>
        <Input value={action.childSeenFrequency} maxLength={200} onChange={(_event, data) => set({ childSeenFrequency: data.value })} />
      </Field>
      <Field label={t('planEditor.measure')} required>
        <Input value={action.progressMeasure} maxLength={1000} onChange={(_event, data) => set({ progressMeasure: data.value })} />
      </Field>
      <Field label={t('planEditor.underOutcome')}>
        <Select value={action.outcomeId} onChange={(_event, data) => set({ outcomeId: data.value })}>
          {!action.outcomeId && <option value="">{t('planEditor.noOutcome')}</option>}
          {props.outcomes.map((outcome, index) => (
            <option key={outcome.id} value={outcome.id}>
              {t('planEditor.outcomeOption', { number: index + 1, text: isolatedUserText(outcome.text).slice(0, 80) })}
            </option>
          ))}
        </Select>
      </Field>
      </fieldset>
      <Checkbox checked={action.dropped} label={t('planEditor.drop')} onChange={(_event, data) => set({ dropped: data.checked === true })} />
    </div>
  );
}

/**
 * The plan editor (lead social worker, team manager): outcomes, each with its SMART actions —
 * what, owner, due, how often the owner sees the child, how progress is measured — then the
 * contingency plan, supports and resources, and how progress is monitored (seed 001). The whole
 * plan is saved at once as a new version, with why it changed.
 */
export function PlanEditor(props: { plan: PlanViewResponse; t: TabTranslate; onSaved: (saved: PlanViewResponse) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { api } = useShell();
  const { plan, t } = props;
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
    const stop = problemIn(t, draft);
    if (stop) return setProblem(stop);
    setBusy(true);
    setProblem(undefined);
    try {
      props.onSaved(await api.send<PlanViewResponse>('PUT', `/api/core-groups/${encodeURIComponent(plan.coreGroupId)}/plan`, saveRequestOf(draft, plan.version)));
    } catch (error) {
      setProblem(errorTextIn(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label={t('planEditor.form')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {draft.outcomes.map((outcome, index) => {
        const under = draft.actions.filter((action) => action.outcomeId === outcome.id);
        return (
          <section key={outcome.id} className={styles.outcome} aria-label={t('planEditor.outcome', { number: index + 1 })}>
            <Field label={t('planEditor.outcome', { number: index + 1 })} required hint={t('planEditor.outcomeHint')}>
              <Textarea value={outcome.text} maxLength={2000} resize="vertical" onChange={(_event, data) => setDraft({ ...draft, outcomes: draft.outcomes.map((one) => (one.id === outcome.id ? { ...one, text: data.value } : one)) })} />
            </Field>
            {under.map((action) => (
              <ActionFields key={action.id} action={action} plan={plan} outcomes={draft.outcomes} t={t} onChange={setAction} />
            ))}
            <div className={styles.row}>
              <Button size="small" onClick={() => setDraft({ ...draft, actions: [...draft.actions, newAction(outcome.id)] })}>
                {t('planEditor.addAction', { number: index + 1 })}
              </Button>
              {under.length === 0 && (
                <Button size="small" onClick={() => setDraft({ ...draft, outcomes: draft.outcomes.filter((one) => one.id !== outcome.id) })}>
                  {t('planEditor.removeOutcome', { number: index + 1 })}
                </Button>
              )}
            </div>
          </section>
        );
      })}
      {others.length > 0 && (
        <section className={styles.outcome} aria-label={t('planEditor.otherActions')}>
          <p className={styles.dropped}>{t('planEditor.otherActionsNote')}</p>
          {others.map((action) => (
            <ActionFields key={action.id} action={action} plan={plan} outcomes={draft.outcomes} t={t} onChange={setAction} />
          ))}
        </section>
      )}
      <div>
        <Button onClick={() => setDraft({ ...draft, outcomes: [...draft.outcomes, { id: crypto.randomUUID(), text: '' }] })}>{t('planEditor.addOutcome')}</Button>
      </div>
      <Field label={t('planEditor.contingency')} hint={t('planEditor.contingencyHint')}>
        <Textarea value={draft.contingencyPlan} maxLength={10000} resize="vertical" onChange={(_event, data) => setDraft({ ...draft, contingencyPlan: data.value })} />
      </Field>
      <Field label={t('planEditor.resources')}>
        <Textarea value={draft.resources} maxLength={10000} resize="vertical" onChange={(_event, data) => setDraft({ ...draft, resources: data.value })} />
      </Field>
      <Field label={t('planEditor.monitoring')}>
        <Textarea value={draft.monitoring} maxLength={10000} resize="vertical" onChange={(_event, data) => setDraft({ ...draft, monitoring: data.value })} />
      </Field>
      <Field label={t('planEditor.reason')} required hint={t('planEditor.reasonHint')}>
        <Input value={draft.reason} maxLength={2000} onChange={(_event, data) => setDraft({ ...draft, reason: data.value })} />
      </Field>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t('planEditor.save', { version: plan.version + 1 })}
        </Button>
        <Button disabled={busy} onClick={props.onCancel}>
          {t('planEditor.cancel')}
        </Button>
      </div>
    </form>
  );
}
