import { Badge, Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PlanViewResponse } from '@contracts/plan.contract';
import { isolatedUserText } from '../../common/display-text';
import { LoadFailed } from '../../common/LoadFailed';
import { errorTextIn } from '../../common/error-text';
import { formatDateIn, formatInstantIn } from '../../common/format';
import type { TabLanguage, TabTranslate } from '../../i18n/i18n';
import { useTabLanguage } from '../../i18n/use-tab-language';
import { DocumentLanguage } from '../DocumentLanguage/DocumentLanguage';
import { useShell } from '../../shell/shell.context';
import { PlanEditor } from '../PlanEditor/PlanEditor';
import { planChangeText } from '../plan-change-text';
import { usePlanPageStyles } from './PlanPage.styles';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; plan: PlanViewResponse };
type Action = PlanViewResponse['actions'][number];

/** What the plan page says, in the page's language. */
interface PageWords {
  readonly t: TabTranslate;
  readonly language: TabLanguage;
}

function ActionLine(props: { action: Action; words: PageWords }) {
  const styles = usePlanPageStyles();
  const { action } = props;
  const { t, language } = props.words;
  const owner = { owner: action.ownerName === undefined ? t('planChange.formerMember') : isolatedUserText(action.ownerName), date: formatDateIn(language, action.due) };
  return (
    <li className={styles.item}>
      <div className={styles.buttons}>
        <span className={styles.text}>{isolatedUserText(action.what)}</span>
        <Badge appearance="tint" color={action.state === 'done' ? 'success' : action.state === 'dropped' ? 'subtle' : action.state === 'blocked' || action.state === 'at-risk' ? 'danger' : 'informative'}>
          {t(`plan.state.${action.state}`)}
        </Badge>
      </div>
      <p className={styles.meta}>{action.childSeenFrequency ? t('plan.ownerDueSees', { ...owner, often: isolatedUserText(action.childSeenFrequency) }) : t('plan.ownerDue', owner)}</p>
      <p className={styles.meta}>{t('plan.measured', { measure: action.progressMeasure ? isolatedUserText(action.progressMeasure) : '—' })}</p>
      <p className={styles.meta}>{action.lastCheckIn ? t('plan.lastCheckIn', { at: formatInstantIn(language, action.lastCheckIn.recordedAt), status: t(`plan.checkIn.${action.lastCheckIn.status}`) }) : t('plan.noCheckIn')}</p>
    </li>
  );
}

/** The plan as it stands, read-only: every outcome with its actions, then contingency, resources and monitoring. */
function PlanReading(props: { plan: PlanViewResponse; words: PageWords }) {
  const styles = usePlanPageStyles();
  const { plan, words } = props;
  const { t } = words;
  const outcomeIds = new Set(plan.outcomes.map((outcome) => outcome.id));
  const others = plan.actions.filter((action) => !action.outcomeId || !outcomeIds.has(action.outcomeId));
  return (
    <>
      {plan.outcomes.map((outcome, index) => (
        <section key={outcome.id} className={styles.panel} aria-label={t('plan.outcome', { number: index + 1 })}>
          <h2 className={styles.subheading}>{t('plan.outcomeHeading', { number: index + 1, text: isolatedUserText(outcome.text) })}</h2>
          <ul className={styles.list}>
            {plan.actions
              .filter((action) => action.outcomeId === outcome.id)
              .map((action) => (
                <ActionLine key={action.id} action={action} words={words} />
              ))}
          </ul>
        </section>
      ))}
      {others.length > 0 && (
        <section className={styles.panel} aria-label={t('plan.otherActions')}>
          <h2 className={styles.subheading}>{t('plan.otherActionsHeading')}</h2>
          <ul className={styles.list}>
            {others.map((action) => (
              <ActionLine key={action.id} action={action} words={words} />
            ))}
          </ul>
        </section>
      )}
      {(
        [
          [t('plan.contingency'), plan.contingencyPlan],
          [t('plan.resources'), plan.resources],
          [t('plan.monitoring'), plan.monitoring],
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

/** Who changed the plan, when, why and what: newest first, what changed worded here from the server's facts. */
function PlanHistory(props: { history: PlanViewResponse['history']; words: PageWords }) {
  const styles = usePlanPageStyles();
  const { t, language } = props.words;
  return (
    <section className={styles.panel} aria-labelledby="history-heading">
      <h2 id="history-heading" className={styles.heading}>
        {t('plan.versions')}
      </h2>
      <ul className={styles.list}>
        {props.history.map((entry) => (
          <li key={entry.version} className={styles.item}>
            <span className={styles.text}>{t('plan.versionLine', { version: entry.version, at: formatInstantIn(language, entry.at), by: entry.by === undefined ? t('planChange.formerMember') : isolatedUserText(entry.by) })}</span>
            <p className={styles.meta}>{t('plan.why', { reason: isolatedUserText(entry.reason) })}</p>
            {entry.changes.map((change, index) => (
              <p key={index} className={styles.meta}>
                {planChangeText(t, change)}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Which version the plan is at, and who last changed it when (a former member by that name). */
function VersionLine(props: { plan: PlanViewResponse; words: PageWords }) {
  const { t, language } = props.words;
  const { plan } = props;
  const latest = plan.history[0];
  if (!latest) return <>{t('plan.version', { version: plan.version })}</>;
  const at = formatInstantIn(language, latest.at);
  return <>{latest.by === undefined ? t('planChange.versionChangedFormer', { version: plan.version, at }) : t('plan.versionChanged', { version: plan.version, at, by: isolatedUserText(latest.by) })}</>;
}

/**
 * The child protection plan of one case (`?coreGroupId=`): every member who may see the plan reads
 * it here, at the version the card and the exports show; the lead social worker and the team
 * manager change it, each save a new version with its reason.
 */
export function PlanPage() {
  const styles = usePlanPageStyles();
  const { api } = useShell();
  const words = useTabLanguage();
  const { t, language } = words;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const coreGroupId = new URLSearchParams(window.location.search).get('coreGroupId') ?? '';

  useEffect(() => {
    let live = true;
    if (!coreGroupId) {
      setLoad({ state: 'failed', message: t('plan.noCase') });
      return;
    }
    api.get<PlanViewResponse>(`/api/core-groups/${encodeURIComponent(coreGroupId)}/plan`).then(
      (plan) => live && setLoad({ state: 'ready', plan }),
      (error: unknown) => live && setLoad({ state: 'failed', message: errorTextIn(error, t) }),
    );
    return () => {
      live = false;
    };
  }, [api, coreGroupId, attempt, t]);

  if (load.state === 'loading') {
    return (
      <main className={styles.centred}>
        <Spinner label={t('plan.opening')} />
      </main>
    );
  }
  if (load.state === 'failed') {
    return <LoadFailed className={styles.root} title={t('plan.failed')} message={load.message} onRetry={() => (setLoad({ state: 'loading' }), setAttempt((count) => count + 1))} />;
  }
  const { plan } = load;
  return (
    <main className={styles.root}>
      <header>
        <h1 className={styles.title}>{t('plan.title', { caseReference: isolatedUserText(plan.caseReference) })}</h1>
        <p className={styles.subtitle}>
          <VersionLine plan={plan} words={words} />
        </p>
      </header>
      {plan.planEndedOn && (
        <MessageBar intent="info">
          <MessageBarBody>{t('plan.ended', { date: formatDateIn(language, plan.planEndedOn) })}</MessageBarBody>
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
          t={t}
          onSaved={(saved) => {
            setEditing(false);
            setNote(saved.outcome === 'unchanged' ? t('plan.unchanged') : t('plan.saved', { version: saved.version }));
            setLoad({ state: 'ready', plan: saved });
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {plan.canEdit && (
            <div>
              <Button appearance="primary" onClick={() => (setNote(undefined), setEditing(true))}>
                {t('plan.edit')}
              </Button>
            </div>
          )}
          <PlanReading plan={plan} words={words} />
        </>
      )}
      <DocumentLanguage coreGroupId={plan.coreGroupId} t={t} />
      <PlanHistory history={plan.history} words={words} />
    </main>
  );
}
