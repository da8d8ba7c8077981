import { Badge, Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ConcernDecisionRequest, ConcernDecisionResponse, ConcernWire, ConcernsResponse } from '@contracts/concerns.contract';
import { isolatedUserText } from '../../common/display-text';
import { formatDateIn } from '../../common/format';
import { PanelNotes } from '../../common/PanelNotes';
import { TAB_CATALOGUES, type TabLanguage, type TabTranslate } from '../../i18n/i18n';
import { useShell } from '../../shell/shell.context';
import { englishTranslator, keyOfServerEnglish, likeServer } from '../dashboard-words';
import { usePanelList } from '../../common/use-panel-list';
import { useFormSubmit } from '../../common/use-form-submit';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  meta: { margin: '0', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  history: { margin: '0', paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Decision = ConcernDecisionRequest['decision'];
type HistoryEntry = ConcernWire['history'][number];

/** The people a route step goes to, and what it asks of them, as the catalogue names each (the server sends them in English). */
const STEP_TO_KEYS = Object.keys(TAB_CATALOGUES.en.dashConcerns.stepTo);
const STEP_DOES_KEYS = Object.keys(TAB_CATALOGUES.en.dashConcerns.stepDoes);

const MONTH_NUMBERS: Readonly<Record<string, string>> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };
/** A granted extra core group's slot, as the server writes it in English ("for Wed 9 Dec 2026, 14:30"). */
const BOOKED_FOR = /^for (?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}), (\d{2}:\d{2})$/;

/** A detail the server wrote, read back: its catalogue entry, and the facts it was written from (in a language). */
type ReadDetail = { key: string; facts?: (translate: TabTranslate, language: TabLanguage) => Record<string, unknown> };

/** Which of the forms the server writes a history detail in this one is ("sent by Teams", "not resolved within 5 working days", …). */
function readDetail(detail: string): ReadDetail | undefined {
  if (detail === 'queued') return { key: 'dashConcerns.detail.queued' };
  if (detail === 'sent by Teams') return { key: 'dashConcerns.detail.sentTeams' };
  if (detail === 'sent by e-mail') return { key: 'dashConcerns.detail.sentEmail' };
  const because = (reason: string) => (translate: TabTranslate) => ({ reason: reason === 'no reason given' ? translate('dashConcerns.detail.noReason') : reason });
  const failed = /^failed: (.*)$/s.exec(detail);
  if (failed) return { key: 'dashConcerns.detail.failed', facts: because(failed[1] ?? '') };
  const retrying = /^queued: (Teams|e-mail) did not take it \((.*)\), trying again$/s.exec(detail);
  if (retrying) return { key: retrying[1] === 'Teams' ? 'dashConcerns.detail.retryingTeams' : 'dashConcerns.detail.retryingEmail', facts: because(retrying[2] ?? '') };
  const climbed = /^not resolved within (\d+) working days?$/.exec(detail);
  if (climbed) return { key: 'dashConcerns.detail.notResolved', facts: () => ({ count: Number(climbed[1]) }) };
  const booked = BOOKED_FOR.exec(detail);
  if (booked) {
    const civil = `${booked[3]}-${MONTH_NUMBERS[booked[2] ?? '']}-${(booked[1] ?? '').padStart(2, '0')}`;
    return { key: 'dashConcerns.detail.bookedFor', facts: (_translate, language) => ({ date: formatDateIn(language, civil), time: booked[4] }) };
  }
  return undefined;
}

/**
 * A history entry's detail in the page's language. The server keeps it in English; each form it
 * writes is said again from the catalogue when the catalogue's English is exactly the server's,
 * and anything else (a delivery failure's technical reason) stays as the server kept it.
 */
function detailIn(detail: string, t: TabTranslate, language: TabLanguage): string {
  const read = readDetail(detail);
  if (!read) return detail;
  return likeServer(detail, { english: englishTranslator(read.key, read.facts?.(englishTranslator, 'en') ?? {}), translated: t(read.key, read.facts?.(t, language) ?? {}) });
}

/** Which sentence a history entry takes: by who, a detail and words, each only when there is one ("whoText": who and words). */
function lineShape(entry: HistoryEntry): string {
  const parts = [entry.who && 'who', entry.detail && 'detail', entry.text && 'text'].filter((part): part is string => Boolean(part));
  return parts.length === 0 ? 'plain' : parts.map((part, index) => (index === 0 ? part : `${part.charAt(0).toUpperCase()}${part.slice(1)}`)).join('');
}

/** One history entry in words: when, at which step, what, by or to whom, and their words. */
function historyLine(entry: HistoryEntry, t: TabTranslate, language: TabLanguage): string {
  return t(`dashConcerns.line.${lineShape(entry)}`, {
    date: formatDateIn(language, entry.at.slice(0, 10)),
    step: entry.step,
    what: t(`dashConcerns.historyWord.${entry.kind}`),
    who: entry.who ? isolatedUserText(entry.who) : '',
    detail: entry.detail ? isolatedUserText(detailIn(entry.detail, t, language)) : '',
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

/** A concern's label, with whom its step rests and what it asks, in the page's language (the server's English where the catalogue does not know it). */
function concernWords(concern: ConcernWire, t: TabTranslate) {
  const label = keyOfServerEnglish({ prefix: 'dashConcerns.label', keys: [concern.kind], sent: concern.label });
  const stepTo = keyOfServerEnglish({ prefix: 'dashConcerns.stepTo', keys: STEP_TO_KEYS, sent: concern.stepTo });
  const does = keyOfServerEnglish({ prefix: 'dashConcerns.stepDoes', keys: STEP_DOES_KEYS, sent: concern.stepDoes });
  return {
    label: label ? t(`dashConcerns.label.${label}`) : concern.label,
    withStep: stepTo ? t(`dashConcerns.withStep.${stepTo}`) : t('dashConcerns.withOther', { stepTo: concern.stepTo }),
    does: does ? t(`dashConcerns.stepDoes.${does}`) : concern.stepDoes,
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
