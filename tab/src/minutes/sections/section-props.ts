import type { SectionName, SectionValues } from '@contracts/minutes.contract';
import type { MinutesLanguage } from '../minutes-language';

/** What every section editor takes: its value from the autosave, where a change goes, and the page's language. */
export interface SectionEditorProps<S extends SectionName> extends MinutesLanguage {
  value: SectionValues[S];
  onChange: (value: SectionValues[S]) => void;
  readOnly: boolean;
}
