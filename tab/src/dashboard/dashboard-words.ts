import { obligationLabel } from '../common/labels';
import type { TabTranslate } from '../i18n/i18n';

/** A kind of statutory deadline by name ("Core group meeting"); a kind the catalogue does not know, in words. */
export function obligationIn(t: TabTranslate, kind: string): string {
  return t(`dashLabels.obligation.${kind}`, { defaultValue: obligationLabel(kind) });
}
