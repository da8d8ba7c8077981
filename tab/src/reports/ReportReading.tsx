import type { AgencyReportContent } from '@contracts/agency-reports.contract';
import { isolatedUserText } from '../common/display-text';
import type { TabTranslate } from '../i18n/i18n';
import { useReportsPageStyles } from './ReportsPage/ReportsPage.styles';

/** A report as a document to read: each question of the template and its answer, then progress on each action. */
export function ReportReading(props: { content: AgencyReportContent; actionName: (actionId: string) => string; headingLevel: 3 | 4; t: TabTranslate }) {
  const styles = useReportsPageStyles();
  const { content, t } = props;
  const score = content.scaling ?? t('reports.notScaledRead');
  const Heading = props.headingLevel === 3 ? 'h3' : 'h4';
  const parts: [string, string][] = [
    [t('reports.worries'), content.worries],
    [t('reports.workingWell'), content.workingWell],
    [t('reports.needsToHappen'), content.needsToHappen],
    [t('reports.scalingRead'), content.scalingReasons.trim() ? t('reports.scalingValueWhy', { score, why: content.scalingReasons }) : t('reports.scalingValue', { score })],
    [t('reports.childsViews'), content.childsViews],
    ...content.actionProgress.map((entry): [string, string] => [t('reports.progressOf', { action: props.actionName(entry.actionId) }), entry.progress]),
  ];
  return (
    <>
      {parts.map(([question, answer]) => (
        <div key={question}>
          <Heading className={styles.subheading}>{isolatedUserText(question)}</Heading>
          <p className={styles.text}>{answer.trim() ? isolatedUserText(answer) : '—'}</p>
        </div>
      ))}
    </>
  );
}
