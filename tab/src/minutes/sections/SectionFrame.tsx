import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { type ReactNode, Suspense, lazy } from 'react';
import type { SectionName } from '@contracts/minutes.contract';
import type { MinutesAutosave, SectionStatus } from '../autosave/minutes-autosave';
import { type Names, SECTION_TITLES } from '../minutes-sections';
import { useSectionStyles } from './sections.styles';

const ConflictView = lazy(() => import('../ConflictView/ConflictView'));

/** A short word on how the section stands, beside its heading (the page's live status speaks). */
function statusWord(status: SectionStatus): string | undefined {
  switch (status.kind) {
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'retrying':
      return status.reason === 'offline' ? 'Offline — will retry' : 'Not saved — will retry';
    case 'incomplete':
      return 'Not saved yet';
    case 'failed':
      return 'Not saved';
    case 'conflict':
      return 'Changed by someone else';
    default:
      return undefined;
  }
}

/**
 * One section of the minutes: heading, how its autosave stands, and either its editor or — when
 * someone else saved it first — both versions for the user to choose between.
 */
export function SectionFrame(props: { section: SectionName | 'contributions'; status: SectionStatus | undefined; autosave?: MinutesAutosave | undefined; names: Names; yours?: unknown; title?: string; children: ReactNode }) {
  const styles = useSectionStyles();
  const headingId = `section-${props.section}`;
  const { status } = props;
  const word = status && statusWord(status);
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.header}>
        <h2 id={headingId} className={styles.heading}>
          {props.title ?? (props.section === 'contributions' ? 'From the meeting chat' : SECTION_TITLES[props.section])}
        </h2>
        {word && <span className={styles.sectionStatus}>{word}</span>}
      </div>
      {status?.kind === 'conflict' && props.autosave && props.section !== 'contributions' ? (
        <Suspense fallback={<Spinner size="tiny" label="Loading both versions…" />}>
          <ConflictView section={props.section} theirs={status.theirs} changedBy={status.changedBy} clashes={status.clashes} yours={props.yours} names={props.names} autosave={props.autosave} />
        </Suspense>
      ) : (
        props.children
      )}
      {(status?.kind === 'incomplete' || status?.kind === 'failed') && (
        <MessageBar intent={status.kind === 'failed' ? 'error' : 'warning'}>
          <MessageBarBody>
            {status.message}
            {status.kind === 'failed' && props.autosave && (
              <>
                {' '}
                <Button size="small" appearance="transparent" onClick={() => props.autosave?.retryNow()}>
                  Try again
                </Button>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
