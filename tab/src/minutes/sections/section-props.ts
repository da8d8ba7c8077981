import type { SectionName, SectionValues } from '@contracts/minutes.contract';

/** What every section editor takes: its value from the autosave, and where a change goes. */
export interface SectionEditorProps<S extends SectionName> {
  value: SectionValues[S];
  onChange: (value: SectionValues[S]) => void;
  readOnly: boolean;
}
