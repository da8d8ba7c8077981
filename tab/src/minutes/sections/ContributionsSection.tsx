import { Badge, Button, Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { ChatContribution, ContributionDecisionRequest, NoteSection } from '@contracts/minutes.contract';
import { NOTE_TARGETS } from '../../api/api.constants';
import { errorTextIn } from '../../common/error-text';
import { formatInstantIn } from '../../common/format';
import type { MinutesLanguage } from '../minutes-language';
import { useSectionStyles } from './sections.styles';
import { isolatedUserText } from '../../common/display-text';

/**
 * What members added from the meeting chat (`/coregroup note|decision|action`), attributed and
 * time-stamped, waiting for the chair to take it into the minutes or drop it.
 */
export function ContributionsSection(props: MinutesLanguage & {
  contributions: readonly ChatContribution[];
  memberName: (id: string) => string;
  canDecide: boolean;
  onDecide: (contribution: ChatContribution, decision: ContributionDecisionRequest) => Promise<void>;
}) {
  const styles = useSectionStyles();
  const { t, language } = props;
  const [targets, setTargets] = useState<Record<string, NoteSection>>({});
  const [busy, setBusy] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});

  if (props.contributions.length === 0) return <p className={styles.plain}>{t('minutesSections.contributions.none')}</p>;

  const decide = async (contribution: ChatContribution, decision: ContributionDecisionRequest) => {
    setBusy(contribution.id);
    setErrors((current) => ({ ...current, [contribution.id]: '' }));
    try {
      await props.onDecide(contribution, decision);
    } catch (error) {
      setErrors((current) => ({ ...current, [contribution.id]: errorTextIn(error, t) }));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <ul className={styles.list}>
      {props.contributions.map((contribution) => {
        const titleId = `contribution-${contribution.id}`;
        const target = targets[contribution.id] ?? 'childsVoice';
        return (
          <li key={contribution.id}>
            <div className={styles.item} role="group" aria-labelledby={titleId}>
              <div className={styles.itemHeader}>
                <Badge appearance="outline" color={contribution.kind === 'action' ? 'important' : contribution.kind === 'decision' ? 'brand' : 'informative'}>
                  {t(`minutesSections.contributions.kind.${contribution.kind}`)}
                </Badge>
                <span className={styles.meta}>{t('minutesSections.contributions.by', { name: props.memberName(contribution.memberId), at: formatInstantIn(language, contribution.at) })}</span>
              </div>
              <p id={titleId} className={styles.plain}>
                {isolatedUserText(contribution.text)}
              </p>
              {contribution.kind === 'action' && (
                <p className={styles.meta}>
                  {t('minutesSections.contributions.asTyped', {
                    owner: isolatedUserText(contribution.ownerName ?? t('minutesSections.contributions.notTyped')),
                    due: isolatedUserText(contribution.due ?? t('minutesSections.contributions.notTyped')),
                  })}
                </p>
              )}
              {props.canDecide && (
                <div className={styles.row}>
                  {contribution.kind === 'note' && (
                    <Field className={styles.grow} label={t('minutesSections.contributions.into')}>
                      <Select className={styles.select} value={target} onChange={(_event, data) => setTargets((current) => ({ ...current, [contribution.id]: data.value as NoteSection }))}>
                        {NOTE_TARGETS.map((name) => (
                          <option key={name} value={name}>
                            {t(`minutesSections.contributions.target.${name}`)}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  )}
                  <div className={styles.actions}>
                    <Button appearance="primary" disabled={busy !== undefined} onClick={() => void decide(contribution, { decision: 'accept', into: contribution.kind === 'note' ? target : undefined })}>
                      {t('minutesSections.contributions.accept')}
                    </Button>
                    <Button disabled={busy !== undefined} onClick={() => void decide(contribution, { decision: 'drop' })}>
                      {t('minutesSections.contributions.drop')}
                    </Button>
                  </div>
                </div>
              )}
              {errors[contribution.id] && (
                <MessageBar intent="error">
                  <MessageBarBody>{errors[contribution.id]}</MessageBarBody>
                </MessageBar>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
