import { Button } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { SectionName, SectionValues } from '@contracts/minutes.contract';
import type { ChangedBy, MinutesAutosave } from '../autosave/minutes-autosave';
import { WHOLE_SECTION } from '../autosave/merge-section';
import { isolatedUserText } from '../../common/display-text';
import { formatInstant } from '../../common/format';
import { type Names, describeSection } from '../minutes-sections';
import { useConflictViewStyles } from './ConflictView.styles';

/** The fields of a section as the editor labels them, for naming a clash; anything else is named by its path. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  worries: 'What are we worried about?',
  workingWell: 'What is working well?',
  needsToHappen: 'What needs to happen?',
  scaling: 'the scaling',
  discussed: 'whether it was discussed',
  note: 'the note',
  seen: 'seen since the last meeting',
  seenAlone: 'seen alone',
  lastSeenOn: 'last seen on',
  seenBy: 'seen by',
  outcome: 'the recommendation',
  reasons: 'the reasons',
  withFamily: 'share with the family',
  withChild: 'share with the child',
  withheldReason: 'why it is withheld',
};

const fieldWords = (path: string) => FIELD_WORDS[path] ?? path.replace(/\./g, ' › ');

/**
 * Shown in place of a section's editor when someone else changed the same fields of it
 * differently while this user was typing (changes to other fields are merged without asking):
 * who, when, which fields, their version and this user's, and the choice for those fields. Every
 * other change, theirs and this user's, is kept whichever is chosen.
 */
export default function ConflictView(props: { section: SectionName; theirs: unknown; changedBy: ChangedBy | undefined; clashes: readonly string[]; yours: unknown; names: Names; autosave: MinutesAutosave }) {
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
        {props.changedBy ? `${isolatedUserText(props.changedBy.name)} changed this section` : 'Someone else changed this section'}
      </h3>
      <p className={styles.paragraph}>
        {props.changedBy ? `Saved ${formatInstant(props.changedBy.at)}, while you were typing.` : 'Their version was saved while you were typing.'}
        {props.clashes.length > 0 && !props.clashes.includes(WHOLE_SECTION) ? ` You both changed ${props.clashes.map(fieldWords).join(', ')}: choose which to keep there. Everything else either of you changed is kept.` : ' You both changed it: choose which version to keep.'}
      </p>
      <div className={styles.versions}>
        <div className={styles.version}>
          <h4 className={styles.versionTitle}>{props.changedBy ? `${isolatedUserText(props.changedBy.name)}’s version` : 'Their version'}</h4>
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
        <Button onClick={() => props.autosave.useTheirs(props.section)}>{props.changedBy ? `Use ${isolatedUserText(props.changedBy.name)}’s` : 'Use theirs'}</Button>
      </div>
    </div>
  );
}
