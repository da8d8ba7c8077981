import type { CivilDate } from '../domain/civil-date';
import type { TeamCase } from '../services/case-status/team-view';
import { toCsv } from './csv';

const HEADER = ['Lead social worker', 'Case reference', 'Overdue', 'At risk', 'Due this week', 'Open concerns', 'Blocked actions'];

/** The team view as a CSV for Excel: case references only, never the child's name; the file's name names the day, not a case. */
export function teamCsv(cases: readonly TeamCase[], today: CivilDate): { file: Buffer; fileName: string } {
  const rows = cases.map((entry) => [entry.leadSocialWorker ?? '', entry.caseReference, entry.overdue, entry.atRisk, entry.dueThisWeek, entry.openConcerns, entry.blockedActions]);
  return { file: Buffer.from(toCsv(HEADER, rows), 'utf8'), fileName: `core-groups-team-${today.toString()}.csv` };
}
