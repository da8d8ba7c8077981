import type { SectionName, SectionValues } from '../../api/api.types';

/** What every section editor takes: its value from the autosave, and where a change goes. */
export interface SectionEditorProps<S extends SectionName> {
  value: SectionValues[S];
  onChange: (value: SectionValues[S]) => void;
  readOnly: boolean;
}
