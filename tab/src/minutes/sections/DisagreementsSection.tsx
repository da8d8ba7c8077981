import { Checkbox, Field, Textarea } from '@fluentui/react-components';
import { formatInstantIn } from '../../common/format';
import type { MinutesLanguage } from '../minutes-language';
import { ItemList } from './ItemList';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';

/** What became of a significant disagreement once the minutes are signed, as the server recorded it. */
export function escalationText(concern: { raisedAt: string } | null | undefined, conferenceChairReachable: boolean, { t, language }: MinutesLanguage): string {
  if (!concern) return t('minutesSections.disagreements.notRaised');
  const on = formatInstantIn(language, concern.raisedAt);
  return conferenceChairReachable ? t('minutesSections.disagreements.raised', { on }) : t('minutesSections.disagreements.raisedNoChair', { on });
}

/**
 * Disagreements, each marked significant when it must go to the team manager and conference chair
 * (seed 002). Once the minutes are signed, each significant one says what the server recorded: the
 * concern raised and when (and when nobody is the conference chair, that the chair was not told),
 * or that none was raised.
 */
export function DisagreementsSection(props: SectionEditorProps<'disagreements'> & { signed: boolean; concerns: readonly ({ raisedAt: string } | null)[]; conferenceChairReachable: boolean }) {
  const styles = useSectionStyles();
  const { t } = props;
  return (
    <ItemList
      items={props.value}
      readOnly={props.readOnly}
      heading={(number) => t('minutesSections.disagreements.item', { number })}
      removeLabel={(number) => t('minutesSections.disagreements.remove', { number })}
      idPrefix="disagreement"
      empty={t('minutesSections.disagreements.none')}
      addLabel={t('minutesSections.disagreements.add')}
      blank={() => ({ text: '', significant: false })}
      onChange={props.onChange}
      render={(item, index, set, firstField) => (
        <>
          <Field label={t('minutesSections.disagreements.text')} required={!props.readOnly}>
            <Textarea ref={firstField} value={item.text} readOnly={props.readOnly} resize="vertical" maxLength={4000} onChange={(_event, data) => set({ text: data.value })} />
          </Field>
          <Checkbox checked={item.significant} disabled={props.readOnly} label={t('minutesSections.disagreements.significant')} onChange={(_event, data) => set({ significant: data.checked === true })} />
          {props.signed && item.significant && <p className={styles.plain}>{escalationText(props.concerns[index], props.conferenceChairReachable, props)}</p>}
        </>
      )}
    />
  );
}
