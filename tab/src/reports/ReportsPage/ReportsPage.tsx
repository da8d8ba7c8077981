import { Badge, Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AgencyReportReading, AgencyReportWire, ReportStandingWire, ReviewReportsResponse } from '@contracts/agency-reports.contract';
import { saveDownload } from '../../api/save-download';
import { isolatedUserText } from '../../common/display-text';
import { errorTextIn } from '../../common/error-text';
import { formatDateIn, formatInstantIn } from '../../common/format';
import type { TabLanguage, TabTranslate } from '../../i18n/i18n';
import { useTabLanguage } from '../../i18n/use-tab-language';
import { LoadFailed } from '../../common/LoadFailed';
import { useShell } from '../../shell/shell.context';
import { ReportForm } from '../ReportForm';
import { FiledEmail } from '../../common/FiledEmail';
import { ReportReading } from '../ReportReading';
import { useReportsPageStyles } from './ReportsPage.styles';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; reports: ReviewReportsResponse };

const STANDING_COLOURS: Readonly<Record<ReportStandingWire, 'success' | 'warning' | 'danger'>> = { submitted: 'success', filed: 'success', draft: 'warning', 'not-started': 'danger' };

/** What the page says, in the page's language. */
interface PageWords {
  readonly t: TabTranslate;
  readonly language: TabLanguage;
}

/** Who filed a report sent by e-mail, and when, in the page's language (no name: a former member). */
function filedByText(filed: NonNullable<ReviewReportsResponse['filed']>[number], { t, language }: PageWords): string {
  const at = formatInstantIn(language, filed.filedAt);
  return filed.filedBy === undefined ? t('reports.filedByFormer', { at }) : t('reports.filedBy', { by: isolatedUserText(filed.filedBy), at });
}

/** The caller's own report: the form while it is a draft, the submitted report as a document after. */
function YourReport(props: { reports: ReviewReportsResponse; basePath: string; words: PageWords; onSaved: () => void; onSubmitted: (report: AgencyReportWire) => void }) {
  const styles = useReportsPageStyles();
  const { t, language } = props.words;
  const mine = props.reports.mine!;
  const actionName = (actionId: string) => mine.actions.find((action) => action.id === actionId)?.what ?? t('reports.earlierAction');
  return (
    <section className={styles.panel} aria-labelledby="your-report-heading">
      <h2 id="your-report-heading" className={styles.heading}>
        {t('reports.yourReport', { agency: isolatedUserText(mine.report.agency) })}
      </h2>
      {mine.report.submittedAt ? (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{t('reports.submittedFinal', { at: formatInstantIn(language, mine.report.submittedAt) })}</MessageBarBody>
          </MessageBar>
          <ReportReading content={mine.report.content} actionName={actionName} headingLevel={3} t={t} />
        </>
      ) : props.reports.review.status !== 'scheduled' ? (
        <p className={styles.text}>{t('reports.over')}</p>
      ) : (
        <ReportForm mine={mine} basePath={props.basePath} words={props.words} onSaved={props.onSaved} onSubmitted={props.onSubmitted} />
      )}
    </section>
  );
}

/** Where each reporting member's report stands, and each submitted one to read, for the lead social worker, team manager and conference chair. */
function Standings(props: { reports: ReviewReportsResponse; basePath: string; coreGroupId: string; words: PageWords }) {
  const styles = useReportsPageStyles();
  const { t, language } = props.words;
  const { api } = useShell();
  const [open, setOpen] = useState<{ reportId: string; reading?: AgencyReportReading; problem?: string } | undefined>();
  const [openEmail, setOpenEmail] = useState<string | undefined>();
  const standings = props.reports.standings ?? [];
  const read = (reportId: string) => {
    setOpen({ reportId });
    api.get<AgencyReportReading>(`${props.basePath}/${encodeURIComponent(reportId)}`).then(
      (reading) => setOpen({ reportId, reading }),
      (error: unknown) => setOpen({ reportId, problem: t('reports.openFailed', { reason: errorTextIn(error, t) }) }),
    );
  };
  const submitted = standings.filter((entry) => entry.standing === 'submitted' || entry.standing === 'filed').length;
  const filedAt = (documentId: string | undefined) => props.reports.filed?.find((filed) => filed.id === documentId);
  return (
    <section className={styles.panel} aria-labelledby="standings-heading">
      <h2 id="standings-heading" className={styles.heading}>
        {t('reports.whoSubmitted', { submitted, total: standings.length })}
      </h2>
      <ul className={styles.list}>
        {standings.map((entry) => (
          <li key={entry.memberId} className={styles.item}>
            <span>
              {t('reports.memberLine', { name: isolatedUserText(entry.name), agency: isolatedUserText(entry.agency) })}{' '}
              <Badge appearance="tint" color={STANDING_COLOURS[entry.standing]}>
                {t(`reports.standing.${entry.standing}`)}
              </Badge>
            </span>
            {entry.submittedAt && <p className={styles.meta}>{t('reports.submittedAt', { at: formatInstantIn(language, entry.submittedAt) })}</p>}
            {entry.standing === 'filed' && filedAt(entry.filedDocumentId) && (
              <p className={styles.meta}>
                {filedByText(filedAt(entry.filedDocumentId)!, { t, language })}
              </p>
            )}
            {entry.filedDocumentId && (
              <div className={styles.buttons}>
                <Button size="small" onClick={() => setOpenEmail(openEmail === entry.memberId ? undefined : entry.memberId)} aria-label={t('reports.readEmailFor', { agency: isolatedUserText(entry.agency) })}>
                  {openEmail === entry.memberId ? t('reports.closeEmail') : t('reports.readEmail')}
                </Button>
              </div>
            )}
            {entry.filedDocumentId && openEmail === entry.memberId && (
              <FiledEmail coreGroupId={props.coreGroupId} documentId={entry.filedDocumentId} language={language} t={t} />
            )}
            {entry.reportId && (
              <div className={styles.buttons}>
                <Button size="small" onClick={() => read(entry.reportId!)} aria-label={t('reports.readReportFrom', { name: isolatedUserText(entry.name) })}>
                  {t('reports.readReport')}
                </Button>
              </div>
            )}
            {open && open.reportId === entry.reportId && (
              <div aria-live="polite">
                {open.problem && (
                  <MessageBar intent="error">
                    <MessageBarBody>{open.problem}</MessageBarBody>
                  </MessageBar>
                )}
                {!open.reading && !open.problem && <Spinner size="tiny" label={t('reports.openingReport')} />}
                {open.reading && <ReportReading content={open.reading.report.content} actionName={(actionId) => open.reading!.actions.find((action) => action.id === actionId)?.what ?? t('reports.earlierAction')} headingLevel={3} t={t} />}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The conference pack's downloads. */
function ConferencePack(props: { reports: ReviewReportsResponse; coreGroupId: string; t: TabTranslate }) {
  const styles = useReportsPageStyles();
  const { t } = props;
  const { api } = useShell();
  const [problem, setProblem] = useState<string | undefined>();
  const download = async (format: 'docx' | 'pdf') => {
    setProblem(undefined);
    try {
      await saveDownload(api, { path: `/api/core-groups/${encodeURIComponent(props.coreGroupId)}/review-conferences/${encodeURIComponent(props.reports.review.id)}/conference-pack.${format}`, fallbackName: `conference-pack.${format}` });
    } catch (error) {
      setProblem(t('reports.packFailed', { reason: errorTextIn(error, t) }));
    }
  };
  return (
    <section className={styles.panel} aria-labelledby="pack-heading">
      <h2 id="pack-heading" className={styles.heading}>
        {t('reports.packHeading')}
      </h2>
      <p className={styles.text}>{t('reports.packText')}</p>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button onClick={() => void download('docx')}>{t('reports.packDocx')}</Button>
        <Button onClick={() => void download('pdf')}>{t('reports.packPdf')}</Button>
      </div>
    </section>
  );
}

/**
 * The written reports for one review conference (`?coreGroupId=&reviewConferenceId=`): each
 * professional and the lead social worker writes and submits theirs; the lead social worker, team
 * manager and conference chair see who has submitted, read each submitted report and download
 * the conference pack.
 */
export function ReportsPage() {
  const styles = useReportsPageStyles();
  const { api } = useShell();
  const words = useTabLanguage();
  const { t, language } = words;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [note, setNote] = useState<string | undefined>();
  const query = new URLSearchParams(window.location.search);
  const coreGroupId = query.get('coreGroupId') ?? '';
  const reviewConferenceId = query.get('reviewConferenceId') ?? '';
  const basePath = `/api/core-groups/${encodeURIComponent(coreGroupId)}/review-conferences/${encodeURIComponent(reviewConferenceId)}/agency-reports`;

  useEffect(() => {
    let live = true;
    if (!coreGroupId || !reviewConferenceId) {
      setLoad({ state: 'failed', message: t('reports.noReview') });
      return;
    }
    api.get<ReviewReportsResponse>(basePath).then(
      (reports) => live && setLoad({ state: 'ready', reports }),
      (error: unknown) => live && setLoad({ state: 'failed', message: errorTextIn(error, t) }),
    );
    return () => {
      live = false;
    };
  }, [api, basePath, coreGroupId, reviewConferenceId, attempt, t]);

  if (load.state === 'loading') {
    return (
      <main className={styles.centred}>
        <Spinner label={t('reports.opening')} />
      </main>
    );
  }
  if (load.state === 'failed') {
    return <LoadFailed className={styles.root} title={t('reports.failed')} message={load.message} onRetry={() => (setLoad({ state: 'loading' }), setAttempt((count) => count + 1))} />;
  }
  const { reports } = load;
  return (
    <main className={styles.root}>
      <header>
        <h1 className={styles.title}>{t('reports.title', { caseReference: isolatedUserText(reports.caseReference) })}</h1>
        <p className={styles.subtitle}>{reports.due ? t('reports.subtitleDue', { date: formatDateIn(language, reports.review.date), due: formatDateIn(language, reports.due) }) : t('reports.subtitle', { date: formatDateIn(language, reports.review.date) })}</p>
      </header>
      {note && (
        <MessageBar intent="success">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {reports.mine && (
        <YourReport
          reports={reports}
          basePath={basePath}
          words={words}
          onSaved={() => setAttempt((count) => count + 1)}
          onSubmitted={(report) => {
            setNote(t('reports.submittedNote', { at: formatInstantIn(language, report.submittedAt ?? report.updatedAt) }));
            setAttempt((count) => count + 1);
          }}
        />
      )}
      {reports.standings && <Standings reports={reports} basePath={basePath} coreGroupId={coreGroupId} words={words} />}
      {reports.canExportPack && <ConferencePack reports={reports} coreGroupId={coreGroupId} t={t} />}
    </main>
  );
}
