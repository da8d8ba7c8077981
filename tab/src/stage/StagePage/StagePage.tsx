import { Badge, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { StagePlanResponse } from '@contracts/stage.contract';
import { errorTextIn } from '../../common/error-text';
import { formatDateIn } from '../../common/format';
import { isolatedUserText } from '../../common/display-text';
import { LoadFailed } from '../../common/LoadFailed';
import { useTabLanguage } from '../../i18n/use-tab-language';
import { useShell } from '../../shell/shell.context';
import { useStagePageStyles } from './StagePage.styles';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; plan: StagePlanResponse };

/**
 * The plan on the meeting's stage (`?meetingId=`): read-only, in large type, each person seeing it
 * as themselves — the server gives the family version whenever the family or the child is in the
 * group, so the shared screen never shows more than the least of them may see.
 */
export function StagePage() {
  const styles = useStagePageStyles();
  const { api } = useShell();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { language, t } = useTabLanguage();
  const meetingId = new URLSearchParams(window.location.search).get('meetingId');

  useEffect(() => {
    let live = true;
    if (!meetingId) {
      setLoad({ state: 'failed', message: t('stage.noMeeting') });
      return;
    }
    api.get<StagePlanResponse>(`/api/meetings/${encodeURIComponent(meetingId)}/stage`).then(
      (plan) => live && setLoad({ state: 'ready', plan }),
      (error: unknown) => live && setLoad({ state: 'failed', message: errorTextIn(error, t) }),
    );
    return () => {
      live = false;
    };
  }, [api, meetingId, attempt, t]);

  if (load.state === 'loading') {
    return (
      <main className={styles.centred}>
        <Spinner label={t('stage.loading')} />
      </main>
    );
  }
  if (load.state === 'failed') {
    return (
      <LoadFailed
        className={styles.root}
        title={t('stage.failed')}
        message={load.message}
        onRetry={() => {
          setLoad({ state: 'loading' });
          setAttempt((count) => count + 1);
        }}
      />
    );
  }

  const { plan } = load;
  const outcomes = [...plan.outcomes, ...(plan.actions.some((action) => !action.outcomeId) ? [{ id: '', text: t('stage.otherActions') }] : [])];
  return (
    <main className={styles.root}>
      <header>
        <h1 className={styles.title}>{t('stage.title', { caseReference: isolatedUserText(plan.caseReference) })}</h1>
        <p className={styles.subtitle}>{plan.familyVersion ? t('stage.familyVersion', { version: plan.version }) : t('stage.version', { version: plan.version })}</p>
      </header>
      {outcomes.map((outcome) => {
        const actions = plan.actions.filter((action) => (action.outcomeId ?? '') === outcome.id);
        return (
          <section key={outcome.id || 'other'} className={styles.panel} aria-labelledby={`outcome-${outcome.id || 'other'}`}>
            <h2 id={`outcome-${outcome.id || 'other'}`} className={styles.outcome}>
              {isolatedUserText(outcome.text)}
            </h2>
            {actions.length === 0 ? (
              <p className={styles.text}>{t('stage.noActions')}</p>
            ) : (
              <ul className={styles.list}>
                {actions.map((action) => (
                  <li key={action.id} className={styles.item}>
                    <span className={styles.text}>{isolatedUserText(action.what)}</span>
                    <p className={styles.meta}>
                      <Badge appearance="tint">{t(`plan.state.${action.state}`)}</Badge>{' '}
                      {action.ownerName === undefined ? t('stage.formerOwner') : t('stage.owner', { owner: isolatedUserText(action.ownerName) })} · {t('stage.due', { date: formatDateIn(language, action.due) })} ·{' '}
                      {action.lastCheckedInOn ? t('stage.checkedIn', { date: formatDateIn(language, action.lastCheckedInOn) }) : t('stage.notCheckedIn')}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </main>
  );
}
