import { type ConcernDecision, type ConcernTransition, TRANSITION_OF, afterDecision, decisionNeedsText } from '../../domain/concern-steps';
import { ForbiddenError, RuleViolationError, said } from '../../domain/errors';
import { can } from '../../domain/permissions';
import type { Caller } from '../authorise';
import { uuidFromKey } from '../deterministic-id';
import type { AreaContactRepository, ConcernHistoryRepository, ConcernRepository, CoreGroupRepository } from '../ports/store.port';
import { type ConcernAccess, type ConcernAccessDeps, concernAccess, standingOf } from './concern-access';
import { type ConcernView, DECISION_ACTION, concernView, decisionsFor } from './concern-view';
import { type ConcernsForMeDeps, concernsForMe } from './concerns-for-me';
import { type TellConcernDeps, tellDecision, tellStep } from './tell-concern';

/** What deciding on a concern reads and writes. */
export type ConcernDecisionDeps = ConcernAccessDeps &
  TellConcernDeps &
  ConcernsForMeDeps & {
    readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members' | 'listMemberships'>;
    readonly concerns: Pick<ConcernRepository, 'find' | 'move' | 'listByCoreGroups' | 'listInArea'>;
    readonly concernHistory: Pick<ConcernHistoryRepository, 'find' | 'record' | 'ofConcerns'>;
    readonly areaContacts: Pick<AreaContactRepository, 'list' | 'byIdentity'>;
  };

/** A decision as the caller sent it: `requestId` makes a retry the same decision. */
export interface ConcernDecisionRequest {
  readonly caller: Caller;
  readonly concernId: string;
  readonly decision: ConcernDecision;
  readonly text?: string | undefined;
  readonly requestId: string;
}

/** Why a decision is not the caller's to make: it belongs to the concern's current step, or (taking a refusal further) to who asked. */
const NOT_YOURS: Readonly<Record<ConcernDecision, string>> = {
  acknowledge: 'Only the people the concern is with now can acknowledge it.',
  resolve: 'Only the people the concern is with now can resolve it.',
  escalate: 'Only the people the concern is with now can escalate it.',
  grant: 'Only the team leader (or, after a refusal, the co-ordinator) can grant an extra core group.',
  refuse: 'Only the team leader (or, after a refusal, the co-ordinator) can refuse an extra core group.',
  'take-to-next-step': 'Only the member who asked can take a refusal further.',
};

/** Why a decision that is the caller's cannot be made now: the concern is closed, at its last step, or not that kind. */
const NOT_NOW: Readonly<Record<ConcernDecision, string>> = {
  acknowledge: 'That concern is no longer open.',
  resolve: 'That concern is no longer open, or it is an extra meeting request to grant or refuse.',
  escalate: 'That concern is no longer open, or it is at the last step of its route.',
  grant: 'Only an open extra meeting request can be granted.',
  refuse: 'Only an open extra meeting request can be refused.',
  'take-to-next-step': 'Only a refused extra meeting request can be taken further, and only once.',
};

/** Whether the decision is the caller's: their standing at the concern, and their role's permission for it. */
function mayDecide(access: ConcernAccess, decision: ConcernDecision): boolean {
  const standingFits = decision === 'take-to-next-step' ? access.standing === 'raiser' : access.standing === 'step';
  return standingFits && can({ role: access.actor.role }, DECISION_ACTION[decision]);
}

/**
 * Acting on a concern at its step (issue 14): acknowledge (recorded; the clock keeps running),
 * resolve with an outcome, escalate now, grant or refuse an extra core group (seed 001), or — the
 * member whose request was refused — take it to the next step. Each is authorised from the
 * verified caller (the step's people: members in its roles and the area's contacts; the raiser),
 * recorded on the concern's history and audited, and idempotent: the same request id answers the
 * same again and changes nothing more. A climb tells the next step's people; a grant or refusal
 * tells the member who asked and the lead social worker.
 */
export function createConcernDecisions(deps: ConcernDecisionDeps) {
  async function viewFor(access: Pick<ConcernAccess, 'concern' | 'coreGroup' | 'actor' | 'standing'>): Promise<ConcernView> {
    const history = (await deps.concernHistory.ofConcerns([access.concern.id])).get(access.concern.id) ?? [];
    return concernView(deps, { concern: access.concern, coreGroup: access.coreGroup, who: { standing: access.standing, role: access.actor.role }, history });
  }

  async function tellOfDecision(access: ConcernAccess, transition: ConcernTransition): Promise<void> {
    const members = await deps.coreGroups.members(access.coreGroup.id);
    const told = members.filter((member) => member.active && member.id !== access.actor.id && (member.id === access.concern.raisedByMemberId || member.role === 'lead-social-worker'));
    await tellDecision(deps, { coreGroup: access.coreGroup, concern: access.concern, transitionId: transition.id, members: told });
  }

  return {
    /** The concerns that came to the caller, as a member or as one of an area's contacts. */
    async forMe(caller: Caller): Promise<ConcernView[]> {
      return concernsForMe(deps, caller);
    },

    /** One concern that has come to the caller, with its history and what they may decide now. */
    async show(request: { caller: Caller; concernId: string }): Promise<ConcernView> {
      return viewFor(await concernAccess(deps, { ...request, action: 'view-concern' }));
    },

    async decide(request: ConcernDecisionRequest): Promise<{ outcome: 'recorded' | 'unchanged'; view: ConcernView }> {
      const access = await concernAccess(deps, { caller: request.caller, concernId: request.concernId, action: `concern-${request.decision}` });
      const transitionId = uuidFromKey(`concern-decision:${request.concernId}:${request.requestId}`);
      const done = await deps.concernHistory.find(transitionId);
      if (done) return { outcome: 'unchanged', view: await viewFor(access) };
      const { concern } = access;
      if (!mayDecide(access, request.decision)) throw new ForbiddenError(NOT_YOURS[request.decision], { said: said(`serviceRefusals.concerns.notYours.${request.decision}`) });
      if (!decisionsFor(concern, { standing: access.standing, role: access.actor.role }).includes(request.decision)) throw new RuleViolationError(NOT_NOW[request.decision], { said: said(`serviceRefusals.concerns.notNow.${request.decision}`) });
      const text = request.text?.trim();
      if (decisionNeedsText(request.decision) && !text) throw new RuleViolationError(request.decision === 'refuse' ? 'Give the reason for refusing.' : 'Say how the concern was resolved.', { said: said(request.decision === 'refuse' ? 'serviceRefusals.concerns.reasonForRefusing' : 'serviceRefusals.concerns.howResolved') });
      const to = afterDecision(concern, request.decision);
      const at = deps.clock.nowIso();
      if (request.decision !== 'acknowledge' && !(await deps.concerns.move({ id: concern.id, from: concern, to, at }))) throw new RuleViolationError('That concern has moved on since you opened it; look at it again.', { said: said('serviceRefusals.concerns.movedOn') });
      const transition: ConcernTransition = { id: transitionId, concernId: concern.id, step: to.step, kind: TRANSITION_OF[request.decision], actorId: access.actor.id, actorName: access.actor.name, text: text || undefined, at };
      await deps.concernHistory.record(transition);
      const movedConcern = { ...concern, ...to, stepStartedAt: to.step === concern.step ? concern.stepStartedAt : at };
      const moved: ConcernAccess = { ...access, concern: movedConcern, standing: standingOf(movedConcern, access.actor) };
      if (to.step !== concern.step) await tellStep(deps, { coreGroup: access.coreGroup, concern: movedConcern });
      if (request.decision === 'grant' || request.decision === 'refuse') await tellOfDecision(moved, transition);
      return { outcome: 'recorded', view: await viewFor(moved) };
    },
  };
}

export type ConcernDecisions = ReturnType<typeof createConcernDecisions>;
