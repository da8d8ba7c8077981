import { Button, Field, Textarea } from '@fluentui/react-components';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';
import { useFocusNew } from './use-focus-new';

/** The decisions the group made, one per line item; added and removed here. */
export function DecisionsSection(props: SectionEditorProps<'decisions'>) {
  const styles = useSectionStyles();
  const { t } = props;
  const focus = useFocusNew();
  const set = (index: number, text: string) => props.onChange(props.value.map((decision, at) => (at === index ? text : decision)));

  return (
    <>
      {props.value.length === 0 && <p className={styles.plain}>{t('minutesSections.decisions.none')}</p>}
      <ol className={styles.list}>
        {props.value.map((decision, index) => (
          <li key={index} className={styles.fieldset}>
            <Field label={t('minutesSections.decisions.item', { number: index + 1 })}>
              <Textarea ref={focus.rowRef(index)} value={decision} readOnly={props.readOnly} resize="vertical" maxLength={2000} onChange={(_event, data) => set(index, data.value)} />
            </Field>
            {!props.readOnly && (
              <div className={styles.actions}>
                <Button
                  onClick={() => {
                    props.onChange(props.value.filter((_decision, at) => at !== index));
                    focus.focusAddButton();
                  }}
                >
                  {t('minutesSections.decisions.remove', { number: index + 1 })}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {!props.readOnly && (
        <div className={styles.actions}>
          <Button
            ref={focus.addButton}
            onClick={() => {
              focus.focusRow(props.value.length);
              props.onChange([...props.value, '']);
            }}
          >
            {t('minutesSections.decisions.add')}
          </Button>
        </div>
      )}
    </>
  );
}
