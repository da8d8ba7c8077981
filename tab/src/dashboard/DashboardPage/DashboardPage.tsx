import { Badge, Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import type { DashboardCoreGroup, DashboardResponse, NextMeeting } from '@contracts/dashboard.contract';
import type { ExportFormat } from '@contracts/minutes.contract';
import { saveDownload } from '../../api/save-download';
import { formatDateIn, formatInstantIn, ukToday } from '../../common/format';
import { ATTENTION_COLOURS, DEADLINE_COLOURS } from '../../common/labels';
import { useShell } from '../../shell/shell.context';
import { isOverdueAction, needsAttention, openObligations, signalText } from '../dashboard-data';
import { useDashboardPageStyles } from './DashboardPage.styles';
import { isolatedUserText } from '../../common/display-text';
import { PlanNotReceived } from '../PlanNotReceived/PlanNotReceived';
import { ReviewConferences } from '../ReviewConferences/ReviewConferences';
import { SeriesChange } from '../SeriesChange/SeriesChange';
import { TeamView } from '../TeamView/TeamView';
import { ConcernsForYou } from '../ConcernsForYou/ConcernsForYou';
import { InstitutionTasks } from '../InstitutionTasks/InstitutionTasks';
import { RecordPersonInInstitution } from '../InstitutionTasks/RecordPersonInInstitution';
import { ReviewReports } from '../ReviewReports/ReviewReports';
import { pageHref } from '../../common/page-href';
import { type TabLanguage, type TabTranslate, tabLanguage, tabTranslator } from '../../i18n/i18n';
import { LanguageSwitch } from '../../common/LanguageSwitch';
import { deadlineIn } from '../dashboard-words';
import { errorTextIn } from '../../common/error-text';

const ComplianceChart = lazy(() => import('../charts/ComplianceChart/ComplianceChart'));
const PlanTimeline = lazy(() => import('../charts/PlanTimeline/PlanTimeline'));

type Load = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; dashboard: DashboardResponse };

const minutesHref = (meetingId: string) => pageHref('minutes.html', { meetingId });
const planHref = (coreGroupId: string) => pageHref('plan.html', { coreGroupId });

/** The next core group meeting: when, the join link, the minutes, and each invitee's reply. */
function NextMeetingLine(props: { meeting: NextMeeting | undefined; t: TabTranslate; language: TabLanguage }) {
  const styles = useDashboardPageStyles();
  const { meeting, t, language } = props;
  if (!meeting) return <p className={styles.text}>{t('dashPage.noMeeting')}</p>;
  return (
    <>
      <p className={styles.text}>
        {t('dashPage.nextMeeting', { when: meeting.startsAt ? formatInstantIn(language, meeting.startsAt) : formatDateIn(language, meeting.date) })} ·{' '}
        {meeting.joinUrl && (
          <>
            <Link href={meeting.joinUrl} target="_blank" rel="noreferrer">
              {t('dashPage.join')}
            </Link>{' '}
            ·{' '}
          </>
        )}
        <Link href={minutesHref(meeting.id)}>{t('dashPage.openMinutes')}</Link>
      </p>
      {meeting.replies && meeting.replies.length > 0 && (
        <ul className={styles.list} aria-label={t('dashPage.replies')}>
          {meeting.replies.map((reply) => (
            <li key={reply.memberId} className={styles.meta}>
              {t('dashPage.reply', { name: isolatedUserText(reply.name), reply: t(`dashLabels.reply.${reply.reply}`) })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** How many open deadlines each core group card lists before "and N more". */
const OBLIGATIONS_SHOWN = 3;

/** The record's exports each core group card offers, in this order. */
const EXPORTS: readonly { what: 'plan' | 'record-pack'; format: ExportFormat }[] = [
  { what: 'plan', format: 'docx' },
  { what: 'plan', format: 'pdf' },
  { what: 'record-pack', format: 'docx' },
  { what: 'record-pack', format: 'pdf' },
];

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
  const t = useMemo(() => tabTranslator(language), [language]);
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
      (error: unknown) => live && setLoad({ state: 'failed', error }),
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
      <main className={styles.root}>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('dashboard.failed')}</MessageBarTitle>
            {errorTextIn(load.error, t)}
          </MessageBarBody>
        </MessageBar>
        <div>
          <Button
            onClick={() => {
              setLoad({ state: 'loading' });
              setAttempt((count) => count + 1);
            }}
          >
            {t('dashPage.tryAgain')}
          </Button>
        </div>
      </main>
    );
  }

  const { dashboard } = load;
  const attention = needsAttention(dashboard, today, t);
  const signals = dashboard.coreGroups.flatMap((group) => group.signals.map((signal, index) => ({ key: `${group.id}-${signal.kind}-${signal.subjectId}-${index}`, group, signal })));
  const actions = [...dashboard.myActions].sort((a, b) => a.due.localeCompare(b.due));
  const panelClassNames = { panel: styles.panel, heading: styles.heading };
  const date = (text: string) => formatDateIn(language, text);
  const noted = (group: DashboardCoreGroup) => (note: string) => {
    setSeriesNote(t('dashPage.groupNote', { caseReference: isolatedUserText(group.caseReference), note }));
    setAttempt((count) => count + 1);
  };

  const exportRecord = async (group: DashboardCoreGroup, what: 'plan' | 'record-pack', format: ExportFormat) => {
    setExportError(undefined);
    const id = encodeURIComponent(group.id);
    const path = what === 'plan' ? `/api/core-groups/${id}/plan/export.${format}` : `/api/core-groups/${id}/record-pack?format=${format}`;
    try {
      await saveDownload(api, { path, fallbackName: `${what}-${group.caseReference}.${format}` });
    } catch (error) {
      setExportError(t(`dashPage.exportFailed.${what}`, { caseReference: isolatedUserText(group.caseReference), reason: errorTextIn(error, t) }));
    }
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>{t('dashboard.title')}</h1>
          <p className={styles.subtitle}>{date(today)}</p>
        </div>
        <LanguageSwitch
          language={language}
          t={t}
          onChosen={() => {
            setExportError(undefined);
            setSeriesNote(undefined);
            setAttempt((count) => count + 1);
          }}
        />
      </header>

      <div className={styles.contents}>
        <TeamView t={t} classNames={panelClassNames} />
        <ConcernsForYou t={t} language={language} classNames={panelClassNames} />
        <ReviewReports t={t} language={language} reload={attempt} classNames={panelClassNames} />
        <InstitutionTasks t={t} language={language} reload={attempt} classNames={panelClassNames} />
      </div>

      <div className={styles.columns}>
        <section className={styles.panel} aria-labelledby="attention-heading">
          <h2 id="attention-heading" className={styles.heading}>
            {t('dashboard.attention')}
          </h2>
          {attention.length === 0 ? (
            <p className={styles.text}>{t('dashboard.attentionNone')}</p>
          ) : (
            <ul className={styles.list}>
              {attention.map((item) => (
                <li key={item.key} className={styles.item}>
                  <div className={styles.line}>
                    <Badge appearance="filled" color={ATTENTION_COLOURS[item.status]}>
                      {t(`dashLabels.attention.${item.status}`)}
                    </Badge>
                    <span>{item.text}</span>
                  </div>
                  <p className={styles.meta}>
                    {item.due ? t(`dashPage.attentionMeta.${item.dateWord ?? 'due'}`, { caseReference: isolatedUserText(item.caseReference), date: date(item.due) }) : isolatedUserText(item.caseReference)}
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
            <ul className={styles.list}>
              {signals.map(({ key, group, signal }) => (
                <li key={key} className={styles.item}>
                  <span className={styles.text}>{signalText(signal, group, dashboard.myActions, t)}</span>
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
            <MessageBar intent="error">
              <MessageBarBody>{exportError}</MessageBarBody>
            </MessageBar>
          )}
          {seriesNote && (
            <MessageBar intent="success">
              <MessageBarBody>{seriesNote}</MessageBarBody>
            </MessageBar>
          )}
          <ul className={styles.list}>
            {dashboard.coreGroups.map((group) => {
              const open = openObligations(group);
              const headingId = `group-${group.id}`;
              const caseReference = isolatedUserText(group.caseReference);
              return (
                <li key={group.id} className={styles.group}>
                  <h3 id={headingId} className={styles.subheading}>
                    {caseReference}
                  </h3>
                  <p className={styles.meta}>{t('dashPage.role', { role: t(`dashLabels.role.${group.role}`) })}</p>
                  {group.transferredIn && <p className={styles.meta}>{t('dashPage.transferredIn', { from: isolatedUserText(group.transferredIn.from), date: date(group.transferredIn.on) })}</p>}
                  <NextMeetingLine meeting={group.nextMeeting} t={t} language={language} />
                  {group.canSchedule && group.nextMeeting?.inSeries && group.nextMeeting.startsAt && (
                    <SeriesChange t={t} language={language} caseReference={caseReference} meeting={{ ...group.nextMeeting, startsAt: group.nextMeeting.startsAt }} onChanged={noted(group)} />
                  )}
                  {(group.canRecordReview || group.canTransfer) && (
                    <ReviewConferences
                      t={t}
                      language={language}
                      coreGroupId={group.id}
                      caseReference={caseReference}
                      canRecordReview={group.canRecordReview}
                      canTransfer={group.canTransfer}
                      onChanged={noted(group)}
                    />
                  )}
                  {group.canRecordPersonInInstitution && <RecordPersonInInstitution t={t} coreGroupId={group.id} caseReference={caseReference} onRecorded={noted(group)} />}
                  {group.lastHeldMeeting && (
                    <p className={styles.meta}>
                      <Link href={minutesHref(group.lastHeldMeeting.id)}>{t('dashPage.lastMinutes', { date: date(group.lastHeldMeeting.date) })}</Link>
                    </p>
                  )}
                  {open.length === 0 ? (
                    <p className={styles.meta}>{t('dashPage.noOpenDeadlines')}</p>
                  ) : (
                    <ul className={styles.list} aria-label={t('dashPage.nextDeadlines', { caseReference })}>
                      {open.slice(0, OBLIGATIONS_SHOWN).map((obligation) => (
                        <li key={obligation.id} className={styles.line}>
                          <Badge appearance="tint" color={DEADLINE_COLOURS[obligation.status]}>
                            {t(`dashLabels.deadline.${obligation.status}`)}
                          </Badge>
                          <span>
                            {obligation.status === 'overdue' && obligation.daysLate > 0
                              ? t('dashPage.obligationLate', { obligation: deadlineIn(t, obligation), date: date(obligation.due), days: obligation.daysLate })
                              : t('dashPage.obligationBy', { obligation: deadlineIn(t, obligation), date: date(obligation.due) })}
                          </span>
                        </li>
                      ))}
                      {open.length > OBLIGATIONS_SHOWN && <li className={styles.meta}>{t('dashPage.more', { number: open.length - OBLIGATIONS_SHOWN })}</li>}
                    </ul>
                  )}
                  <p className={styles.meta}>
                    <Link href={planHref(group.id)} aria-label={t('dashPage.openPlanFor', { caseReference })}>
                      {group.canEditPlan ? t('dashPage.openAndEditPlan') : t('dashPage.openPlan')}
                    </Link>
                  </p>
                  {group.canExportPlan && (
                    <div className={styles.buttons}>
                      {EXPORTS.map(({ what, format }) => (
                        <Button key={`${what}-${format}`} size="small" onClick={() => void exportRecord(group, what, format)} aria-label={t(`dashPage.exportFor.${what}-${format}`, { caseReference })}>
                          {t(`dashPage.export.${what}-${format}`)}
                        </Button>
                      ))}
                    </div>
                  )}
                  {group.canSayPlanNotReceived && (
                    <div className={styles.buttons}>
                      <PlanNotReceived t={t} coreGroupId={group.id} caseReference={caseReference} onTold={(note) => setSeriesNote(t('dashPage.groupNote', { caseReference, note }))} />
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
            <ul className={styles.list}>
              {actions.map((action) => {
                const overdue = isOverdueAction(action, today);
                const facts = { caseReference: isolatedUserText(action.caseReference), date: date(action.due) };
                return (
                  <li key={action.id} className={styles.item}>
                    <div className={styles.line}>
                      <span className={styles.text}>{isolatedUserText(action.what)}</span>
                      <Badge appearance="tint" color={overdue ? 'danger' : action.state === 'done' ? 'success' : 'informative'}>
                        {overdue ? t('dashLabels.deadline.overdue') : t(`dashLabels.actionState.${action.state}`, { defaultValue: action.state })}
                      </Badge>
                    </div>
                    <p className={styles.meta}>
                      {action.lastCheckIn
                        ? t('dashPage.actionMeta', { ...facts, when: formatInstantIn(language, action.lastCheckIn.recordedAt), status: t(`dashLabels.checkIn.${action.lastCheckIn.status}`, { defaultValue: action.lastCheckIn.status }) })
                        : t('dashPage.actionMetaNoCheckIn', facts)}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>

      <div className={styles.columns}>
        <section className={styles.panel} aria-labelledby="compliance-heading">
          <h2 id="compliance-heading" className={styles.heading}>
            {t('dashboard.compliance')}
          </h2>
          <Suspense fallback={<Spinner size="tiny" label={t('dashPage.drawingChart')} />}>
            <ComplianceChart entries={dashboard.compliance} t={t} language={language} />
          </Suspense>
        </section>
        <section className={styles.panel} aria-labelledby="timeline-heading">
          <h2 id="timeline-heading" className={styles.heading}>
            {t('dashboard.timeline')}
          </h2>
          <Suspense fallback={<Spinner size="tiny" label={t('dashPage.drawingTimeline')} />}>
            <PlanTimeline entries={dashboard.timeline} groups={dashboard.coreGroups} today={today} t={t} language={language} />
          </Suspense>
        </section>
      </div>
    </main>
  );
}
