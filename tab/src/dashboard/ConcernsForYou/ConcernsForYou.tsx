import { Badge, Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ConcernDecisionRequest, ConcernDecisionResponse, ConcernWire, ConcernsResponse } from '@contracts/concerns.contract';
import { isolatedUserText } from '../../common/display-text';
import { formatDateIn, formatInstantIn } from '../../common/format';
import { PanelNotes } from '../../common/PanelNotes';
import type { TabLanguage, TabTranslate } from '../../i18n/i18n';
import { useShell } from '../../shell/shell.context';
import { usePanelList } from '../../common/use-panel-list';
import { useFormSubmit } from '../../common/use-form-submit';
import { noticeReasonText } from '../notice-reason';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  meta: { margin: '0', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  history: { margin: '0', paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Decision = ConcernDecisionRequest['decision'];
type HistoryEntry = ConcernWire['history'][number];

type NoticeState = NonNullable<HistoryEntry['notice']>;

/** Where a notice stands, in the page's language ("sent by Teams", "failed: …"), with why it did not go. */
function noticeText(notice: NoticeState, t: TabTranslate): string {
  const reason = notice.reason === undefined ? t('dashConcerns.detail.noReason') : noticeReasonText(notice.reason, t);
  switch (notice.outcome) {
    case 'queued':
      return t('dashConcerns.detail.queued');
    case 'sent':
      return notice.channel === 'teams' ? t('dashConcerns.detail.sentTeams') : t('dashConcerns.detail.sentEmail');
    case 'retrying':
      return notice.channel === 'teams' ? t('dashConcerns.detail.retryingTeams', { reason }) : t('dashConcerns.detail.retryingEmail', { reason });
    case 'failed':
      return t('dashConcerns.detail.failed', { reason });
  }
}

/**
 * What a history entry adds in brackets, in the page's language, from the facts the server
 * sends: how a notice went, the working days a step had before it climbed, when the extra core
 * group was booked for. An entry kept before its facts were shows its words as they were stored.
 */
function detailOf(entry: HistoryEntry, t: TabTranslate, language: TabLanguage): string | undefined {
  if (entry.notice) return noticeText(entry.notice, t);
  if (entry.workingDays !== undefined) return t('dashConcerns.detail.notResolved', { count: entry.workingDays });
  if (entry.bookedFor) return t('dashConcerns.detail.bookedFor', { when: formatInstantIn(language, entry.bookedFor) });
  return entry.detail === undefined ? undefined : isolatedUserText(entry.detail);
}

/** Which sentence a history entry takes: by who, a detail and words, each only when there is one ("whoText": who and words). */
function lineShape(entry: HistoryEntry, detail: string | undefined): string {
  const parts = [entry.who && 'who', detail && 'detail', entry.text && 'text'].filter((part): part is string => Boolean(part));
  return parts.length === 0 ? 'plain' : parts.map((part, index) => (index === 0 ? part : `${part.charAt(0).toUpperCase()}${part.slice(1)}`)).join('');
}

/** One history entry in words: when, at which step, what, by or to whom, and their words. */
function historyLine(entry: HistoryEntry, t: TabTranslate, language: TabLanguage): string {
  const detail = detailOf(entry, t, language);
  return t(`dashConcerns.line.${lineShape(entry, detail)}`, {
    date: formatDateIn(language, entry.at.slice(0, 10)),
    step: entry.step,
    what: t(`dashConcerns.historyWord.${entry.kind}`),
    who: entry.who ? isolatedUserText(entry.who) : '',
    detail: detail ?? '',
    text: entry.text ? isolatedUserText(entry.text) : '',
  });
}

/** The decisions open to the caller on one concern: the outcome or reason, then a button each. A retry of one press sends the same request id. */
function Decide(props: { concern: ConcernWire; t: TabTranslate; onDone: (note: string) => void }) {
  const styles = useStyles();
  const { api } = useShell();
  const { t } = props;
  const [text, setText] = useState('');
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const { busy, problem, setProblem, send } = useFormSubmit(t);
  const decide = async (decision: Decision) => {
    if ((decision === 'resolve' || decision === 'refuse') && text.trim() === '') return setProblem(decision === 'resolve' ? t('dashConcerns.needOutcome') : t('dashConcerns.needReason'));
    await send(async () => {
      const body: ConcernDecisionRequest = { decision, requestId, ...(text.trim() ? { text } : {}) };
      await api.send<ConcernDecisionResponse>('POST', `/api/concerns/${encodeURIComponent(props.concern.id)}/decisions`, body);
      setRequestId(crypto.randomUUID());
      setText('');
      props.onDone(t(`dashConcerns.decision.${decision}.done`));
    });
  };
  return (
    <form aria-label={t('dashConcerns.decideFor', { caseReference: props.concern.caseReference })} onSubmit={(event) => event.preventDefault()}>
      <Field label={t('dashConcerns.outcomeField')} validationMessage={problem}>
        <Textarea
          value={text}
          maxLength={2000}
          onChange={(_event, data) => {
            setText(data.value);
            setProblem(undefined);
          }}
        />
      </Field>
      <div className={styles.buttons}>
        {props.concern.decisions.map((decision) => (
          <Button key={decision} appearance={decision === 'acknowledge' ? 'secondary' : 'primary'} disabled={busy} onClick={() => void decide(decision)}>
            {t(`dashConcerns.decision.${decision}.title`)}
          </Button>
        ))}
      </div>
    </form>
  );
}

/** Whether a concern is still with the person: open, or theirs to take further. */
function isWithYou(concern: ConcernWire): boolean {
  return concern.status === 'open' || concern.decisions.length > 0;
}

/** A concern's label, with whom its step rests and what the procedure asks of them now, in the page's language. */
function concernWords(concern: ConcernWire, t: TabTranslate) {
  return {
    label: t(`dashConcerns.label.${concern.kind}`),
    withStep: t(`dashConcerns.withStep.${concern.stepTo.join('+')}`),
    // A concern taken past its route's last step: what the last step asks (as the cards and e-mails say it).
    does: t(`dashConcerns.stepDoes.${concern.route}.${Math.min(concern.step, concern.steps) - 1}`),
  };
}

/**
 * The concerns that came to the person (issue 14): as one of the step's people (a member in its
 * roles, or one of the area's conference chairs / co-ordinators), or as the member who asked for an
 * extra core group that was refused. Each shows its route step, when its people respond by (or that
 * it is overdue), its history, and the decisions open to them. Shows nothing when there are none.
 */
export function ConcernsForYou(props: { t: TabTranslate; language: TabLanguage; classNames: { panel: string; heading: string } }) {
  const styles = useStyles();
  const { t, language } = props;
  const { items: concerns, failed, note, acted } = usePanelList({ path: '/api/concerns', t, pick: (answer: ConcernsResponse) => answer.concerns.filter(isWithYou) });

  if (!failed && !note && (!concerns || concerns.length === 0)) return null;
  return (
    <section className={props.classNames.panel} aria-labelledby="concerns-heading">
      <h2 id="concerns-heading" className={props.classNames.heading}>
        {t('dashConcerns.heading')}
      </h2>
      <PanelNotes problem={failed && t('dashConcerns.loadFailed', { reason: failed })} note={note} />
      <ul className={styles.list}>
        {(concerns ?? []).map((concern) => {
          const words = concernWords(concern, t);
          const facts = { caseReference: isolatedUserText(concern.caseReference), raisedOn: formatDateIn(language, concern.raisedOn), withStep: words.withStep };
          return (
            <li key={concern.id} className={styles.item} aria-label={t('dashConcerns.item', { label: words.label, caseReference: concern.caseReference })}>
              <span>
                <Badge appearance="filled" color={concern.overdue ? 'danger' : concern.status === 'open' ? 'warning' : 'informative'}>
                  {concern.status === 'open' ? (concern.overdue ? t('dashConcerns.badge.overdue') : t('dashConcerns.badge.step', { step: concern.step, steps: concern.steps })) : concern.status === 'refused' ? t('dashConcerns.badge.refused') : t('dashConcerns.badge.resolved')}
                </Badge>{' '}
                {words.label}
              </span>
              <p className={styles.meta}>{concern.status === 'open' ? t('dashConcerns.metaOpen', { ...facts, respondBy: formatDateIn(language, concern.respondBy) }) : t('dashConcerns.meta', facts)}</p>
              <p className={styles.meta}>{t('dashConcerns.asks', { does: words.does })}</p>
              {concern.note && <p>{isolatedUserText(concern.note)}</p>}
              <ol className={styles.history} aria-label={t('dashConcerns.history')}>
                {concern.history.map((entry, index) => (
                  <li key={`${entry.at}-${index}`}>{historyLine(entry, t, language)}</li>
                ))}
              </ol>
              {concern.decisions.length > 0 && <Decide concern={concern} t={t} onDone={acted} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
