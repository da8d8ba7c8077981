import { Button, mergeClasses } from '@fluentui/react-components';
import type { OverallStatus } from '../autosave/minutes-autosave';
import { useSaveStatusStyles } from './SaveStatus.styles';

const TEXT: Readonly<Record<OverallStatus, string>> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  offline: 'Offline — will retry',
  'server-retry': 'Not saved: the server had a problem — will retry',
  incomplete: 'Some changes wait for details before they can be saved',
  conflict: 'Someone else changed a section: choose which version to keep',
  failed: 'Some changes could not be saved',
};

/** The page's save status, announced politely to screen readers as it changes. */
export function SaveStatus(props: { overall: OverallStatus | 'read-only'; onRetry: () => void }) {
  const styles = useSaveStatusStyles();
  const tone = props.overall === 'saved' || props.overall === 'read-only' ? styles.saved : props.overall === 'saving' ? styles.busy : props.overall === 'failed' || props.overall === 'conflict' ? styles.error : styles.warning;
  const retryable = props.overall === 'offline' || props.overall === 'server-retry';
  return (
    <div className={styles.root}>
      <span role="status" aria-live="polite" className={mergeClasses(tone)}>
        {props.overall === 'read-only' ? 'Read only' : TEXT[props.overall]}
      </span>
      {retryable && (
        <Button size="small" appearance="transparent" onClick={props.onRetry}>
          Try now
        </Button>
      )}
    </div>
  );
}
