import { Button } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useSectionStyles } from './sections.styles';
import { useFocusNew } from './use-focus-new';

/**
 * A section made of numbered items ("New action 2", "Agency update 1"), each a labelled group with
 * its own Remove button, and an Add button under them; keyboard focus follows what was added or
 * removed. `render` draws one item's fields; `firstField` goes on the field focused when it is added.
 * The words come translated: `heading(2)` is "New action 2", `removeLabel(2)` "Remove new action 2".
 */
export function ItemList<T>(props: {
  items: readonly T[];
  readOnly: boolean;
  /** The item's heading, numbered from 1: "Agency update 1". */
  heading: (number: number) => string;
  /** Its Remove button's words: "Remove agency update 1". */
  removeLabel: (number: number) => string;
  idPrefix: string;
  empty: string;
  addLabel: string;
  blank: () => T;
  onChange: (items: T[]) => void;
  render: (item: T, index: number, set: (update: Partial<T>) => void, firstField: (element: HTMLElement | null) => void) => ReactNode;
}) {
  const styles = useSectionStyles();
  const focus = useFocusNew();
  const set = (index: number) => (update: Partial<T>) => props.onChange(props.items.map((item, at) => (at === index ? { ...item, ...update } : item)));

  return (
    <>
      {props.items.length === 0 && <p className={styles.plain}>{props.empty}</p>}
      <ol className={styles.list}>
        {props.items.map((item, index) => {
          const legendId = `${props.idPrefix}-${index}`;
          return (
            <li key={index}>
              <div className={styles.item} role="group" aria-labelledby={legendId}>
                <h3 id={legendId} className={styles.subheading}>
                  {props.heading(index + 1)}
                </h3>
                {props.render(item, index, set(index), focus.rowRef(index))}
                {!props.readOnly && (
                  <div className={styles.actions}>
                    <Button
                      onClick={() => {
                        props.onChange(props.items.filter((_item, at) => at !== index));
                        focus.focusAddButton();
                      }}
                    >
                      {props.removeLabel(index + 1)}
                    </Button>
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {!props.readOnly && (
        <div className={styles.actions}>
          <Button
            ref={focus.addButton}
            onClick={() => {
              focus.focusRow(props.items.length);
              props.onChange([...props.items, props.blank()]);
            }}
          >
            {props.addLabel}
          </Button>
        </div>
      )}
    </>
  );
}
