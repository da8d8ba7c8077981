import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportStandingWire, ReportsToDoResponse } from '@contracts/agency-reports.contract';
import { isolatedUserText } from '../../common/display-text';
import { formatDate } from '../../common/format';
import { pageHref } from '../../common/page-href';
import { PanelNotes } from '../../common/PanelNotes';
import { usePanelList } from '../../common/use-panel-list';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  meta: { margin: '0', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const MINE: Readonly<Record<ReportStandingWire, { text: string; color: 'success' | 'warning' | 'danger' }>> = {
  submitted: { text: 'Your report: submitted', color: 'success' },
  filed: { text: 'Your agency’s report: sent by e-mail', color: 'success' },
  draft: { text: 'Your report: draft, not submitted', color: 'warning' },
  'not-started': { text: 'Your report: not started', color: 'danger' },
};

/**
 * The review conferences to come with written reports the caller writes or follows: when each is
 * due, where the caller's own stands, and how many of the group's are in. Shows nothing when there
 * are none. Each opens the reports page of that review.
 */
export function ReviewReports(props: { reload: number; classNames: { panel: string; heading: string } }) {
  const styles = useStyles();
  const { items: reviews, problem } = usePanelList({ path: '/api/agency-reports', what: 'The reports for review conferences', pick: (answer: ReportsToDoResponse) => answer.reviews, reload: props.reload });

  if (!problem && (!reviews || reviews.length === 0)) return null;
  return (
    <section className={props.classNames.panel} aria-labelledby="review-reports-heading">
      <h2 id="review-reports-heading" className={props.classNames.heading}>
        Reports for the review conference
      </h2>
      <PanelNotes problem={problem} />
      <ul className={styles.list}>
        {(reviews ?? []).map((review) => (
          <li key={review.reviewConferenceId} className={styles.item}>
            <span>
              {isolatedUserText(review.caseReference)} · review conference on {formatDate(review.reviewOn)}
              {review.due ? ` · reports due by ${formatDate(review.due)}` : ''}
            </span>
            <span>
              {review.mine && (
                <Badge appearance="tint" color={MINE[review.mine].color}>
                  {MINE[review.mine].text}
                </Badge>
              )}
            </span>
            <p className={styles.meta}>
              {review.submitted} of {review.expected} reports submitted
            </p>
            <Link href={pageHref('reports.html', { coreGroupId: review.coreGroupId, reviewConferenceId: review.reviewConferenceId })} aria-label={`Open the reports for ${isolatedUserText(review.caseReference)}`}>
              {(review.mine === 'draft' || review.mine === 'not-started') ? 'Write your report' : 'Open the reports'}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
