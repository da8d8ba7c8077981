import { useRef } from 'react';

/**
 * Keyboard users land in the row they just added, and on the "Add" button after removing one,
 * instead of being dropped at the top of the page.
 */
export function useFocusNew() {
  const pending = useRef<number | undefined>(undefined);
  const addButton = useRef<HTMLButtonElement>(null);
  return {
    addButton,
    /** Focus the first field of row `index` once it has rendered. */
    focusRow(index: number) {
      pending.current = index;
    },
    focusAddButton() {
      window.requestAnimationFrame(() => addButton.current?.focus());
    },
    rowRef(index: number) {
      return (element: HTMLElement | null) => {
        if (element && pending.current === index) {
          pending.current = undefined;
          element.focus();
        }
      };
    },
  };
}
