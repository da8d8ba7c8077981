import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { FamilyReading } from '@contracts/family-version.contract';
import { saveDownload } from '../../api/save-download';
import { errorTextIn } from '../../common/error-text';
import { formatDateIn } from '../../common/format';
import type { MinutesLanguage } from '../minutes-language';
import { useShell } from '../../shell/shell.context';
import { useMinutesPageStyles } from '../MinutesPage/MinutesPage.styles';
import { useFamilyVersionStyles } from './FamilyVersion.styles';
import { familyItemText } from './family-line-text';

/**
 * What a family member or the child sees in the meeting's Core Group tab (where the Teams card
 * links): the family version as it was signed off — the summary and each section in plain
 * language — and its PDF. Nothing else of the meeting is theirs to read. In their language:
 * MinutesPage, which opens it, passes the translator it took from `useTabLanguage`.
 */
export function FamilyReadingPage(props: MinutesLanguage & { reading: FamilyReading }) {
  const page = useMinutesPageStyles();
  const styles = useFamilyVersionStyles();
  const { api } = useShell();
  const { reading, t, language } = props;
  const [error, setError] = useState<string | undefined>();
  const download = () =>
    saveDownload(api, { path: `/api/meetings/${encodeURIComponent(reading.meetingId)}/family-version/export.pdf`, fallbackName: `core-group-notes-${reading.meetingDate}.pdf` }).catch((failure: unknown) => setError(errorTextIn(failure, t)));
  return (
    <main className={page.failure}>
      <h1 className={styles.sectionTitle}>{t('familyVersion.readingTitle', { date: formatDateIn(language, reading.meetingDate) })}</h1>
      <p>{reading.summary}</p>
      {reading.sections.map((section) => (
        <section key={section.section} className={styles.section}>
          <h2 className={styles.sectionTitle}>{t(`familyVersion.section.${section.section}`)}</h2>
          <ul className={styles.leftOut}>
            {section.lines.map((line, index) => (
              <li key={index}>{familyItemText(props, line)}</li>
            ))}
          </ul>
        </section>
      ))}
      <Button onClick={() => void download()}>{t('familyVersion.download')}</Button>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
