import { Button, mergeClasses } from '@fluentui/react-components';
import type { OverallStatus } from '../autosave/minutes-autosave';
import type { MinutesLanguage } from '../minutes-language';
import { useSaveStatusStyles } from './SaveStatus.styles';

/** The page's save status, announced politely to screen readers as it changes. */
export function SaveStatus(props: MinutesLanguage & { overall: OverallStatus | 'read-only'; onRetry: () => void }) {
  const styles = useSaveStatusStyles();
  const { t } = props;
  const tone = props.overall === 'saved' || props.overall === 'read-only' ? styles.saved : props.overall === 'saving' ? styles.busy : props.overall === 'failed' || props.overall === 'conflict' ? styles.error : styles.warning;
  const retryable = props.overall === 'offline' || props.overall === 'server-retry';
  return (
    <div className={styles.root}>
      <span role="status" aria-live="polite" className={mergeClasses(tone)}>
        {t(`saveStatus.${props.overall}`)}
      </span>
      {retryable && (
        <Button size="small" appearance="transparent" onClick={props.onRetry}>
          {t('saveStatus.tryNow')}
        </Button>
      )}
    </div>
  );
}
