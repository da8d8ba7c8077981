import { Badge, Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PlanViewResponse } from '@contracts/plan.contract';
import { isolatedUserText } from '../../common/display-text';
import { LoadFailed } from '../../common/LoadFailed';
import { errorText } from '../../common/error-text';
import { formatDate, formatInstant } from '../../common/format';
import { ACTION_STATE_LABELS, CHECK_IN_LABELS } from '../../common/labels';
import { tabTranslator } from '../../i18n/i18n';
import { DocumentLanguage } from '../DocumentLanguage/DocumentLanguage';
import { useShell } from '../../shell/shell.context';
import { PlanEditor } from '../PlanEditor/PlanEditor';
import { usePlanPageStyles } from './PlanPage.styles';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; plan: PlanViewResponse };
type Action = PlanViewResponse['actions'][number];

function ActionLine(props: { action: Action }) {
  const styles = usePlanPageStyles();
  const { action } = props;
  return (
    <li className={styles.item}>
      <div className={styles.buttons}>
        <span className={styles.text}>{isolatedUserText(action.what)}</span>
        <Badge appearance="tint" color={action.state === 'done' ? 'success' : action.state === 'dropped' ? 'subtle' : action.state === 'blocked' || action.state === 'at-risk' ? 'danger' : 'informative'}>
          {ACTION_STATE_LABELS[action.state] ?? action.state}
        </Badge>
      </div>
      <p className={styles.meta}>
        {isolatedUserText(action.ownerName)} · due {formatDate(action.due)}
        {action.childSeenFrequency ? ` · sees the child ${isolatedUserText(action.childSeenFrequency)}` : ''}
      </p>
      <p className={styles.meta}>Progress measured by: {action.progressMeasure ? isolatedUserText(action.progressMeasure) : '—'}</p>
      <p className={styles.meta}>{action.lastCheckIn ? `Last check-in ${formatInstant(action.lastCheckIn.recordedAt)}: ${CHECK_IN_LABELS[action.lastCheckIn.status] ?? action.lastCheckIn.status}` : 'No check-in yet'}</p>
    </li>
  );
}

/** The plan as it stands, read-only: every outcome with its actions, then contingency, resources and monitoring. */
function PlanReading(props: { plan: PlanViewResponse }) {
  const styles = usePlanPageStyles();
  const { plan } = props;
  const outcomeIds = new Set(plan.outcomes.map((outcome) => outcome.id));
  const others = plan.actions.filter((action) => !action.outcomeId || !outcomeIds.has(action.outcomeId));
  return (
    <>
      {plan.outcomes.map((outcome, index) => (
        <section key={outcome.id} className={styles.panel} aria-label={`Outcome ${index + 1}`}>
          <h2 className={styles.subheading}>
            Outcome {index + 1}: {isolatedUserText(outcome.text)}
          </h2>
          <ul className={styles.list}>
            {plan.actions
              .filter((action) => action.outcomeId === outcome.id)
              .map((action) => (
                <ActionLine key={action.id} action={action} />
              ))}
          </ul>
        </section>
      ))}
      {others.length > 0 && (
        <section className={styles.panel} aria-label="Other actions">
          <h2 className={styles.subheading}>Other actions (under no outcome yet)</h2>
          <ul className={styles.list}>
            {others.map((action) => (
              <ActionLine key={action.id} action={action} />
            ))}
          </ul>
        </section>
      )}
      {(
        [
          ['Contingency plan', plan.contingencyPlan],
          ['Supports and resources', plan.resources],
          ['How progress is monitored', plan.monitoring],
        ] as const
      ).map(([heading, text]) => (
        <section key={heading} className={styles.panel} aria-label={heading}>
          <h2 className={styles.subheading}>{heading}</h2>
          <p className={styles.text}>{text ? isolatedUserText(text) : '—'}</p>
        </section>
      ))}
    </>
  );
}

/** Who changed the plan, when, why and what: newest first. */
function PlanHistory(props: { history: PlanViewResponse['history'] }) {
  const styles = usePlanPageStyles();
  return (
    <section className={styles.panel} aria-labelledby="history-heading">
      <h2 id="history-heading" className={styles.heading}>
        Versions
      </h2>
      <ul className={styles.list}>
        {props.history.map((entry) => (
          <li key={entry.version} className={styles.item}>
            <span className={styles.text}>
              Version {entry.version} · {formatInstant(entry.at)} · {isolatedUserText(entry.by)}
            </span>
            <p className={styles.meta}>Why: {isolatedUserText(entry.reason)}</p>
            {entry.changes.map((change, index) => (
              <p key={index} className={styles.meta}>
                {isolatedUserText(change)}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The plan page is not yet in Welsh: its words are the English catalogue's. */
const ENGLISH = tabTranslator('en');

/**
 * The child protection plan of one case (`?coreGroupId=`): every member who may see the plan reads
 * it here, at the version the card and the exports show; the lead social worker and the team
 * manager change it, each save a new version with its reason.
 */
export function PlanPage() {
  const styles = usePlanPageStyles();
  const { api } = useShell();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const coreGroupId = new URLSearchParams(window.location.search).get('coreGroupId') ?? '';

  useEffect(() => {
    let live = true;
    if (!coreGroupId) {
      setLoad({ state: 'failed', message: 'Open the plan from the dashboard: this page was opened without a case.' });
      return;
    }
    api.get<PlanViewResponse>(`/api/core-groups/${encodeURIComponent(coreGroupId)}/plan`).then(
      (plan) => live && setLoad({ state: 'ready', plan }),
      (error: unknown) => live && setLoad({ state: 'failed', message: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, coreGroupId, attempt]);

  if (load.state === 'loading') {
    return (
      <main className={styles.centred}>
        <Spinner label="Opening the plan…" />
      </main>
    );
  }
  if (load.state === 'failed') {
    return <LoadFailed className={styles.root} title="The plan could not be opened." message={load.message} onRetry={() => (setLoad({ state: 'loading' }), setAttempt((count) => count + 1))} />;
  }
  const { plan } = load;
  return (
    <main className={styles.root}>
      <header>
        <h1 className={styles.title}>Child protection plan — case {isolatedUserText(plan.caseReference)}</h1>
        <p className={styles.subtitle}>
          Version {plan.version}
          {plan.history[0] ? `, changed ${formatInstant(plan.history[0].at)} by ${isolatedUserText(plan.history[0].by)}` : ''}
        </p>
      </header>
      {plan.planEndedOn && (
        <MessageBar intent="info">
          <MessageBarBody>The plan ended on {formatDate(plan.planEndedOn)}: it is kept as it was then.</MessageBarBody>
        </MessageBar>
      )}
      {note && (
        <MessageBar intent="success">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {editing ? (
        <PlanEditor
          plan={plan}
          onSaved={(saved) => {
            setEditing(false);
            setNote(saved.outcome === 'unchanged' ? 'That change was saved already: nothing more was changed.' : `Saved as version ${saved.version}. The card and the exports show it now.`);
            setLoad({ state: 'ready', plan: saved });
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {plan.canEdit && (
            <div>
              <Button appearance="primary" onClick={() => (setNote(undefined), setEditing(true))}>
                Edit the plan
              </Button>
            </div>
          )}
          <PlanReading plan={plan} />
        </>
      )}
      <DocumentLanguage coreGroupId={plan.coreGroupId} t={ENGLISH} />
      <PlanHistory history={plan.history} />
    </main>
  );
}
