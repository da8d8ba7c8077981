import { Button } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { SectionName, SectionValues } from '@contracts/minutes.contract';
import type { ChangedBy, MinutesAutosave } from '../autosave/minutes-autosave';
import { WHOLE_SECTION } from '../autosave/merge-section';
import { isolatedUserText } from '../../common/display-text';
import { formatInstantIn } from '../../common/format';
import type { TabTranslate } from '../../i18n/i18n';
import type { MinutesLanguage } from '../minutes-language';
import { type Names, describeSection } from '../minutes-sections';
import { useConflictViewStyles } from './ConflictView.styles';

/** The fields of a section the editor labels, for naming a clash (`minutesConflict.field.*`); anything else is named by its path. */
const NAMED_FIELDS = new Set(['worries', 'workingWell', 'needsToHappen', 'scaling', 'discussed', 'note', 'seen', 'seenAlone', 'lastSeenOn', 'seenBy', 'outcome', 'reasons', 'withFamily', 'withChild', 'withheldReason']);

const fieldWords = (t: TabTranslate) => (path: string) => (NAMED_FIELDS.has(path) ? t(`minutesConflict.field.${path}`) : path.replace(/\./g, ' › '));

/**
 * Shown in place of a section's editor when someone else changed the same fields of it
 * differently while this user was typing (changes to other fields are merged without asking):
 * who, when, which fields, their version and this user's, and the choice for those fields. Every
 * other change, theirs and this user's, is kept whichever is chosen.
 */
export default function ConflictView(props: MinutesLanguage & { section: SectionName; theirs: unknown; changedBy: ChangedBy | undefined; clashes: readonly string[]; yours: unknown; names: Names; autosave: MinutesAutosave }) {
  const styles = useConflictViewStyles();
  const { t, language, changedBy } = props;
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = `conflict-${props.section}`;
  const theirs = describeSection(props.section, props.theirs as SectionValues[SectionName], props.names, t, language);
  const yours = describeSection(props.section, props.yours as SectionValues[SectionName], props.names, t, language);
  const name = changedBy && (changedBy.name === undefined ? t('minutes.formerMember') : isolatedUserText(changedBy.name));

  // The editor the user was typing in has just gone: move focus to the explanation, not the page top.
  useEffect(() => {
    if (document.activeElement === document.body || !document.activeElement?.isConnected) titleRef.current?.focus();
  }, []);

  return (
    <div className={styles.root} role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title} ref={titleRef} tabIndex={-1}>
        {name ? t('minutesConflict.changedBy', { name }) : t('minutesConflict.changedBySomeone')}
      </h3>
      <p className={styles.paragraph}>
        {changedBy ? t('minutesConflict.savedAt', { at: formatInstantIn(language, changedBy.at) }) : t('minutesConflict.saved')}{' '}
        {props.clashes.length > 0 && !props.clashes.includes(WHOLE_SECTION) ? t('minutesConflict.bothChangedFields', { fields: props.clashes.map(fieldWords(t)).join(', ') }) : t('minutesConflict.bothChanged')}
      </p>
      <div className={styles.versions}>
        <div className={styles.version}>
          <h4 className={styles.versionTitle}>{name ? t('minutesConflict.theirVersionNamed', { name }) : t('minutesConflict.theirVersion')}</h4>
          <ul className={styles.lines}>
            {theirs.map((line, index) => (
              <li key={index} className={styles.line}>
                {line}
              </li>
            ))}
          </ul>
        </div>
        <div className={styles.version}>
          <h4 className={styles.versionTitle}>{t('minutesConflict.yours')}</h4>
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
          {t('minutesConflict.keepMine')}
        </Button>
        <Button onClick={() => props.autosave.useTheirs(props.section)}>{name ? t('minutesConflict.useNamed', { name }) : t('minutesConflict.useTheirs')}</Button>
      </div>
    </div>
  );
}
