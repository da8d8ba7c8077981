import { Button, Field, Spinner, Textarea } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import type { ExportFormat, MinutesView, ReturnToChairRequest, SignOff, SignOffRequest } from '@contracts/minutes.contract';
import { saveDownload } from '../../api/save-download';
import { errorTextIn } from '../../common/error-text';
import { formatInstantIn } from '../../common/format';
import type { MinutesLanguage } from '../minutes-language';
import { MinutesDueDate } from '../MinutesDueDate';
import { useShell } from '../../shell/shell.context';
import type { MinutesAutosave } from '../autosave/minutes-autosave';
import { useSignOffBarStyles } from './SignOffBar.styles';
import { isolatedUserText } from '../../common/display-text';
import { BusyOrError } from '../../common/BusyOrError';

const SignedRecord = lazy(() => import('../SignedRecord/SignedRecord'));

type SignAs = 'chair' | 'team-manager';

/**
 * Where the minutes stand: who has signed (chair and team manager), the circulation deadline, the
 * sign-off buttons the user may press, exports, and — once both have signed — amend and distribute.
 */
export function SignOffBar(props: MinutesLanguage & { view: MinutesView; autosave: MinutesAutosave | undefined; onView: (view: MinutesView) => void; onDistributed: () => void }) {
  const styles = useSignOffBarStyles();
  const { api } = useShell();
  const { view, t, language } = props;
  const lang = { t, language };
  const { minutes, you, meeting } = view;
  const [confirming, setConfirming] = useState<SignAs | undefined>();
  const [returning, setReturning] = useState(false);
  const [comments, setComments] = useState('');
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const signed = minutes.chairSignOff !== undefined && minutes.managerSignOff !== undefined;
  const memberName = (id: string) => isolatedUserText(view.members.find((member) => member.id === id)?.name ?? t('minutes.formerMemberLower'));
  const signOffText = (signOff: SignOff | undefined) => (signOff ? t('signOff.signedBy', { name: memberName(signOff.memberId), at: formatInstantIn(language, signOff.at) }) : t('signOff.notSigned'));

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(errorTextIn(failure, t));
    } finally {
      setBusy(undefined);
    }
  };

  const sign = (as: SignAs) =>
    run(t('signOff.signing'), async () => {
      if (props.autosave && !(await props.autosave.flush())) {
        setError(t('signOff.unsaved'));
        return;
      }
      setConfirming(undefined);
      props.onView(await api.send<MinutesView>('POST', `/api/meetings/${meeting.id}/minutes/sign-off`, { as } satisfies SignOffRequest));
    });

  const sendBack = () =>
    run(t('signOff.sendingBack'), async () => {
      if (comments.trim() === '') {
        setError(t('signOff.needComments'));
        return;
      }
      const body: ReturnToChairRequest = { comments };
      props.onView(await api.send<MinutesView>('POST', `/api/meetings/${meeting.id}/minutes/return`, body));
      setReturning(false);
      setComments('');
    });

  const exportAs = (format: ExportFormat) =>
    run(t('signOff.preparing', { format: format.toUpperCase() }), async () => {
      await props.autosave?.flush();
      await saveDownload(api, { path: `/api/meetings/${meeting.id}/minutes/export.${format}`, fallbackName: `minutes-${meeting.caseReference}-${meeting.date}.${format}` });
    });

  // Only minutes of a meeting that took place are signed (the server refuses the rest too).
  const signable = meeting.started && (meeting.status === 'scheduled' || meeting.status === 'held');
  const canSignChair = signable && you.canSignAsChair && !minutes.chairSignOff;
  const canSignManager = signable && you.canSignAsManager && !minutes.managerSignOff && minutes.chairSignOff !== undefined;

  return (
    <section className={styles.root} aria-labelledby="sign-off-heading">
      <h2 id="sign-off-heading" className={styles.heading}>
        {t('signOff.heading')}
      </h2>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('signOff.chair')}</dt>
        <dd className={styles.value}>{signOffText(minutes.chairSignOff)}</dd>
        <dt className={styles.term}>{t('signOff.teamManager')}</dt>
        <dd className={styles.value}>{signOffText(minutes.managerSignOff)}</dd>
        <dt className={styles.term}>{t('signOff.circulateBy')}</dt>
        <dd className={styles.value}>
          <MinutesDueDate {...lang} due={view.circulation.due} status={view.circulation.status} />
          {view.circulation.amendmentToCirculate && (
            <span className={styles.paragraph}>
              {' '}
              {t('signOff.amendmentToCirculate')}
            </span>
          )}
        </dd>
        {minutes.amendmentReason && (
          <>
            <dt className={styles.term}>{t('signOff.amended')}</dt>
            <dd className={styles.value}>{isolatedUserText(minutes.amendmentReason)}</dd>
          </>
        )}
      </dl>

      {(canSignChair || canSignManager || you.canExport) && (
        <div className={styles.buttons}>
          {canSignChair && (
            <Button appearance="primary" disabled={busy !== undefined} onClick={() => setConfirming('chair')}>
              {t('signOff.signAsChair')}
            </Button>
          )}
          {canSignManager && (
            <>
              <Button appearance="primary" disabled={busy !== undefined} onClick={() => setConfirming('team-manager')}>
                {t('signOff.signAsManager')}
              </Button>
              <Button disabled={busy !== undefined} onClick={() => (setConfirming(undefined), setReturning(true))}>
                {t('signOff.sendBackStart')}
              </Button>
            </>
          )}
          {you.canExport && (
            <>
              <Button disabled={busy !== undefined} onClick={() => void exportAs('docx')}>
                {t('signOff.exportDocx')}
              </Button>
              <Button disabled={busy !== undefined} onClick={() => void exportAs('pdf')}>
                {t('signOff.exportPdf')}
              </Button>
            </>
          )}
        </div>
      )}

      {confirming && (
        <div className={styles.confirm} role="group" aria-labelledby="sign-confirm">
          <p id="sign-confirm" className={styles.paragraph} ref={confirmRef} tabIndex={-1}>
            {confirming === 'chair' ? t('signOff.confirmChair') : t('signOff.confirmManager')}
          </p>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy !== undefined} onClick={() => void sign(confirming)}>
              {confirming === 'chair' ? t('signOff.signAsChair') : t('signOff.signAsManager')}
            </Button>
            <Button disabled={busy !== undefined} onClick={() => setConfirming(undefined)}>
              {t('signOff.cancel')}
            </Button>
          </div>
        </div>
      )}

      {returning && (
        <div className={styles.confirm} role="group" aria-labelledby="return-heading">
          <p id="return-heading" className={styles.paragraph}>
            {t('signOff.sendBackExplained')}
          </p>
          <Field label={t('signOff.comments')} required>
            <Textarea value={comments} resize="vertical" maxLength={4000} onChange={(_event, data) => setComments(data.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy !== undefined} onClick={() => void sendBack()}>
              {t('signOff.sendBack')}
            </Button>
            <Button disabled={busy !== undefined} onClick={() => setReturning(false)}>
              {t('signOff.cancel')}
            </Button>
          </div>
        </div>
      )}

      <BusyOrError busy={busy} error={error} />

      {(signed || view.deliveries.length > 0) && (
        <Suspense fallback={<Spinner size="tiny" label={t('minutes.loading')} />}>
          <SignedRecord {...lang} view={view} onView={props.onView} onDistributed={props.onDistributed} />
        </Suspense>
      )}
    </section>
  );
}
