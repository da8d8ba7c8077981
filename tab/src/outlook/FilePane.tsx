import { Button, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FileEmailRequest, FileEmailResponse, FilingCasesResponse } from '@contracts/filing.contract';
import type { ApiClient } from '../api/api.client';
import { isolatedUserText } from '../common/display-text';
import { fileSize, formatDateIn, formatInstantIn } from '../common/format';
import type { TabLanguage, TabTranslate } from '../i18n/i18n';
import type { MailAttachment, MailMessage } from './office.host';
import { outlookErrorText } from './outlook-error-text';
import { useOutlookPageStyles } from './OutlookPage/OutlookPage.styles';

type FilingCase = FilingCasesResponse['cases'][number];
type Load = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; cases: readonly FilingCase[] };
/** What the last press did, kept as facts: said in the page's language when shown, so it follows a change of language. */
type Outcome =
  | { kind: 'refused'; why: 'needCase' | 'needAgency' | 'nothingToCome' }
  | { kind: 'filed'; to: 'report' | 'paper'; caseReference: string; agency: string; date: string; attachments: number }
  | { kind: 'already'; filedBy: string | undefined; filedAt: string }
  | { kind: 'failed'; error: unknown };

/** What the server files (checked again there by the bytes): PDF and Word documents up to 10 MB. */
const MAX_BYTES = 10 * 1024 * 1024;
const FILEABLE = /\.(pdf|docx)$/i;
/** The most of an e-mail's text the server files (`FILING_LIMITS.body`): a longer one is cut, and says so. */
const MAX_BODY = 100_000;

/**
 * Counted and cut in characters (code points), as the server counts: a cut never splits an emoji.
 * NULs, which cannot be stored, are dropped. A cut ends with `cutNote`, in the filer's language.
 */
function bodyToFile(text: string, cutNote: string): string {
  const characters = Array.from(text.replaceAll('\u0000', ''));
  if (characters.length <= MAX_BODY) return characters.join('');
  const note = Array.from(`\n\n${cutNote}`);
  return [...characters.slice(0, MAX_BODY - note.length), ...note].join('');
}

/** Why an attachment cannot be filed (its catalogue key), or undefined when it can be. */
function unfileable(attachment: MailAttachment): 'onlyPdfWord' | 'tooBig' | undefined {
  if (!FILEABLE.test(attachment.name)) return 'onlyPdfWord';
  if (attachment.size > MAX_BYTES) return 'tooBig';
  return undefined;
}

/** What the last press did, in the page's language. */
function outcomeText(outcome: Outcome, words: { language: TabLanguage; t: TabTranslate }): string {
  const { language, t } = words;
  switch (outcome.kind) {
    case 'refused':
      return t(`outlook.file.${outcome.why}`);
    case 'filed': {
      const values = { caseReference: outcome.caseReference, agency: outcome.agency, date: formatDateIn(language, outcome.date) };
      const sentence = outcome.to === 'report' ? 'filedReport' : 'filedPaper';
      return outcome.attachments === 0 ? t(`outlook.file.${sentence}None`, values) : t(`outlook.file.${sentence}`, { ...values, count: outcome.attachments });
    }
    case 'already':
      return outcome.filedBy === undefined ? t('outlook.file.alreadyFormer', { at: formatInstantIn(language, outcome.filedAt) }) : t('outlook.file.already', { filedBy: outcome.filedBy, at: formatInstantIn(language, outcome.filedAt) });
    case 'failed':
      return t('outlook.file.notFiled', { reason: outlookErrorText(outcome.error, t) });
  }
}

const OUTCOME_INTENTS: Readonly<Record<Outcome['kind'], 'success' | 'info' | 'error'>> = { refused: 'error', filed: 'success', already: 'info', failed: 'error' };

/**
 * "File to core group" on an e-mail: the member chooses one of their cases, files the message as
 * an agency's written report for the next review conference or as a paper for the next meeting,
 * with the PDF and Word attachments they tick. Filing the same e-mail there again adds nothing.
 * In the page's language; what the e-mail says is shown as it is.
 */
export function FilePane(props: { api: ApiClient; message: MailMessage; language: TabLanguage; t: TabTranslate }) {
  const styles = useOutlookPageStyles();
  const { api, message, language, t } = props;
  const date = (text: string) => formatDateIn(language, text);
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
      (error: unknown) => live && setLoad({ state: 'failed', error }),
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

  const reportLabel = (review: FilingCase['review']) => {
    if (!review) return t('outlook.file.asReportNone');
    return review.reportsDue ? t('outlook.file.asReportDue', { date: date(review.date), due: date(review.reportsDue) }) : t('outlook.file.asReport', { date: date(review.date) });
  };

  const file = async () => {
    if (!chosenCase) return setOutcome({ kind: 'refused', why: 'needCase' });
    if (kind === 'agency-report' && !agency) return setOutcome({ kind: 'refused', why: 'needAgency' });
    if (kind === '') return setOutcome({ kind: 'refused', why: 'nothingToCome' });
    setBusy(true);
    setOutcome(undefined);
    try {
      const attachments = [];
      for (const attachment of message.attachments.filter((candidate) => chosen.has(candidate.id))) attachments.push({ name: attachment.name, content: await message.content(attachment.id) });
      const to: FileEmailRequest['to'] = kind === 'agency-report' ? { kind, reviewConferenceId: chosenCase.review!.id, agency } : { kind, meetingId: chosenCase.nextMeeting!.id };
      const request: FileEmailRequest = { messageId: message.messageId, subject: message.subject, sender: message.sender, receivedAt: message.receivedAt, body: bodyToFile(await message.bodyText(), t('outlook.file.cutNote')), to, attachments };
      const filed = await api.send<FileEmailResponse>('POST', `/api/core-groups/${encodeURIComponent(chosenCase.coreGroupId)}/filed-documents`, request);
      const where = kind === 'agency-report' ? { to: 'report' as const, date: chosenCase.review!.date } : { to: 'paper' as const, date: chosenCase.nextMeeting!.date };
      setOutcome(
        filed.outcome === 'changed'
          ? { kind: 'filed', ...where, caseReference: chosenCase.caseReference, agency, attachments: filed.document.attachments.length }
          : { kind: 'already', filedBy: filed.document.filedBy, filedAt: filed.document.filedAt },
      );
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={styles.root}>
      <header>
        <h1 className={styles.title}>{t('outlook.file.title')}</h1>
        <p className={styles.subtitle}>
          {t('outlook.file.from', { subject: isolatedUserText(message.subject || t('outlook.file.noSubject')), sender: isolatedUserText(message.sender || t('outlook.file.unknownSender')) })}
        </p>
      </header>
      {load.state === 'loading' && <Spinner label={t('outlook.file.finding')} />}
      {load.state === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>{t('outlook.file.listFailed', { reason: outlookErrorText(load.error, t) })}</MessageBarBody>
        </MessageBar>
      )}
      {load.state === 'ready' && load.cases.length === 0 && <p className={styles.text}>{t('outlook.file.noCases')}</p>}
      {load.state === 'ready' && load.cases.length > 0 && (
        <form
          className={styles.form}
          aria-label={t('outlook.file.form')}
          onSubmit={(event) => {
            event.preventDefault();
            void file();
          }}
        >
          <Field label={t('outlook.file.case')}>
            <Select value={coreGroupId} onChange={(_event, data) => setCoreGroupId(data.value)}>
              <option value="">{t('outlook.file.chooseCase')}</option>
              {load.cases.map((entry) => (
                <option key={entry.coreGroupId} value={entry.coreGroupId}>
                  {entry.caseReference}
                </option>
              ))}
            </Select>
          </Field>
          {chosenCase && (
            <Field label={t('outlook.file.fileAs')}>
              <RadioGroup value={kind} onChange={(_event, data) => setKind(data.value as 'agency-report' | 'meeting-paper')}>
                <Radio value="agency-report" disabled={!chosenCase.review} label={reportLabel(chosenCase.review)} />
                <Radio value="meeting-paper" disabled={!chosenCase.nextMeeting} label={chosenCase.nextMeeting ? t('outlook.file.asPaper', { date: date(chosenCase.nextMeeting.date) }) : t('outlook.file.asPaperNone')} />
              </RadioGroup>
            </Field>
          )}
          {chosenCase?.review && kind === 'agency-report' && (
            <Field label={t('outlook.file.whose')} hint={chosenCase.review.agencies.length === 1 ? t('outlook.file.ownAgency') : undefined}>
              <Select value={agency} onChange={(_event, data) => setAgency(data.value)}>
                <option value="">{t('outlook.file.chooseAgency')}</option>
                {chosenCase.review.agencies.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <fieldset className={styles.form}>
            <legend className={styles.subheading}>{t('outlook.file.attachments')}</legend>
            {message.attachments.length === 0 && <p className={styles.text}>{t('outlook.file.noAttachments')}</p>}
            {message.attachments.map((attachment) => {
              const why = unfileable(attachment);
              return (
                <div key={attachment.id} className={styles.attachment}>
                  <Checkbox
                    checked={chosen.has(attachment.id)}
                    disabled={why !== undefined}
                    label={t('outlook.file.attachment', { name: attachment.name, size: fileSize(attachment.size) })}
                    onChange={(_event, data) => setChosen((before) => {
                      const after = new Set(before);
                      if (data.checked) after.add(attachment.id);
                      else after.delete(attachment.id);
                      return after;
                    })}
                  />
                  {why && <p className={styles.why}>{t(`outlook.file.${why}`)}</p>}
                </div>
              );
            })}
          </fieldset>
          <p className={styles.meta}>{t('outlook.file.kept')}</p>
          <div className={styles.buttons}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {busy ? t('outlook.file.filing') : t('outlook.file.button')}
            </Button>
          </div>
          {outcome && (
            <MessageBar intent={OUTCOME_INTENTS[outcome.kind]} role="status">
              <MessageBarBody>{outcomeText(outcome, { language, t })}</MessageBarBody>
            </MessageBar>
          )}
        </form>
      )}
    </main>
  );
}
