import { Badge, Button, Link, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useState } from 'react';
import type { DashboardCoreGroup, DashboardResponse, NextMeeting, SeriesReply } from '@contracts/dashboard.contract';
import type { ExportFormat } from '@contracts/minutes.contract';
import { saveDownload } from '../../api/save-download';
import { errorText } from '../../common/error-text';
import { formatDate, formatDateIn, formatInstant, ukToday, words } from '../../common/format';
import { ACTION_STATE_LABELS, ATTENTION_COLOURS, ATTENTION_LABELS, CHECK_IN_LABELS, DEADLINE_COLOURS, DEADLINE_LABELS, obligationLabel } from '../../common/labels';
import { useShell } from '../../shell/shell.context';
import { isOverdueAction, needsAttention, openObligations, signalText } from '../dashboard-data';
import { useDashboardPageStyles } from './DashboardPage.styles';
import { isolatedUserText } from '../../common/display-text';
import { LoadFailed } from '../../common/LoadFailed';
import { PlanNotReceived } from '../PlanNotReceived/PlanNotReceived';
import { ReviewConferences } from '../ReviewConferences/ReviewConferences';
import { SeriesChange } from '../SeriesChange/SeriesChange';
import { TeamView } from '../TeamView/TeamView';
import { ConcernsForYou } from '../ConcernsForYou/ConcernsForYou';
import { InstitutionTasks } from '../InstitutionTasks/InstitutionTasks';
import { RecordPersonInInstitution } from '../InstitutionTasks/RecordPersonInInstitution';
import { ReviewReports } from '../ReviewReports/ReviewReports';
import { pageHref } from '../../common/page-href';
import { tabLanguage, tabTranslator } from '../../i18n/i18n';
import { LanguageSwitch } from '../../common/LanguageSwitch';

const ComplianceChart = lazy(() => import('../charts/ComplianceChart/ComplianceChart'));
const PlanTimeline = lazy(() => import('../charts/PlanTimeline/PlanTimeline'));

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; dashboard: DashboardResponse };

const minutesHref = (meetingId: string) => pageHref('minutes.html', { meetingId });
const planHref = (coreGroupId: string) => pageHref('plan.html', { coreGroupId });

const REPLY_LABELS: Record<SeriesReply, string> = { accepted: 'accepted', tentative: 'tentative', declined: 'declined', none: 'no reply yet', organiser: 'organiser' };

/** The next core group meeting: when, the join link, the minutes, and each invitee's reply. */
function NextMeetingLine(props: { meeting: NextMeeting | undefined }) {
  const styles = useDashboardPageStyles();
  const { meeting } = props;
  if (!meeting) return <p className={styles.text}>No meeting booked.</p>;
  return (
    <>
      <p className={styles.text}>
        Next meeting {meeting.startsAt ? formatInstant(meeting.startsAt) : formatDate(meeting.date)} ·{' '}
        {meeting.joinUrl && (
          <>
            <Link href={meeting.joinUrl} target="_blank" rel="noreferrer">
              Join the Teams meeting
            </Link>{' '}
            ·{' '}
          </>
        )}
        <Link href={minutesHref(meeting.id)}>Open the minutes</Link>
      </p>
      {meeting.replies && meeting.replies.length > 0 && (
        <ul className={styles.list} aria-label="Replies to the invitation">
          {meeting.replies.map((reply) => (
            <li key={reply.memberId} className={styles.meta}>
              {isolatedUserText(reply.name)}: {REPLY_LABELS[reply.reply]}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** How many open deadlines each core group card lists before "and N more". */
const OBLIGATIONS_SHOWN = 3;

/**
 * The personal dashboard (Teams, Outlook, Microsoft 365): what needs attention now, each core
 * group's next deadlines, the user's actions, drift signals, and two charts — deadlines met on
 * time by month, and the plans on a time line.
 */
export function DashboardPage() {
  const styles = useDashboardPageStyles();
  const { api, locale } = useShell();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const language = tabLanguage(load.state === 'ready' ? load.dashboard.language : undefined, locale);
  const t = tabTranslator(language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const [attempt, setAttempt] = useState(0);
  const [exportError, setExportError] = useState<string | undefined>();
  const [seriesNote, setSeriesNote] = useState<string | undefined>();
  const today = ukToday();

  useEffect(() => {
    let live = true;
    api.get<DashboardResponse>('/api/dashboard').then(
      (dashboard) => live && setLoad({ state: 'ready', dashboard }),
      (error: unknown) => live && setLoad({ state: 'failed', message: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  if (load.state === 'loading') {
    return (
      <main className={styles.centred}>
        <Spinner label={t('dashboard.loading')} />
      </main>
    );
  }
  if (load.state === 'failed') {
    return (
      <LoadFailed
        className={styles.root}
        title={t('dashboard.failed')}
        message={load.message}
        onRetry={() => {
          setLoad({ state: 'loading' });
          setAttempt((count) => count + 1);
        }}
      />
    );
  }

  const { dashboard } = load;
  const attention = needsAttention(dashboard, today);
  const signals = dashboard.coreGroups.flatMap((group) => group.signals.map((signal, index) => ({ key: `${group.id}-${signal.kind}-${signal.subjectId}-${index}`, group, signal })));
  const actions = [...dashboard.myActions].sort((a, b) => a.due.localeCompare(b.due));

  const exportRecord = async (group: DashboardCoreGroup, what: 'plan' | 'record-pack', format: ExportFormat) => {
    setExportError(undefined);
    const id = encodeURIComponent(group.id);
    const path = what === 'plan' ? `/api/core-groups/${id}/plan/export.${format}` : `/api/core-groups/${id}/record-pack?format=${format}`;
    try {
      await saveDownload(api, { path, fallbackName: `${what}-${group.caseReference}.${format}` });
    } catch (error) {
      setExportError(`The ${what === 'plan' ? 'plan' : 'record pack'} for ${isolatedUserText(group.caseReference)} could not be exported: ${errorText(error)}`);
    }
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>{t('dashboard.title')}</h1>
          <p className={styles.subtitle}>{formatDateIn(language, today)}</p>
        </div>
        <LanguageSwitch language={language} t={t} onChosen={() => setAttempt((count) => count + 1)} />
      </header>

      {/* Not yet in Welsh: marked English, so a screen reader reads it as English on a Welsh page. */}
      <div lang="en" className={styles.contents}>
        <TeamView classNames={{ panel: styles.panel, heading: styles.heading }} />
        <ConcernsForYou classNames={{ panel: styles.panel, heading: styles.heading }} />
        <ReviewReports reload={attempt} classNames={{ panel: styles.panel, heading: styles.heading }} />
        <InstitutionTasks reload={attempt} classNames={{ panel: styles.panel, heading: styles.heading }} />
      </div>

      <div className={styles.columns}>
        <section className={styles.panel} aria-labelledby="attention-heading">
          <h2 id="attention-heading" className={styles.heading}>
            {t('dashboard.attention')}
          </h2>
          {attention.length === 0 ? (
            <p className={styles.text}>{t('dashboard.attentionNone')}</p>
          ) : (
            <ul className={styles.list} lang="en">
              {attention.map((item) => (
                <li key={item.key} className={styles.item}>
                  <div className={styles.line}>
                    <Badge appearance="filled" color={ATTENTION_COLOURS[item.status]}>
                      {ATTENTION_LABELS[item.status]}
                    </Badge>
                    <span>{item.text}</span>
                  </div>
                  <p className={styles.meta}>
                    {isolatedUserText(item.caseReference)}
                    {item.due ? ` · ${item.dateWord ?? 'due'} ${formatDate(item.due)}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className={styles.panel} aria-labelledby="signals-heading">
          <h2 id="signals-heading" className={styles.heading}>
            {t('dashboard.signals')}
          </h2>
          {signals.length === 0 ? (
            <p className={styles.text}>{t('dashboard.signalsNone')}</p>
          ) : (
            <ul className={styles.list} lang="en">
              {signals.map(({ key, group, signal }) => (
                <li key={key} className={styles.item}>
                  <span className={styles.text}>{signalText(signal, group, dashboard.myActions)}</span>
                  <p className={styles.meta}>{isolatedUserText(group.caseReference)}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <div className={styles.columns}>
        <section className={styles.panel} aria-labelledby="groups-heading">
          <h2 id="groups-heading" className={styles.heading}>
            {t('dashboard.groups')}
          </h2>
          {dashboard.coreGroups.length === 0 && <p className={styles.text}>{t('dashboard.groupsNone')}</p>}
          {exportError && (
            <MessageBar intent="error" lang="en">
              <MessageBarBody>{exportError}</MessageBarBody>
            </MessageBar>
          )}
          {seriesNote && (
            <MessageBar intent="success" lang="en">
              <MessageBarBody>{seriesNote}</MessageBarBody>
            </MessageBar>
          )}
          <ul className={styles.list} lang="en">
            {dashboard.coreGroups.map((group) => {
              const open = openObligations(group);
              const headingId = `group-${group.id}`;
              return (
                <li key={group.id} className={styles.group}>
                  <h3 id={headingId} className={styles.subheading}>
                    {isolatedUserText(group.caseReference)}
                  </h3>
                  <p className={styles.meta}>Your role: {words(group.role)}</p>
                  {group.transferredIn && (
                    <p className={styles.meta}>
                      Transferred in from {isolatedUserText(group.transferredIn.from)} on {formatDate(group.transferredIn.on)}
                    </p>
                  )}
                  <NextMeetingLine meeting={group.nextMeeting} />
                  {group.canSchedule && group.nextMeeting?.inSeries && group.nextMeeting.startsAt && (
                    <SeriesChange
                      caseReference={isolatedUserText(group.caseReference)}
                      meeting={{ ...group.nextMeeting, startsAt: group.nextMeeting.startsAt }}
                      onChanged={(note) => {
                        setSeriesNote(`${isolatedUserText(group.caseReference)}: ${note}`);
                        setAttempt((count) => count + 1);
                      }}
                    />
                  )}
                  {(group.canRecordReview || group.canTransfer) && (
                    <ReviewConferences
                      coreGroupId={group.id}
                      caseReference={isolatedUserText(group.caseReference)}
                      canRecordReview={group.canRecordReview}
                      canTransfer={group.canTransfer}
                      onChanged={(note) => {
                        setSeriesNote(`${isolatedUserText(group.caseReference)}: ${note}`);
                        setAttempt((count) => count + 1);
                      }}
                    />
                  )}
                  {group.canRecordPersonInInstitution && (
                    <RecordPersonInInstitution
                      coreGroupId={group.id}
                      caseReference={isolatedUserText(group.caseReference)}
                      onRecorded={(note) => {
                        setSeriesNote(`${isolatedUserText(group.caseReference)}: ${note}`);
                        setAttempt((count) => count + 1);
                      }}
                    />
                  )}
                  {group.lastHeldMeeting && (
                    <p className={styles.meta}>
                      <Link href={minutesHref(group.lastHeldMeeting.id)}>Minutes of the meeting held on {formatDate(group.lastHeldMeeting.date)}</Link>
                    </p>
                  )}
                  {open.length === 0 ? (
                    <p className={styles.meta}>No open deadlines.</p>
                  ) : (
                    <ul className={styles.list} aria-label={`Next deadlines for ${isolatedUserText(group.caseReference)}`}>
                      {open.slice(0, OBLIGATIONS_SHOWN).map((obligation) => (
                        <li key={obligation.id} className={styles.line}>
                          <Badge appearance="tint" color={DEADLINE_COLOURS[obligation.status]}>
                            {DEADLINE_LABELS[obligation.status]}
                          </Badge>
                          <span>
                            {obligationLabel(obligation.kind)} by {formatDate(obligation.due)}
                            {obligation.status === 'overdue' && obligation.daysLate > 0 ? ` (${obligation.daysLate} days late)` : ''}
                          </span>
                        </li>
                      ))}
                      {open.length > OBLIGATIONS_SHOWN && <li className={styles.meta}>and {open.length - OBLIGATIONS_SHOWN} more</li>}
                    </ul>
                  )}
                  <p className={styles.meta}>
                    <Link href={planHref(group.id)} aria-label={`Open the plan for ${isolatedUserText(group.caseReference)}`}>
                      {group.canEditPlan ? 'Open and edit the plan' : 'Open the plan'}
                    </Link>
                  </p>
                  {group.canExportPlan && (
                  <div className={styles.buttons}>
                    <Button size="small" onClick={() => void exportRecord(group, 'plan', 'docx')} aria-label={`Plan DOCX for ${isolatedUserText(group.caseReference)}`}>
                      Plan DOCX
                    </Button>
                    <Button size="small" onClick={() => void exportRecord(group, 'plan', 'pdf')} aria-label={`Plan PDF for ${isolatedUserText(group.caseReference)}`}>
                      Plan PDF
                    </Button>
                    <Button size="small" onClick={() => void exportRecord(group, 'record-pack', 'docx')} aria-label={`Record pack DOCX for ${isolatedUserText(group.caseReference)}`}>
                      Record pack DOCX
                    </Button>
                    <Button size="small" onClick={() => void exportRecord(group, 'record-pack', 'pdf')} aria-label={`Record pack PDF for ${isolatedUserText(group.caseReference)}`}>
                      Record pack PDF
                    </Button>
                  </div>
                  )}
                  {group.canSayPlanNotReceived && (
                    <div className={styles.buttons}>
                      <PlanNotReceived coreGroupId={group.id} caseReference={isolatedUserText(group.caseReference)} onTold={(note) => setSeriesNote(`${isolatedUserText(group.caseReference)}: ${note}`)} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>

        <section className={styles.panel} aria-labelledby="actions-heading">
          <h2 id="actions-heading" className={styles.heading}>
            {t('dashboard.actions')}
          </h2>
          {actions.length === 0 ? (
            <p className={styles.text}>{t('dashboard.actionsNone')}</p>
          ) : (
            <ul className={styles.list} lang="en">
              {actions.map((action) => (
                <li key={action.id} className={styles.item}>
                  <div className={styles.line}>
                    <span className={styles.text}>{isolatedUserText(action.what)}</span>
                    <Badge appearance="tint" color={isOverdueAction(action, today) ? 'danger' : action.state === 'done' ? 'success' : 'informative'}>
                      {isOverdueAction(action, today) ? 'Overdue' : ACTION_STATE_LABELS[action.state] ?? action.state}
                    </Badge>
                  </div>
                  <p className={styles.meta}>
                    {isolatedUserText(action.caseReference)} · due {formatDate(action.due)}
                    {action.lastCheckIn ? ` · last check-in ${formatInstant(action.lastCheckIn.recordedAt)}: ${CHECK_IN_LABELS[action.lastCheckIn.status] ?? action.lastCheckIn.status}` : ' · no check-in yet'}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <div className={styles.columns}>
        <section className={styles.panel} aria-labelledby="compliance-heading">
          <h2 id="compliance-heading" className={styles.heading}>
            {t('dashboard.compliance')}
          </h2>
          <div lang="en">
            <Suspense fallback={<Spinner size="tiny" label="Drawing the chart…" />}>
              <ComplianceChart entries={dashboard.compliance} />
            </Suspense>
          </div>
        </section>
        <section className={styles.panel} aria-labelledby="timeline-heading">
          <h2 id="timeline-heading" className={styles.heading}>
            {t('dashboard.timeline')}
          </h2>
          <div lang="en">
            <Suspense fallback={<Spinner size="tiny" label="Drawing the timeline…" />}>
              <PlanTimeline entries={dashboard.timeline} groups={dashboard.coreGroups} today={today} />
            </Suspense>
          </div>
        </section>
      </div>
    </main>
  );
}
