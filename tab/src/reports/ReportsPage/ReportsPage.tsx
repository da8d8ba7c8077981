import { Badge, Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AgencyReportReading, AgencyReportWire, ReportStandingWire, ReviewReportsResponse } from '@contracts/agency-reports.contract';
import { saveDownload } from '../../api/save-download';
import { isolatedUserText } from '../../common/display-text';
import { errorText } from '../../common/error-text';
import { formatDate, formatInstant } from '../../common/format';
import { LoadFailed } from '../../common/LoadFailed';
import { useShell } from '../../shell/shell.context';
import { ReportForm } from '../ReportForm';
import { FiledEmail } from '../../common/FiledEmail';
import { ReportReading } from '../ReportReading';
import { useReportsPageStyles } from './ReportsPage.styles';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; reports: ReviewReportsResponse };

const STANDING: Readonly<Record<ReportStandingWire, { text: string; color: 'success' | 'warning' | 'danger' }>> = {
  submitted: { text: 'Submitted', color: 'success' },
  filed: { text: 'Sent by e-mail', color: 'success' },
  draft: { text: 'Being written', color: 'warning' },
  'not-started': { text: 'Not started', color: 'danger' },
};

/** The caller's own report: the form while it is a draft, the submitted report as a document after. */
function YourReport(props: { reports: ReviewReportsResponse; basePath: string; onSubmitted: (report: AgencyReportWire) => void }) {
  const styles = useReportsPageStyles();
  const mine = props.reports.mine!;
  const actionName = (actionId: string) => mine.actions.find((action) => action.id === actionId)?.what ?? 'An earlier action';
  return (
    <section className={styles.panel} aria-labelledby="your-report-heading">
      <h2 id="your-report-heading" className={styles.heading}>
        Your report ({isolatedUserText(mine.report.agency)})
      </h2>
      {mine.report.submittedAt ? (
        <>
          <MessageBar intent="success">
            <MessageBarBody>Submitted {formatInstant(mine.report.submittedAt)}. It can no longer be changed: tell the lead social worker if something in it is wrong.</MessageBarBody>
          </MessageBar>
          <ReportReading content={mine.report.content} actionName={actionName} headingLevel={3} />
        </>
      ) : props.reports.review.status !== 'scheduled' ? (
        <p className={styles.text}>The review conference is over: no report can be written for it now.</p>
      ) : (
        <ReportForm mine={mine} basePath={props.basePath} onSubmitted={props.onSubmitted} />
      )}
    </section>
  );
}

/** Where each reporting member's report stands, and each submitted one to read, for the lead social worker, team manager and conference chair. */
function Standings(props: { reports: ReviewReportsResponse; basePath: string; coreGroupId: string }) {
  const styles = useReportsPageStyles();
  const { api } = useShell();
  const [open, setOpen] = useState<{ reportId: string; reading?: AgencyReportReading; problem?: string } | undefined>();
  const [openEmail, setOpenEmail] = useState<string | undefined>();
  const standings = props.reports.standings ?? [];
  const read = (reportId: string) => {
    setOpen({ reportId });
    api.get<AgencyReportReading>(`${props.basePath}/${encodeURIComponent(reportId)}`).then(
      (reading) => setOpen({ reportId, reading }),
      (error: unknown) => setOpen({ reportId, problem: `The report could not be opened: ${errorText(error)}` }),
    );
  };
  const submitted = standings.filter((entry) => entry.standing === 'submitted' || entry.standing === 'filed').length;
  const filedAt = (documentId: string | undefined) => props.reports.filed?.find((filed) => filed.id === documentId);
  return (
    <section className={styles.panel} aria-labelledby="standings-heading">
      <h2 id="standings-heading" className={styles.heading}>
        Who has submitted ({submitted} of {standings.length})
      </h2>
      <ul className={styles.list}>
        {standings.map((entry) => (
          <li key={entry.memberId} className={styles.item}>
            <span>
              {isolatedUserText(entry.name)} ({isolatedUserText(entry.agency)}){' '}
              <Badge appearance="tint" color={STANDING[entry.standing].color}>
                {STANDING[entry.standing].text}
              </Badge>
            </span>
            {entry.submittedAt && <p className={styles.meta}>Submitted {formatInstant(entry.submittedAt)}</p>}
            {entry.standing === 'filed' && filedAt(entry.filedDocumentId) && (
              <p className={styles.meta}>
                Sent by e-mail and filed from Outlook by {isolatedUserText(filedAt(entry.filedDocumentId)!.filedBy)} {formatInstant(filedAt(entry.filedDocumentId)!.filedAt)}
              </p>
            )}
            {entry.filedDocumentId && (
              <div className={styles.buttons}>
                <Button size="small" onClick={() => setOpenEmail(openEmail === entry.memberId ? undefined : entry.memberId)} aria-label={`Read the e-mailed report for ${isolatedUserText(entry.agency)}`}>
                  {openEmail === entry.memberId ? 'Close the e-mail' : 'Read the e-mail'}
                </Button>
              </div>
            )}
            {entry.filedDocumentId && openEmail === entry.memberId && <FiledEmail coreGroupId={props.coreGroupId} documentId={entry.filedDocumentId} />}
            {entry.reportId && (
              <div className={styles.buttons}>
                <Button size="small" onClick={() => read(entry.reportId!)} aria-label={`Read the report from ${isolatedUserText(entry.name)}`}>
                  Read the report
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
                {!open.reading && !open.problem && <Spinner size="tiny" label="Opening the report…" />}
                {open.reading && <ReportReading content={open.reading.report.content} actionName={(actionId) => open.reading!.actions.find((action) => action.id === actionId)?.what ?? 'An earlier action'} headingLevel={3} />}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The conference pack's downloads. */
function ConferencePack(props: { reports: ReviewReportsResponse; coreGroupId: string }) {
  const styles = useReportsPageStyles();
  const { api } = useShell();
  const [problem, setProblem] = useState<string | undefined>();
  const download = async (format: 'docx' | 'pdf') => {
    setProblem(undefined);
    try {
      await saveDownload(api, { path: `/api/core-groups/${encodeURIComponent(props.coreGroupId)}/review-conferences/${encodeURIComponent(props.reports.review.id)}/conference-pack.${format}`, fallbackName: `conference-pack.${format}` });
    } catch (error) {
      setProblem(`The conference pack could not be made: ${errorText(error)}`);
    }
  };
  return (
    <section className={styles.panel} aria-labelledby="pack-heading">
      <h2 id="pack-heading" className={styles.heading}>
        The conference pack
      </h2>
      <p className={styles.text}>The core group’s latest signed recommendation, each agency’s report and who has not sent one, the plan with each action’s progress, attendance at each core group since the last conference and the concerns raised. The conference chair is sent it the working day after the reports are due.</p>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button onClick={() => void download('docx')}>Conference pack DOCX</Button>
        <Button onClick={() => void download('pdf')}>Conference pack PDF</Button>
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
      setLoad({ state: 'failed', message: 'Open the reports from the dashboard: this page was opened without a review conference.' });
      return;
    }
    api.get<ReviewReportsResponse>(basePath).then(
      (reports) => live && setLoad({ state: 'ready', reports }),
      (error: unknown) => live && setLoad({ state: 'failed', message: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, basePath, coreGroupId, reviewConferenceId, attempt]);

  if (load.state === 'loading') {
    return (
      <main className={styles.centred}>
        <Spinner label="Opening the reports…" />
      </main>
    );
  }
  if (load.state === 'failed') {
    return <LoadFailed className={styles.root} title="The reports could not be opened." message={load.message} onRetry={() => (setLoad({ state: 'loading' }), setAttempt((count) => count + 1))} />;
  }
  const { reports } = load;
  return (
    <main className={styles.root}>
      <header>
        <h1 className={styles.title}>Reports for the review conference — case {isolatedUserText(reports.caseReference)}</h1>
        <p className={styles.subtitle}>
          Review conference on {formatDate(reports.review.date)}
          {reports.due ? ` · reports due by ${formatDate(reports.due)}` : ''}
        </p>
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
          onSubmitted={(report) => {
            setNote(`Your report was submitted ${formatInstant(report.submittedAt ?? report.updatedAt)}. The lead social worker can read it now.`);
            setAttempt((count) => count + 1);
          }}
        />
      )}
      {reports.standings && <Standings reports={reports} basePath={basePath} coreGroupId={coreGroupId} />}
      {reports.canExportPack && <ConferencePack reports={reports} coreGroupId={coreGroupId} />}
    </main>
  );
}
