import { Button, Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { pageHref } from '../../common/page-href';
import type { TabTranslate } from '../../i18n/i18n';
import { useShell } from '../../shell/shell.context';

type Sharing = { state: 'idle' } | { state: 'sharing' } | { state: 'shared' } | { state: 'failed'; reason: string };

/**
 * For the chair (and whoever runs the meeting) in the minutes side panel: shares the plan to the
 * meeting's stage, where each person sees it as themselves (`stage.html`). Outside Teams it says
 * where sharing works, and links to a preview of what the stage shows.
 */
export function ShareToStage(props: { meetingId: string; t: TabTranslate }) {
  const { shareToStage } = useShell();
  const [sharing, setSharing] = useState<Sharing>({ state: 'idle' });
  const { t } = props;
  const stagePage = pageHref('stage.html', { meetingId: props.meetingId });

  if (!shareToStage) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          {t('stage.shareOutsideTeams')} <Link href={stagePage}>{t('stage.preview')}</Link>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const share = () => {
    setSharing({ state: 'sharing' });
    shareToStage(new URL(stagePage, window.location.href).toString()).then(
      () => setSharing({ state: 'shared' }),
      (error: unknown) => setSharing({ state: 'failed', reason: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <div>
      <Button appearance="primary" onClick={share} disabled={sharing.state === 'sharing'}>
        {sharing.state === 'sharing' ? t('stage.sharing') : t('stage.share')}
      </Button>
      {sharing.state === 'shared' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('stage.shared')}</MessageBarBody>
        </MessageBar>
      )}
      {sharing.state === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('stage.shareFailed', { reason: sharing.reason })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
