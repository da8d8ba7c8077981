import { Button, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FileEmailRequest, FileEmailResponse, FilingCasesResponse } from '@contracts/filing.contract';
import type { ApiClient } from '../api/api.client';
import { isolatedUserText } from '../common/display-text';
import { errorText } from '../common/error-text';
import { fileSize, formatDate, formatInstant } from '../common/format';
import type { MailAttachment, MailMessage } from './office.host';
import { useOutlookPageStyles } from './OutlookPage/OutlookPage.styles';

type FilingCase = FilingCasesResponse['cases'][number];
type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; cases: readonly FilingCase[] };
type Outcome = { intent: 'success' | 'info' | 'error'; text: string };

/** What the server files (checked again there by the bytes): PDF and Word documents up to 10 MB. */
const MAX_BYTES = 10 * 1024 * 1024;
const FILEABLE = /\.(pdf|docx)$/i;
/** The most of an e-mail's text the server files (`FILING_LIMITS.body`): a longer one is cut, and says so. */
const MAX_BODY = 100_000;
const CUT_NOTE = '\n\n[The rest of this e-mail was not filed: it was longer than 100,000 characters.]';

/** Counted and cut in characters (code points), as the server counts: a cut never splits an emoji. NULs, which cannot be stored, are dropped. */
function bodyToFile(text: string): string {
  const characters = Array.from(text.replaceAll('\u0000', ''));
  return characters.length <= MAX_BODY ? characters.join('') : `${characters.slice(0, MAX_BODY - CUT_NOTE.length).join('')}${CUT_NOTE}`;
}

/** Why an attachment cannot be filed, or undefined when it can be. */
function unfileable(attachment: MailAttachment): string | undefined {
  if (!FILEABLE.test(attachment.name)) return 'Only PDF and Word (.docx) files can be filed.';
  if (attachment.size > MAX_BYTES) return 'Larger than 10 MB: too big to file.';
  return undefined;
}


/**
 * "File to core group" on an e-mail: the member chooses one of their cases, files the message as
 * an agency's written report for the next review conference or as a paper for the next meeting,
 * with the PDF and Word attachments they tick. Filing the same e-mail there again adds nothing.
 */
export function FilePane(props: { api: ApiClient; message: MailMessage }) {
  const styles = useOutlookPageStyles();
  const { api, message } = props;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [coreGroupId, setCoreGroupId] = useState('');
  const [kind, setKind] = useState<'agency-report' | 'meeting-paper' | ''>('');
  const [agency, setAgency] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(message.attachments.filter((attachment) => !unfileable(attachment)).map((attachment) => attachment.id)));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  useEffect(() => {
    let live = true;
    api.get<FilingCasesResponse>('/api/outlook/cases').then(
      ({ cases }) => {
        if (!live) return;
        setLoad({ state: 'ready', cases });
        if (cases.length === 1) setCoreGroupId(cases[0]!.coreGroupId);
      },
      (error: unknown) => live && setLoad({ state: 'failed', message: `Your cases could not be listed: ${errorText(error)}` }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const chosenCase = load.state === 'ready' ? load.cases.find((entry) => entry.coreGroupId === coreGroupId) : undefined;
  useEffect(() => {
    setKind(chosenCase?.review ? 'agency-report' : chosenCase?.nextMeeting ? 'meeting-paper' : '');
    setAgency(chosenCase?.review?.agencies.length === 1 ? chosenCase.review.agencies[0]! : '');
  }, [chosenCase]);

  const file = async () => {
    if (!chosenCase) return setOutcome({ intent: 'error', text: 'Choose the case to file this e-mail to.' });
    if (kind === 'agency-report' && !agency) return setOutcome({ intent: 'error', text: 'Choose whose report this is.' });
    if (kind === '') return setOutcome({ intent: 'error', text: 'This case has no review conference or meeting to come to file it for.' });
    setBusy(true);
    setOutcome(undefined);
    try {
      const attachments = [];
      for (const attachment of message.attachments.filter((candidate) => chosen.has(candidate.id))) attachments.push({ name: attachment.name, content: await message.content(attachment.id) });
      const to: FileEmailRequest['to'] = kind === 'agency-report' ? { kind, reviewConferenceId: chosenCase.review!.id, agency } : { kind, meetingId: chosenCase.nextMeeting!.id };
      const request: FileEmailRequest = { messageId: message.messageId, subject: message.subject, sender: message.sender, receivedAt: message.receivedAt, body: bodyToFile(await message.bodyText()), to, attachments };
      const filed = await api.send<FileEmailResponse>('POST', `/api/core-groups/${encodeURIComponent(chosenCase.coreGroupId)}/filed-documents`, request);
      const where = kind === 'agency-report' ? `as the ${agency} report for the review conference on ${formatDate(chosenCase.review!.date)}` : `as a paper for the meeting on ${formatDate(chosenCase.nextMeeting!.date)}`;
      const count = filed.document.attachments.length;
      setOutcome(
        filed.outcome === 'changed'
          ? { intent: 'success', text: `Filed to case ${chosenCase.caseReference} ${where}, with ${count === 0 ? 'no attachments' : count === 1 ? '1 attachment' : `${count} attachments`}.` }
          : { intent: 'info', text: `This e-mail was already filed there by ${filed.document.filedBy} ${formatInstant(filed.document.filedAt)}: nothing more was added.` },
      );
    } catch (error) {
      setOutcome({ intent: 'error', text: `Not filed: ${errorText(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={styles.root}>
      <header>
        <h1 className={styles.title}>File to core group</h1>
        <p className={styles.subtitle}>
          “{isolatedUserText(message.subject || '(no subject)')}” from {isolatedUserText(message.sender || 'an unknown sender')}
        </p>
      </header>
      {load.state === 'loading' && <Spinner label="Finding your cases…" />}
      {load.state === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>{load.message}</MessageBarBody>
        </MessageBar>
      )}
      {load.state === 'ready' && load.cases.length === 0 && <p className={styles.text}>You are not in a core group you can file to.</p>}
      {load.state === 'ready' && load.cases.length > 0 && (
        <form
          className={styles.form}
          aria-label="File this e-mail"
          onSubmit={(event) => {
            event.preventDefault();
            void file();
          }}
        >
          <Field label="Case">
            <Select value={coreGroupId} onChange={(_event, data) => setCoreGroupId(data.value)}>
              <option value="">Choose a case…</option>
              {load.cases.map((entry) => (
                <option key={entry.coreGroupId} value={entry.coreGroupId}>
                  {entry.caseReference}
                </option>
              ))}
            </Select>
          </Field>
          {chosenCase && (
            <Field label="File it as">
              <RadioGroup value={kind} onChange={(_event, data) => setKind(data.value as 'agency-report' | 'meeting-paper')}>
                <Radio value="agency-report" disabled={!chosenCase.review} label={chosenCase.review ? `A written report for the review conference on ${formatDate(chosenCase.review.date)}${chosenCase.review.reportsDue ? ` (reports due ${formatDate(chosenCase.review.reportsDue)})` : ''}` : 'A written report (no review conference is booked)'} />
                <Radio value="meeting-paper" disabled={!chosenCase.nextMeeting} label={chosenCase.nextMeeting ? `A paper for the core group meeting on ${formatDate(chosenCase.nextMeeting.date)}` : 'A paper for a meeting (none is booked)'} />
              </RadioGroup>
            </Field>
          )}
          {chosenCase?.review && kind === 'agency-report' && (
            <Field label="Whose report" hint={chosenCase.review.agencies.length === 1 ? 'You file your own agency’s report.' : undefined}>
              <Select value={agency} onChange={(_event, data) => setAgency(data.value)}>
                <option value="">Choose the agency…</option>
                {chosenCase.review.agencies.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <fieldset className={styles.form}>
            <legend className={styles.subheading}>Attachments to file</legend>
            {message.attachments.length === 0 && <p className={styles.text}>This e-mail has no attachments: its text is filed.</p>}
            {message.attachments.map((attachment) => {
              const why = unfileable(attachment);
              return (
                <div key={attachment.id} className={styles.attachment}>
                  <Checkbox
                    checked={chosen.has(attachment.id)}
                    disabled={why !== undefined}
                    label={`${attachment.name} (${fileSize(attachment.size)})`}
                    onChange={(_event, data) => setChosen((before) => {
                      const after = new Set(before);
                      if (data.checked) after.add(attachment.id);
                      else after.delete(attachment.id);
                      return after;
                    })}
                  />
                  {why && <p className={styles.why}>{why}</p>}
                </div>
              );
            })}
          </fieldset>
          <p className={styles.meta}>The e-mail’s text is filed with the attachments you tick. Core Group keeps them with the case; only the people who may read them there can open them.</p>
          <div className={styles.buttons}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {busy ? 'Filing…' : 'File to core group'}
            </Button>
          </div>
          {outcome && (
            <MessageBar intent={outcome.intent} role="status">
              <MessageBarBody>{outcome.text}</MessageBarBody>
            </MessageBar>
          )}
        </form>
      )}
    </main>
  );
}
