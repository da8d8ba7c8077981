import { Button } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { SectionName, SectionValues } from '@contracts/minutes.contract';
import type { MinutesAutosave } from '../autosave/minutes-autosave';
import { type Names, describeSection } from '../minutes-sections';
import { useConflictViewStyles } from './ConflictView.styles';

/**
 * Shown in place of a section's editor when someone else saved the section first: their version
 * and this user's, as text, and the choice of which to keep. Nothing typed is lost until the user
 * chooses "Use theirs".
 */
export default function ConflictView(props: { section: SectionName; theirs: unknown; theirVersion: number; yours: unknown; names: Names; autosave: MinutesAutosave }) {
  const styles = useConflictViewStyles();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = `conflict-${props.section}`;
  const theirs = describeSection(props.section, props.theirs as SectionValues[SectionName], props.names);
  const yours = describeSection(props.section, props.yours as SectionValues[SectionName], props.names);

  // The editor the user was typing in has just gone: move focus to the explanation, not the page top.
  useEffect(() => {
    if (document.activeElement === document.body || !document.activeElement?.isConnected) titleRef.current?.focus();
  }, []);

  return (
    <div className={styles.root} role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title} ref={titleRef} tabIndex={-1}>
        Someone else changed this section
      </h3>
      <p className={styles.paragraph}>Their version was saved while you were typing. Choose which one to keep.</p>
      <div className={styles.versions}>
        <div className={styles.version}>
          <h4 className={styles.versionTitle}>Their version (saved as version {props.theirVersion})</h4>
          <ul className={styles.lines}>
            {theirs.map((line, index) => (
              <li key={index} className={styles.line}>
                {line}
              </li>
            ))}
          </ul>
        </div>
        <div className={styles.version}>
          <h4 className={styles.versionTitle}>Yours (not saved)</h4>
          <ul className={styles.lines}>
            {yours.map((line, index) => (
              <li key={index} className={styles.line}>
                {line}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => props.autosave.keepMine(props.section)}>
          Keep mine
        </Button>
        <Button onClick={() => props.autosave.useTheirs(props.section)}>Use theirs</Button>
      </div>
    </div>
  );
}
