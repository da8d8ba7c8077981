import type { Caller } from './authorise';
import { caseload, myActions, myStatus } from './case-status/caseload';
import { type CaseRequest, chooseCase } from './case-status/choose-case';
import { minutesOf } from './case-status/minutes-of';
import { planOf } from './case-status/plan-of';
import { type StatusDeps, statusOf } from './case-status/status-of';

export type { OwnAction } from './case-status/caseload';
export type { CaseChoice, CaseOption, CaseToChoose } from './case-status/choose-case';
export type { CoreGroupStatus, StatusDeps } from './case-status/status-of';

/**
 * Status of every core group the caller belongs to: obligations with their status, drift and
 * attendance signals, and the plan's actions. Each read is authorised and audited. One use case
 * per file under `case-status/`; this object binds them to their dependencies.
 */
export function createCaseStatusService(deps: StatusDeps) {
  return {
    statusOf: async (caller: Caller, coreGroupId: string) => (await statusOf(deps, { caller, coreGroupId })).status,
    minutesOf: (caller: Caller, coreGroupId: string) => minutesOf(deps, { caller, coreGroupId }),
    planOf: (caller: Caller, coreGroupId: string) => planOf(deps, { caller, coreGroupId }),
    myStatus: (caller: Caller, options?: Parameters<typeof myStatus>[2]) => myStatus(deps, caller, options),
    /** Which of the caller's cases a command is about (see `chooseCase`). */
    chooseCase: (request: CaseRequest) => chooseCase(deps, request),
    myActions: (caller: Caller) => myActions(deps, caller),
    /** `myStatus` and `myActions` from one read of each group (the dashboard). */
    caseload: (caller: Caller) => caseload(deps, caller),
  };
}

export type CaseStatusService = ReturnType<typeof createCaseStatusService>;
