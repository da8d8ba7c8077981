import type { CivilDate } from '../domain/civil-date';
import type { Words } from '../i18n/words';
import type { TeamCase } from '../services/case-status/team-view';
import { toCsv } from './csv';

const COLUMNS = ['leadSocialWorker', 'caseReference', 'overdue', 'atRisk', 'dueThisWeek', 'openConcerns', 'blockedActions'] as const;

/**
 * The team view as a CSV for Excel, its header in the reader's words: case references only, never
 * the child's name; the file's name names the day, not a case.
 */
export function teamCsv(cases: readonly TeamCase[], options: { today: CivilDate; words: Words }): { file: Buffer; fileName: string } {
  const header = COLUMNS.map((column) => options.words.t(`teamCsv.column.${column}`));
  const rows = cases.map((entry) => [entry.leadSocialWorker ?? '', entry.caseReference, entry.overdue, entry.atRisk, entry.dueThisWeek, entry.openConcerns, entry.blockedActions]);
  return { file: Buffer.from(toCsv(header, rows), 'utf8'), fileName: `core-groups-team-${options.today.toString()}.csv` };
}
