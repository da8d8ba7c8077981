import { Button, Field, Spinner, Textarea } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import type { ExportFormat, MinutesView, ReturnToChairRequest, SignOff, SignOffRequest } from '@contracts/minutes.contract';
import { saveDownload } from '../../api/save-download';
import { errorText } from '../../common/error-text';
import { DueDate } from '../../common/DueDate';
import { formatInstant } from '../../common/format';
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
export function SignOffBar(props: { view: MinutesView; autosave: MinutesAutosave | undefined; onView: (view: MinutesView) => void; onDistributed: () => void }) {
  const styles = useSignOffBarStyles();
  const { api } = useShell();
  const { view } = props;
  const { minutes, you, meeting } = view;
  const [confirming, setConfirming] = useState<SignAs | undefined>();
  const [returning, setReturning] = useState(false);
  const [comments, setComments] = useState('');
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const signed = minutes.chairSignOff !== undefined && minutes.managerSignOff !== undefined;
  const memberName = (id: string) => isolatedUserText(view.members.find((member) => member.id === id)?.name ?? 'a former member');
  const signOffText = (signOff: SignOff | undefined) => (signOff ? `Signed by ${memberName(signOff.memberId)}, ${formatInstant(signOff.at)}` : 'Not signed yet');

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(undefined);
    }
  };

  const sign = (as: SignAs) =>
    run('Signing…', async () => {
      if (props.autosave && !(await props.autosave.flush())) {
        setError('Some sections are not saved yet. Resolve the sections marked above, then sign.');
        return;
      }
      setConfirming(undefined);
      props.onView(await api.send<MinutesView>('POST', `/api/meetings/${meeting.id}/minutes/sign-off`, { as } satisfies SignOffRequest));
    });

  const sendBack = () =>
    run('Sending back to the chair…', async () => {
      if (comments.trim() === '') {
        setError('Say what the chair should change.');
        return;
      }
      const body: ReturnToChairRequest = { comments };
      props.onView(await api.send<MinutesView>('POST', `/api/meetings/${meeting.id}/minutes/return`, body));
      setReturning(false);
      setComments('');
    });

  const exportAs = (format: ExportFormat) =>
    run(`Preparing the ${format.toUpperCase()}…`, async () => {
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
        Sign-off and circulation
      </h2>
      <dl className={styles.facts}>
        <dt className={styles.term}>Chair</dt>
        <dd className={styles.value}>{signOffText(minutes.chairSignOff)}</dd>
        <dt className={styles.term}>Team manager</dt>
        <dd className={styles.value}>{signOffText(minutes.managerSignOff)}</dd>
        <dt className={styles.term}>Circulate by</dt>
        <dd className={styles.value}>
          <DueDate due={view.circulation.due} status={view.circulation.status} />
          {view.circulation.amendmentToCirculate && <span className={styles.paragraph}> — this amended version is still to be circulated to everyone.</span>}
        </dd>
        {minutes.amendmentReason && (
          <>
            <dt className={styles.term}>Amended</dt>
            <dd className={styles.value}>{isolatedUserText(minutes.amendmentReason)}</dd>
          </>
        )}
      </dl>

      {(canSignChair || canSignManager || you.canExport) && (
        <div className={styles.buttons}>
          {canSignChair && (
            <Button appearance="primary" disabled={busy !== undefined} onClick={() => setConfirming('chair')}>
              Sign as chair
            </Button>
          )}
          {canSignManager && (
            <>
              <Button appearance="primary" disabled={busy !== undefined} onClick={() => setConfirming('team-manager')}>
                Sign as team manager
              </Button>
              <Button disabled={busy !== undefined} onClick={() => (setConfirming(undefined), setReturning(true))}>
                Send back to the chair…
              </Button>
            </>
          )}
          {you.canExport && (
            <>
              <Button disabled={busy !== undefined} onClick={() => void exportAs('docx')}>
                Export DOCX
              </Button>
              <Button disabled={busy !== undefined} onClick={() => void exportAs('pdf')}>
                Export PDF
              </Button>
            </>
          )}
        </div>
      )}

      {confirming && (
        <div className={styles.confirm} role="group" aria-labelledby="sign-confirm">
          <p id="sign-confirm" className={styles.paragraph} ref={confirmRef} tabIndex={-1}>
            Sign these minutes as {confirming === 'chair' ? 'chair' : 'team manager'}? Once both have signed they cannot be edited, only amended with a reason.
            {confirming === 'chair' && ' The new actions join the plan when the chair signs.'}
          </p>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy !== undefined} onClick={() => void sign(confirming)}>
              Sign as {confirming === 'chair' ? 'chair' : 'team manager'}
            </Button>
            <Button disabled={busy !== undefined} onClick={() => setConfirming(undefined)}>
              Cancel
            </Button>
          </div>
        </div>
      )}

      {returning && (
        <div className={styles.confirm} role="group" aria-labelledby="return-heading">
          <p id="return-heading" className={styles.paragraph}>
            Send these minutes back to the chair instead of signing? The chair’s signature is taken back; the chair makes the changes and signs again.
          </p>
          <Field label="What the chair should change" required>
            <Textarea value={comments} resize="vertical" maxLength={4000} onChange={(_event, data) => setComments(data.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy !== undefined} onClick={() => void sendBack()}>
              Send back to the chair
            </Button>
            <Button disabled={busy !== undefined} onClick={() => setReturning(false)}>
              Cancel
            </Button>
          </div>
        </div>
      )}

      <BusyOrError busy={busy} error={error} />

      {(signed || view.deliveries.length > 0) && (
        <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
          <SignedRecord view={view} onView={props.onView} onDistributed={props.onDistributed} />
        </Suspense>
      )}
    </section>
  );
}
