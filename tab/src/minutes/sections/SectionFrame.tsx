import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { type ReactNode, Suspense, lazy } from 'react';
import type { SectionName } from '@contracts/minutes.contract';
import type { MinutesAutosave, SectionStatus } from '../autosave/minutes-autosave';
import { type Names, incompleteReason, sectionTitle } from '../minutes-sections';
import type { MinutesLanguage } from '../minutes-language';
import { useSectionStyles } from './sections.styles';

const ConflictView = lazy(() => import('../ConflictView/ConflictView'));

/** A short word on how the section stands, beside its heading (the page's live status speaks). */
function statusWord(status: SectionStatus, t: MinutesLanguage['t']): string | undefined {
  switch (status.kind) {
    case 'pending':
    case 'saving':
      return t('sectionStatus.saving');
    case 'retrying':
      return status.reason === 'offline' ? t('sectionStatus.offline') : t('sectionStatus.serverRetry');
    case 'incomplete':
      return t('sectionStatus.incomplete');
    case 'failed':
      return t('sectionStatus.failed');
    case 'conflict':
      return t('sectionStatus.conflict');
    default:
      return undefined;
  }
}

/**
 * One section of the minutes: heading, how its autosave stands, and either its editor or — when
 * someone else saved it first — both versions for the user to choose between.
 */
export function SectionFrame(props: MinutesLanguage & { section: SectionName | 'contributions'; status: SectionStatus | undefined; autosave?: MinutesAutosave | undefined; names: Names; yours?: unknown; title?: string; children: ReactNode }) {
  const styles = useSectionStyles();
  const headingId = `section-${props.section}`;
  const { status, t } = props;
  const word = status && statusWord(status, t);
  // Said again in the page's language now: the autosave found it in whichever language the page had then.
  const problem = status?.kind === 'incomplete' && props.section !== 'contributions' ? (incompleteReason(props.section, props.yours, t) ?? status.message) : status?.kind === 'failed' ? status.message : undefined;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.header}>
        <h2 id={headingId} className={styles.heading}>
          {props.title ?? sectionTitle(t, props.section)}
        </h2>
        {word && <span className={styles.sectionStatus}>{word}</span>}
      </div>
      {status?.kind === 'conflict' && props.autosave && props.section !== 'contributions' ? (
        <Suspense fallback={<Spinner size="tiny" label={t('sectionStatus.loadingBoth')} />}>
          <ConflictView t={t} language={props.language} section={props.section} theirs={status.theirs} changedBy={status.changedBy} clashes={status.clashes} yours={props.yours} names={props.names} autosave={props.autosave} />
        </Suspense>
      ) : (
        props.children
      )}
      {(status?.kind === 'incomplete' || status?.kind === 'failed') && (
        <MessageBar intent={status.kind === 'failed' ? 'error' : 'warning'}>
          <MessageBarBody>
            {problem}
            {status.kind === 'failed' && props.autosave && (
              <>
                {' '}
                <Button size="small" appearance="transparent" onClick={() => props.autosave?.retryNow()}>
                  {t('sectionStatus.tryAgain')}
                </Button>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
