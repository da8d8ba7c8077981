import { Badge, Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ConcernDecisionRequest, ConcernDecisionResponse, ConcernWire, ConcernsResponse } from '@contracts/concerns.contract';
import { isolatedUserText } from '../../common/display-text';
import { formatDate } from '../../common/format';
import { useFormSubmit } from '../../common/use-form-submit';
import { PanelNotes } from '../../common/PanelNotes';
import { usePanelList } from '../../common/use-panel-list';
import { useShell } from '../../shell/shell.context';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  meta: { margin: '0', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  history: { margin: '0', paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Decision = ConcernDecisionRequest['decision'];

/** Each decision's button, and what the text field is for when it is pressed. */
const DECISIONS: Readonly<Record<Decision, { title: string; done: string }>> = {
  acknowledge: { title: 'Acknowledge', done: 'Acknowledged: the concern stays with you until it is resolved or escalated.' },
  resolve: { title: 'Resolve', done: 'Resolved, with your outcome recorded.' },
  escalate: { title: 'Escalate now', done: 'Escalated: the next step has been told.' },
  grant: { title: 'Grant the extra core group', done: 'Granted: the member who asked and the lead social worker have been told.' },
  refuse: { title: 'Refuse', done: 'Refused: the member who asked has been told your reason.' },
  'take-to-next-step': { title: 'Take it further', done: 'Taken further: the next step has been told.' },
};

const HISTORY_WORDS: Readonly<Record<ConcernWire['history'][number]['kind'], string>> = {
  raised: 'Raised',
  told: 'Told',
  acknowledged: 'Acknowledged',
  escalated: 'Escalated',
  climbed: 'Climbed automatically',
  resolved: 'Resolved',
  granted: 'Granted',
  refused: 'Refused',
  booked: 'Extra core group booked',
};

/** One history entry in words: what, at which step, by or to whom, and their words. */
function historyLine(entry: ConcernWire['history'][number]): string {
  const who = entry.who ? ` — ${isolatedUserText(entry.who)}` : '';
  const words = entry.text ? `: “${isolatedUserText(entry.text)}”` : '';
  const detail = entry.detail ? ` (${isolatedUserText(entry.detail)})` : '';
  return `${formatDate(entry.at.slice(0, 10))} · step ${entry.step} · ${HISTORY_WORDS[entry.kind]}${who}${detail}${words}`;
}

/** The decisions open to the caller on one concern: the outcome or reason, then a button each. A retry of one press sends the same request id. */
function Decide(props: { concern: ConcernWire; onDone: (note: string) => void }) {
  const styles = useStyles();
  const { api } = useShell();
  const [text, setText] = useState('');
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const { busy, problem, setProblem, send } = useFormSubmit();
  const decide = async (decision: Decision) => {
    if ((decision === 'resolve' || decision === 'refuse') && text.trim() === '') return setProblem(decision === 'resolve' ? 'Say how it was resolved.' : 'Give the reason for refusing.');
    await send(async () => {
      const body: ConcernDecisionRequest = { decision, requestId, ...(text.trim() ? { text } : {}) };
      await api.send<ConcernDecisionResponse>('POST', `/api/concerns/${encodeURIComponent(props.concern.id)}/decisions`, body);
      setRequestId(crypto.randomUUID());
      setText('');
      props.onDone(DECISIONS[decision].done);
    });
  };
  return (
    <form aria-label={`Decide on the concern for ${props.concern.caseReference}`} onSubmit={(event) => event.preventDefault()}>
      <Field label="Outcome or reason (needed to resolve or refuse)" validationMessage={problem}>
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
            {DECISIONS[decision].title}
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

/**
 * The concerns that came to the person (issue 14): as one of the step's people (a member in its
 * roles, or one of the area's conference chairs / co-ordinators), or as the member who asked for an
 * extra core group that was refused. Each shows its route step, when its people respond by (or that
 * it is overdue), its history, and the decisions open to them. Shows nothing when there are none.
 */
export function ConcernsForYou(props: { classNames: { panel: string; heading: string } }) {
  const styles = useStyles();
  const { items: concerns, problem, note, acted } = usePanelList({ path: '/api/concerns', what: 'The concerns', pick: (answer: ConcernsResponse) => answer.concerns.filter(isWithYou) });

  if (!problem && !note && (!concerns || concerns.length === 0)) return null;
  return (
    <section className={props.classNames.panel} aria-labelledby="concerns-heading">
      <h2 id="concerns-heading" className={props.classNames.heading}>
        Concerns with you
      </h2>
      <PanelNotes problem={problem} note={note} />
      <ul className={styles.list}>
        {(concerns ?? []).map((concern) => (
          <li key={concern.id} className={styles.item} aria-label={`Concern: ${concern.label}, case ${concern.caseReference}`}>
            <span>
              <Badge appearance="filled" color={concern.overdue ? 'danger' : concern.status === 'open' ? 'warning' : 'informative'}>
                {concern.status === 'open' ? (concern.overdue ? 'Overdue' : `Step ${concern.step} of ${concern.steps}`) : concern.status === 'refused' ? 'Refused' : 'Resolved'}
              </Badge>{' '}
              {concern.label}
            </span>
            <p className={styles.meta}>
              {isolatedUserText(concern.caseReference)} · raised {formatDate(concern.raisedOn)} · with {concern.stepTo}
              {concern.status === 'open' ? ` · respond by ${formatDate(concern.respondBy)}` : ''}
            </p>
            <p className={styles.meta}>What the procedure asks: {concern.stepDoes}.</p>
            {concern.note && <p>{isolatedUserText(concern.note)}</p>}
            <ol className={styles.history} aria-label="History">
              {concern.history.map((entry, index) => (
                <li key={`${entry.at}-${index}`}>{historyLine(entry)}</li>
              ))}
            </ol>
            {concern.decisions.length > 0 && (
              <Decide concern={concern} onDone={acted} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
