import { Button, Field, MessageBar, MessageBarBody, Spinner, Textarea } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/api.client';
import type { FamilyItem, FamilyReviewRequest, FamilySignOffRequest, FamilyVersionReview } from '@contracts/family-version.contract';
import { errorText } from '../../common/error-text';
import { formatInstant } from '../../common/format';
import { isolatedUserText } from '../../common/display-text';
import { useShell } from '../../shell/shell.context';
import { useSignOffBarStyles } from '../SignOffBar/SignOffBar.styles';
import { useFamilyVersionStyles } from './FamilyVersion.styles';
import { BusyOrError } from '../../common/BusyOrError';

/**
 * The family version of signed minutes (issue 14): what the family and the child receive instead
 * of the professional minutes. The chair or the lead social worker sees the text prepared for each
 * section (everything professional-only already left out), removes or rewords items, writes a
 * plain-language summary and signs it off; only then does Distribute send it to the family. Shown
 * only to those who may review it.
 */
export function FamilyVersion(props: { meetingId: string }) {
  const frame = useSignOffBarStyles();
  const styles = useFamilyVersionStyles();
  const { api } = useShell();
  const path = `/api/meetings/${encodeURIComponent(props.meetingId)}/family-version`;
  const [review, setReview] = useState<FamilyVersionReview | undefined>();
  const [items, setItems] = useState<Record<string, FamilyItem>>({});
  const [summary, setSummary] = useState('');
  const [hidden, setHidden] = useState(false);
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  const show = useCallback((fresh: FamilyVersionReview) => {
    setReview(fresh);
    setSummary(fresh.summary);
    setItems(Object.fromEntries(fresh.sections.flatMap((section) => section.items).map((item) => [item.id, item])));
  }, []);

  useEffect(() => {
    let live = true;
    api
      .get<FamilyVersionReview>(path)
      .then((fresh) => live && show(fresh))
      .catch((failure: unknown) => {
        if (!live) return;
        if (failure instanceof ApiError && failure.status === 403) setHidden(true);
        else setError(errorText(failure));
      });
    return () => {
      live = false;
    };
  }, [api, path, show]);

  if (hidden) return null;
  if (!review) {
    return error ? (
      <MessageBar intent="error">
        <MessageBarBody>The family version could not be loaded: {error}</MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner size="tiny" label="Preparing the family version…" />
    );
  }

  const signedOff = review.signedOff !== undefined;
  const withheld = !review.sharing.withFamily && !review.sharing.withChild;
  const changed = summary.trim() !== review.summary || review.sections.some((section) => section.items.some((item) => items[item.id]?.text !== item.text || items[item.id]?.removed !== item.removed));
  const edit = (id: string, change: Partial<FamilyItem>) => setItems((current) => ({ ...current, [id]: { ...current[id]!, ...change } }));

  const run = async (label: string, work: () => Promise<FamilyVersionReview>) => {
    setBusy(label);
    setError(undefined);
    try {
      show(await work());
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(undefined);
    }
  };
  const save = () =>
    run('Saving the review…', () =>
      api.send<FamilyVersionReview>('PUT', path, { baseVersion: review.version, summary: summary.trim(), items: Object.values(items).map(({ id, text, removed }) => ({ id, text, removed })) } satisfies FamilyReviewRequest),
    );
  const signOff = () =>
    run('Signing off…', () => api.send<FamilyVersionReview>('POST', `${path}/sign-off`, { version: review.version } satisfies FamilySignOffRequest));

  return (
    <section className={frame.root} aria-labelledby="family-version-heading">
      <h2 id="family-version-heading" className={frame.heading}>
        The family version
      </h2>
      {withheld ? (
        <MessageBar intent="warning">
          <MessageBarBody>Withheld from the family and the child: {isolatedUserText(review.sharing.withheldReason ?? 'no reason was recorded (decided before sharing became the default)')}</MessageBarBody>
        </MessageBar>
      ) : (
        <p className={frame.paragraph}>
          {signedOff
            ? `Signed off by ${isolatedUserText(review.signedOff!.by)} on ${formatInstant(review.signedOff!.at)}: this is what the family receives.`
            : 'What the family and the child receive instead of these minutes, in plain language. Remove or reword anything they should not have, write a short summary, then sign it off.'}
        </p>
      )}
      <details>
        <summary>Always left out</summary>
        <ul className={styles.leftOut}>
          {review.leftOut.map((why) => (
            <li key={why}>{why}</li>
          ))}
          <li>anything from the police or another third-party agency</li>
        </ul>
      </details>
      <Field label="Summary for the family" required hint="A few plain sentences: what the meeting decided and what happens next.">
        <Textarea value={summary} readOnly={signedOff} resize="vertical" maxLength={10_000} onChange={(_event, data) => setSummary(data.value)} />
      </Field>
      <div className={styles.sections}>
        {review.sections.map((section) => (
          <div key={section.section} className={styles.section}>
            <h3 className={styles.sectionTitle}>{section.title}</h3>
            {section.items.map((prepared) => {
              const item = items[prepared.id] ?? prepared;
              return (
                <div key={item.id} className={styles.item}>
                  <Textarea aria-label={`${section.title}: item`} className={styles.itemText} textarea={{ className: item.removed ? styles.removed : undefined }} value={item.text} readOnly={signedOff || item.removed} resize="vertical" onChange={(_event, data) => edit(item.id, { text: data.value })} />
                  {!signedOff && (
                    <Button size="small" aria-label={`${item.removed ? 'Put back' : 'Remove'} this item of “${section.title}”`} onClick={() => edit(item.id, { removed: !item.removed })}>
                      {item.removed ? 'Put back' : 'Remove'}
                    </Button>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {!signedOff && !withheld && (
        <div className={frame.buttons}>
          <Button disabled={busy !== undefined || !changed} onClick={() => void save()}>
            Save the review
          </Button>
          <Button appearance="primary" disabled={busy !== undefined || changed || review.summary === ''} onClick={() => void signOff()}>
            Sign off the family version
          </Button>
        </div>
      )}
      <BusyOrError busy={busy} error={error} />
    </section>
  );
}
