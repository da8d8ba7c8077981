import type { CivilDate } from '../../domain/civil-date';
import type { CoreGroup } from '../../domain/core-group';
import type { CaseTimeline, Obligation } from '../../domain/obligations';
import type { CheckIn, PlanAction } from '../../domain/plan';
import type { Signal } from '../../domain/signals';

/** A case's status as judged from its record, before whose it is (the role) and its booked series are added. */
export interface Judged {
  readonly obligations: readonly Obligation[];
  readonly signals: readonly Signal[];
  readonly actions: readonly (PlanAction & { readonly lastCheckIn?: CheckIn | undefined })[];
  readonly timeline: CaseTimeline;
}

/** What a judgement holds for: the case as it was (its revision and the dates and policy on the group's own row) and the day it was judged on. */
export interface JudgedAt {
  readonly coreGroup: Pick<CoreGroup, 'id' | 'policyId' | 'icpcDate' | 'planEndedOn'>;
  readonly revision: string;
  readonly asOf: string;
}

/**
 * Judged statuses kept in this process, each for exactly the case revision and day it was judged
 * at: the database moves a case's revision on whenever anything its status is judged from changes
 * (migration 0006), so a kept judgement is never stale — a changed case, or a new day, is judged
 * again. Holds case content (action text) in memory only, for at most `maxCases` cases, the least
 * recently used dropped first. A team manager's 150 cases are judged once, not on every
 * `/coregroup status`.
 */
export function createJudgedStatusCache(options: { maxCases: number }) {
  const kept = new Map<string, { at: JudgedAt; judged: Judged }>();
  const sameDate = (a: CivilDate | undefined, b: CivilDate | undefined) => a === b || (a !== undefined && b !== undefined && a.toString() === b.toString());
  const holds = (was: JudgedAt, is: JudgedAt) =>
    was.revision === is.revision && was.asOf === is.asOf && was.coreGroup.policyId === is.coreGroup.policyId && sameDate(was.coreGroup.icpcDate, is.coreGroup.icpcDate) && sameDate(was.coreGroup.planEndedOn, is.coreGroup.planEndedOn);
  return {
    get(at: JudgedAt): Judged | undefined {
      const entry = kept.get(at.coreGroup.id);
      if (!entry || !holds(entry.at, at)) return undefined;
      kept.delete(at.coreGroup.id);
      kept.set(at.coreGroup.id, entry);
      return entry.judged;
    },
    set(at: JudgedAt, judged: Judged): void {
      kept.delete(at.coreGroup.id);
      kept.set(at.coreGroup.id, { at: { coreGroup: { id: at.coreGroup.id, policyId: at.coreGroup.policyId, icpcDate: at.coreGroup.icpcDate, planEndedOn: at.coreGroup.planEndedOn }, revision: at.revision, asOf: at.asOf }, judged });
      if (kept.size > options.maxCases) kept.delete(kept.keys().next().value!);
    },
  };
}

export type JudgedStatusCache = ReturnType<typeof createJudgedStatusCache>;
