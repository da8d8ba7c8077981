import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportStandingWire, ReportsToDoResponse } from '@contracts/agency-reports.contract';
import { isolatedUserText } from '../../common/display-text';
import { formatDateIn } from '../../common/format';
import { pageHref } from '../../common/page-href';
import { PanelNotes } from '../../common/PanelNotes';
import type { TabLanguage, TabTranslate } from '../../i18n/i18n';
import { usePanelList } from '../../common/use-panel-list';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  meta: { margin: '0', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** The colour of the badge saying where the caller's own report stands (its words: `dashReports.mine`). */
const MINE: Readonly<Record<ReportStandingWire, 'success' | 'warning' | 'danger'>> = {
  submitted: 'success',
  filed: 'success',
  draft: 'warning',
  'not-started': 'danger',
};

/**
 * The review conferences to come with written reports the caller writes or follows: when each is
 * due, where the caller's own stands, and how many of the group's are in. Shows nothing when there
 * are none. Each opens the reports page of that review.
 */
export function ReviewReports(props: { t: TabTranslate; language: TabLanguage; reload: number; classNames: { panel: string; heading: string } }) {
  const styles = useStyles();
  const { t, language } = props;
  const { items: reviews, failed } = usePanelList({ path: '/api/agency-reports', t, pick: (answer: ReportsToDoResponse) => answer.reviews, reload: props.reload });

  if (!failed && (!reviews || reviews.length === 0)) return null;
  return (
    <section className={props.classNames.panel} aria-labelledby="review-reports-heading">
      <h2 id="review-reports-heading" className={props.classNames.heading}>
        {t('dashReports.heading')}
      </h2>
      <PanelNotes problem={failed && t('dashReports.loadFailed', { reason: failed })} />
      <ul className={styles.list}>
        {(reviews ?? []).map((review) => {
          const caseReference = isolatedUserText(review.caseReference);
          const reviewOn = formatDateIn(language, review.reviewOn);
          return (
            <li key={review.reviewConferenceId} className={styles.item}>
              <span>{review.due ? t('dashReports.lineDue', { caseReference, reviewOn, due: formatDateIn(language, review.due) }) : t('dashReports.line', { caseReference, reviewOn })}</span>
              <span>
                {review.mine && (
                  <Badge appearance="tint" color={MINE[review.mine]}>
                    {t(`dashReports.mine.${review.mine}`)}
                  </Badge>
                )}
              </span>
              <p className={styles.meta}>{t('dashReports.submitted', { submitted: review.submitted, expected: review.expected })}</p>
              <Link href={pageHref('reports.html', { coreGroupId: review.coreGroupId, reviewConferenceId: review.reviewConferenceId })} aria-label={t('dashReports.openFor', { caseReference })}>
                {review.mine === 'draft' || review.mine === 'not-started' ? t('dashReports.write') : t('dashReports.open')}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
