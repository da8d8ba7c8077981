import { Button, Field, MessageBar, MessageBarBody, Spinner, Textarea } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/api.client';
import type { FamilyItem, FamilyReviewRequest, FamilySignOffRequest, FamilyVersionReview } from '@contracts/family-version.contract';
import { errorTextIn } from '../../common/error-text';
import { formatInstantIn } from '../../common/format';
import type { MinutesLanguage } from '../minutes-language';
import { isolatedUserText } from '../../common/display-text';
import { useShell } from '../../shell/shell.context';
import { useSignOffBarStyles } from '../SignOffBar/SignOffBar.styles';
import { useFamilyVersionStyles } from './FamilyVersion.styles';
import { BusyOrError } from '../../common/BusyOrError';
import { familyItemText } from './family-line-text';

/** Who signed the family version off and when, in the page's language (no name: a former member). */
function signedOffText(signedOff: NonNullable<FamilyVersionReview['signedOff']>, { t, language }: Pick<MinutesLanguage, 't' | 'language'>): string {
  const at = formatInstantIn(language, signedOff.at);
  return signedOff.by === undefined ? t('familyVersion.signedOffFormer', { at }) : t('familyVersion.signedOff', { by: isolatedUserText(signedOff.by), at });
}

/** What the reviewer did to an item: removed it or not, and their own words for it (`text`; absent: as it was prepared or written). */
interface ItemEdit {
  readonly removed: boolean;
  readonly text?: string | undefined;
}

/**
 * The family version of signed minutes (issue 14): what the family and the child receive instead
 * of the professional minutes. The chair or the lead social worker sees the text prepared for each
 * section (everything professional-only already left out), removes or rewords items, writes a
 * plain-language summary and signs it off; only then does Distribute send it to the family. Shown
 * only to those who may review it.
 */
export function FamilyVersion(props: MinutesLanguage & { meetingId: string }) {
  const frame = useSignOffBarStyles();
  const styles = useFamilyVersionStyles();
  const { api } = useShell();
  const { t, language } = props;
  const path = `/api/meetings/${encodeURIComponent(props.meetingId)}/family-version`;
  const [review, setReview] = useState<FamilyVersionReview | undefined>();
  const [edits, setEdits] = useState<Record<string, ItemEdit>>({});
  const [summary, setSummary] = useState('');
  const [hidden, setHidden] = useState(false);
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  const show = useCallback((fresh: FamilyVersionReview) => {
    setReview(fresh);
    setSummary(fresh.summary);
    setEdits(Object.fromEntries(fresh.sections.flatMap((section) => section.items).map((item) => [item.id, { removed: item.removed }])));
  }, []);

  useEffect(() => {
    let live = true;
    api
      .get<FamilyVersionReview>(path)
      .then((fresh) => live && show(fresh))
      .catch((failure: unknown) => {
        if (!live) return;
        if (failure instanceof ApiError && failure.status === 403) setHidden(true);
        else setError(errorTextIn(failure, t));
      });
    return () => {
      live = false;
    };
  }, [api, path, show, t]);

  if (hidden) return null;
  if (!review) {
    return error ? (
      <MessageBar intent="error">
        <MessageBarBody>{t('familyVersion.failed', { reason: error })}</MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner size="tiny" label={t('familyVersion.preparing')} />
    );
  }

  const signedOff = review.signedOff !== undefined;
  const withheld = !review.sharing.withFamily && !review.sharing.withChild;
  const allItems = review.sections.flatMap((section) => section.items);
  const shown = (item: FamilyItem) => familyItemText(props, item);
  const editOf = (item: FamilyItem): ItemEdit => edits[item.id] ?? { removed: item.removed };
  /** The reviewer's words for an item, when they changed what it says. */
  const rewordedText = (item: FamilyItem) => {
    const text = editOf(item).text;
    return text !== undefined && text !== shown(item) ? text : undefined;
  };
  const changed = summary.trim() !== review.summary || allItems.some((item) => editOf(item).removed !== item.removed || rewordedText(item) !== undefined);
  const edit = (item: FamilyItem, change: Partial<ItemEdit>) => setEdits((current) => ({ ...current, [item.id]: { ...(current[item.id] ?? { removed: item.removed }), ...change } }));

  const run = async (label: string, work: () => Promise<FamilyVersionReview>) => {
    setBusy(label);
    setError(undefined);
    try {
      show(await work());
    } catch (failure) {
      setError(errorTextIn(failure, t));
    } finally {
      setBusy(undefined);
    }
  };
  const save = () =>
    run(t('familyVersion.saving'), () =>
      api.send<FamilyVersionReview>('PUT', path, { baseVersion: review.version, summary: summary.trim(), items: allItems.map((item) => ({ id: item.id, removed: editOf(item).removed, text: rewordedText(item) })) } satisfies FamilyReviewRequest),
    );
  const signOff = () =>
    run(t('familyVersion.signingOff'), () => api.send<FamilyVersionReview>('POST', `${path}/sign-off`, { version: review.version } satisfies FamilySignOffRequest));

  return (
    <section className={frame.root} aria-labelledby="family-version-heading">
      <h2 id="family-version-heading" className={frame.heading}>
        {t('familyVersion.heading')}
      </h2>
      {withheld ? (
        <MessageBar intent="warning">
          <MessageBarBody>{review.sharing.withheldReason === undefined ? t('familyVersion.withheldNoReason') : t('familyVersion.withheld', { reason: isolatedUserText(review.sharing.withheldReason) })}</MessageBarBody>
        </MessageBar>
      ) : (
        <p className={frame.paragraph}>
          {signedOff ? signedOffText(review.signedOff!, { t, language }) : t('familyVersion.explained')}
        </p>
      )}
      <details>
        <summary>{t('familyVersion.leftOut')}</summary>
        <ul className={styles.leftOut}>
          {review.leftOut.map((part) => (
            <li key={part}>{t(`familyLeftOut.${part}`)}</li>
          ))}
          <li>{t('familyVersion.thirdParty')}</li>
        </ul>
      </details>
      <Field label={t('familyVersion.summary')} required hint={t('familyVersion.summaryHint')}>
        <Textarea value={summary} readOnly={signedOff} resize="vertical" maxLength={10_000} onChange={(_event, data) => setSummary(data.value)} />
      </Field>
      <div className={styles.sections}>
        {review.sections.map((section) => {
          const title = t(`familyVersion.section.${section.section}`);
          return (
            <div key={section.section} className={styles.section}>
              <h3 className={styles.sectionTitle}>{title}</h3>
              {section.items.map((item) => {
                const { removed, text } = editOf(item);
                return (
                  <div key={item.id} className={styles.item}>
                    <Textarea aria-label={t('familyVersion.item', { section: title })} className={styles.itemText} textarea={{ className: removed ? styles.removed : undefined }} value={text ?? shown(item)} readOnly={signedOff || removed} resize="vertical" onChange={(_event, data) => edit(item, { text: data.value })} />
                    {!signedOff && (
                      <Button size="small" aria-label={removed ? t('familyVersion.putBackItem', { section: title }) : t('familyVersion.removeItem', { section: title })} onClick={() => edit(item, { removed: !removed })}>
                        {removed ? t('familyVersion.putBack') : t('familyVersion.remove')}
                      </Button>
                    )}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
      {!signedOff && !withheld && (
        <div className={frame.buttons}>
          <Button disabled={busy !== undefined || !changed} onClick={() => void save()}>
            {t('familyVersion.save')}
          </Button>
          <Button appearance="primary" disabled={busy !== undefined || changed || review.summary === ''} onClick={() => void signOff()}>
            {t('familyVersion.signOff')}
          </Button>
        </div>
      )}
      <BusyOrError busy={busy} error={error} />
    </section>
  );
}
