import type { TeamResponse } from '../contracts/team.contract';
import type { TeamCase } from '../services/team-view.service';

/** `GET /api/team`: only the fields the contract names; a case without a lead social worker says null. */
export function toTeamResponse(cases: readonly TeamCase[]): TeamResponse {
  return {
    cases: cases.map((entry) => ({
      coreGroupId: entry.coreGroupId,
      caseReference: entry.caseReference,
      leadSocialWorker: entry.leadSocialWorker ?? null,
      overdue: entry.overdue,
      atRisk: entry.atRisk,
      dueThisWeek: entry.dueThisWeek,
      openConcerns: entry.openConcerns,
      blockedActions: entry.blockedActions,
    })),
  };
}
