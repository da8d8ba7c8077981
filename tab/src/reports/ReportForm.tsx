import { Button, Field, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { AgencyReportChangeResponse, AgencyReportContent, AgencyReportWire, ReviewReportsResponse } from '@contracts/agency-reports.contract';
import { isolatedUserText } from '../common/display-text';
import { errorTextIn } from '../common/error-text';
import { formatDateIn, formatInstantIn } from '../common/format';
import type { TabLanguage, TabTranslate } from '../i18n/i18n';
import { useShell } from '../shell/shell.context';
import { useReportsPageStyles } from './ReportsPage/ReportsPage.styles';

type Mine = NonNullable<ReviewReportsResponse['mine']>;
type TextField = Exclude<keyof AgencyReportContent, 'scaling' | 'actionProgress'>;

/** The Signs of Safety template's questions, in the order the template asks them (seed 004). */
const QUESTIONS: readonly { field: TextField & ('worries' | 'workingWell' | 'needsToHappen'); maxLength: number }[] = [
  { field: 'worries', maxLength: 10_000 },
  { field: 'workingWell', maxLength: 10_000 },
  { field: 'needsToHappen', maxLength: 10_000 },
];

/**
 * The caller's own written report for the review conference: the Signs of Safety template, their
 * scaling with its reasons, the child's views and lived experience, and progress on each of their
 * actions (filled from their check-ins). Saved as a draft, then submitted — final from then on.
 */
export function ReportForm(props: { mine: Mine; basePath: string; words: { t: TabTranslate; language: TabLanguage }; onSaved: () => void; onSubmitted: (report: AgencyReportWire) => void }) {
  const styles = useReportsPageStyles();
  const { t, language } = props.words;
  const { api } = useShell();
  const [content, setContent] = useState<AgencyReportContent>(props.mine.report.content);
  const [version, setVersion] = useState(props.mine.report.version);
  const [savedAt, setSavedAt] = useState<string | undefined>(props.mine.report.version > 0 ? props.mine.report.updatedAt : undefined);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const change = (update: Partial<AgencyReportContent>) => {
    setContent((current) => ({ ...current, ...update }));
    setDirty(true);
  };
  const progressOf = (actionId: string) => content.actionProgress.find((entry) => entry.actionId === actionId)?.progress ?? '';
  const setProgress = (actionId: string, progress: string) =>
    change({ actionProgress: props.mine.actions.map((action) => ({ actionId: action.id, progress: action.id === actionId ? progress : progressOf(action.id) })) });

  const save = async (): Promise<number> => {
    const saved = await api.send<AgencyReportChangeResponse>('PUT', `${props.basePath}/mine`, { baseVersion: version, content });
    setVersion(saved.report.version);
    setSavedAt(saved.report.updatedAt);
    setDirty(false);
    return saved.report.version;
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      setProblem(errorTextIn(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-labelledby="your-report-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await save();
          props.onSaved();
        });
      }}
    >
      {QUESTIONS.map((question) => (
        <Field key={question.field} label={t(`reports.${question.field}`)} hint={t(`reports.${question.field}Hint`)}>
          <Textarea value={content[question.field]} resize="vertical" maxLength={question.maxLength} onChange={(_event, data) => change({ [question.field]: data.value })} />
        </Field>
      ))}
      <Field label={t('reports.yourScaling')} hint={t('reports.scalingHint')}>
        <Select value={content.scaling === null ? '' : String(content.scaling)} onChange={(_event, data) => change({ scaling: data.value === '' ? null : Number(data.value) })}>
          <option value="">{t('reports.notScaled')}</option>
          {Array.from({ length: 11 }, (_unused, score) => (
            <option key={score} value={score}>
              {score}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('reports.whyScaled')}>
        <Textarea value={content.scalingReasons} resize="vertical" maxLength={4000} onChange={(_event, data) => change({ scalingReasons: data.value })} />
      </Field>
      <Field label={t('reports.childsViews')} hint={t('reports.childsViewsHint')}>
        <Textarea value={content.childsViews} resize="vertical" maxLength={10_000} onChange={(_event, data) => change({ childsViews: data.value })} />
      </Field>
      {props.mine.actions.length > 0 && (
        <section aria-labelledby="your-actions-heading" className={styles.form}>
          <h3 id="your-actions-heading" className={styles.subheading}>
            {t('reports.progressOnYours')}
          </h3>
          {props.mine.actions.map((action) => (
            <Field key={action.id} label={t('reports.actionDue', { what: isolatedUserText(action.what), date: formatDateIn(language, action.due) })}>
              <Textarea value={progressOf(action.id)} resize="vertical" maxLength={4000} onChange={(_event, data) => setProgress(action.id, data.value)} />
            </Field>
          ))}
        </section>
      )}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <p className={styles.meta} role="status">
        {dirty ? t('reports.notSavedYet') : savedAt ? t('reports.draftSaved', { at: formatInstantIn(language, savedAt) }) : t('reports.neverSaved')}
      </p>
      <div className={styles.buttons}>
        <Button type="submit" disabled={busy || !dirty}>
          {t('reports.saveDraft')}
        </Button>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const current = dirty || version === 0 ? await save() : version;
              const submitted = await api.send<AgencyReportChangeResponse>('POST', `${props.basePath}/mine/submit`, { version: current });
              props.onSubmitted(submitted.report);
            })
          }
        >
          {t('reports.submit')}
        </Button>
      </div>
    </form>
  );
}
