import { Badge, Button, Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { ChatContribution, ContributionDecisionRequest, NoteSection } from '@contracts/minutes.contract';
import { NOTE_TARGETS } from '../../api/api.constants';
import { errorText } from '../../common/error-text';
import { formatInstant } from '../../common/format';
import { useSectionStyles } from './sections.styles';
import { isolatedUserText } from '../../common/display-text';

const KIND_LABELS: Readonly<Record<ChatContribution['kind'], string>> = { note: 'Note', decision: 'Decision', action: 'Action' };

export const NOTE_TARGET_LABELS: Readonly<Record<NoteSection, string>> = {
  childsVoice: "The child's voice",
  worries: 'Signs of Safety: worries',
  workingWell: 'Signs of Safety: working well',
  needsToHappen: 'Signs of Safety: needs to happen',
  contingencyReview: 'Contingency plan review',
};

/**
 * What members added from the meeting chat (`/coregroup note|decision|action`), attributed and
 * time-stamped, waiting for the chair to take it into the minutes or drop it.
 */
export function ContributionsSection(props: {
  contributions: readonly ChatContribution[];
  memberName: (id: string) => string;
  canDecide: boolean;
  onDecide: (contribution: ChatContribution, decision: ContributionDecisionRequest) => Promise<void>;
}) {
  const styles = useSectionStyles();
  const [targets, setTargets] = useState<Record<string, NoteSection>>({});
  const [busy, setBusy] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});

  if (props.contributions.length === 0) return <p className={styles.plain}>Nothing waiting from the meeting chat.</p>;

  const decide = async (contribution: ChatContribution, decision: ContributionDecisionRequest) => {
    setBusy(contribution.id);
    setErrors((current) => ({ ...current, [contribution.id]: '' }));
    try {
      await props.onDecide(contribution, decision);
    } catch (error) {
      setErrors((current) => ({ ...current, [contribution.id]: errorText(error) }));
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
                  {KIND_LABELS[contribution.kind]}
                </Badge>
                <span className={styles.meta}>
                  {props.memberName(contribution.memberId)}, {formatInstant(contribution.at)}
                </span>
              </div>
              <p id={titleId} className={styles.plain}>
                {isolatedUserText(contribution.text)}
              </p>
              {contribution.kind === 'action' && (
                <p className={styles.meta}>
                  Owner as typed: {isolatedUserText(contribution.ownerName ?? 'none')} · due as typed: {isolatedUserText(contribution.due ?? 'none')}
                </p>
              )}
              {props.canDecide && (
                <div className={styles.row}>
                  {contribution.kind === 'note' && (
                    <Field className={styles.grow} label="Add the note to">
                      <Select className={styles.select} value={target} onChange={(_event, data) => setTargets((current) => ({ ...current, [contribution.id]: data.value as NoteSection }))}>
                        {NOTE_TARGETS.map((name) => (
                          <option key={name} value={name}>
                            {NOTE_TARGET_LABELS[name]}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  )}
                  <div className={styles.actions}>
                    <Button appearance="primary" disabled={busy !== undefined} onClick={() => void decide(contribution, { decision: 'accept', into: contribution.kind === 'note' ? target : undefined })}>
                      Accept
                    </Button>
                    <Button disabled={busy !== undefined} onClick={() => void decide(contribution, { decision: 'drop' })}>
                      Drop
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
