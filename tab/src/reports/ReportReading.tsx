import type { AgencyReportContent } from '@contracts/agency-reports.contract';
import { isolatedUserText } from '../common/display-text';
import { useReportsPageStyles } from './ReportsPage/ReportsPage.styles';

/** A report as a document to read: each question of the template and its answer, then progress on each action. */
export function ReportReading(props: { content: AgencyReportContent; actionName: (actionId: string) => string; headingLevel: 3 | 4 }) {
  const styles = useReportsPageStyles();
  const { content } = props;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h4';
  const parts: [string, string][] = [
    ['What are we worried about?', content.worries],
    ['What is working well?', content.workingWell],
    ['What needs to happen?', content.needsToHappen],
    ['Scaling (0–10)', `${content.scaling ?? 'not scaled'}${content.scalingReasons.trim() ? ` — ${content.scalingReasons}` : ''}`],
    ['The child’s views and lived experience', content.childsViews],
    ...content.actionProgress.map((entry): [string, string] => [`Progress: ${props.actionName(entry.actionId)}`, entry.progress]),
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
