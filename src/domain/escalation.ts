import { type CoreGroupMember, type MemberInTeams, type MemberRole, isInTeams } from './core-group';
import type { CaseAction } from './permissions';
import type { RuleSource } from './policy';

/**
 * Concerns, in the seeds' words. Two families: the plan is not protecting the child, or the core
 * group itself is not working (seed 003); a request for an extra meeting (seed 001); and a
 * significant disagreement recorded in signed minutes (seed 002), which the minutes raise, never a
 * member by hand (the raisable kinds are the others).
 */
export const RAISABLE_CONCERN_KINDS = [
  'increased-risk',
  'no-cooperation',
  'changed-circumstances',
  'professional-disagreement',
  'tasks-not-done',
  'continual-absence',
  'missing-information',
  'drift-and-delay',
  'extra-meeting-request',
] as const;
export const CONCERN_KINDS = [...RAISABLE_CONCERN_KINDS, 'significant-disagreement'] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];
export type RaisableConcernKind = (typeof RAISABLE_CONCERN_KINDS)[number];

/** Someone a concern is routed to: a role in the group, or the owning member's own agency line. */
export type Recipient = MemberRole | 'agency-manager';

export interface EscalationStep {
  readonly to: readonly Recipient[];
  readonly does: string;
}

/** Who hears about a concern first, and where it goes if it is not resolved. */
export interface EscalationRoute {
  readonly concern: ConcernKind;
  readonly family: 'plan-not-working' | 'group-not-working' | 'extra-meeting';
  readonly steps: readonly EscalationStep[];
  readonly source: RuleSource;
}

const planNotWorking = (concern: ConcernKind): EscalationRoute => ({
  concern,
  family: 'plan-not-working',
  steps: [
    { to: ['lead-social-worker', 'team-manager'], does: 'decide on immediate protective action, a Section 47 enquiry or a review conference' },
    { to: ['conference-chair'], does: 'consider reconvening the conference or an early review (any member may ask)' },
  ],
  source: { citation: 'seed 003 (escalation: effectiveness of the CPP); seed 000; seed 004 (early review, IRO)', verified: true },
});

const groupNotWorking = (concern: ConcernKind): EscalationRoute => ({
  concern,
  family: 'group-not-working',
  steps: [
    { to: ['lead-social-worker', 'team-manager'], does: 'discuss with the lead social worker and manager, then between core group members' },
    { to: ['agency-manager'], does: 'involve the relevant agency managers or designated professionals' },
    { to: ['conference-chair'], does: 'refer to the IRO / conference chair if still unresolved' },
  ],
  source: { citation: 'seed 003 (escalation: effectiveness of the core group); seed 002; seed 004 (IRO practice alert)', verified: true },
});

const ROUTES: Record<ConcernKind, EscalationRoute> = {
  'increased-risk': planNotWorking('increased-risk'),
  'no-cooperation': planNotWorking('no-cooperation'),
  'changed-circumstances': planNotWorking('changed-circumstances'),
  'professional-disagreement': groupNotWorking('professional-disagreement'),
  'tasks-not-done': groupNotWorking('tasks-not-done'),
  'continual-absence': groupNotWorking('continual-absence'),
  'missing-information': groupNotWorking('missing-information'),
  'drift-and-delay': groupNotWorking('drift-and-delay'),
  'extra-meeting-request': {
    concern: 'extra-meeting-request',
    family: 'extra-meeting',
    steps: [
      { to: ['team-manager'], does: 'the team leader decides whether to grant the extra core group' },
      { to: ['coordinator'], does: 'if refused, the member may discuss it with the Children Services co-ordinator' },
    ],
    source: { citation: 'seed 001', verified: true },
  },
  'significant-disagreement': {
    concern: 'significant-disagreement',
    family: 'group-not-working',
    steps: [
      { to: ['team-manager', 'conference-chair'], does: 'look into the significant disagreement recorded in the signed minutes and decide how it is resolved' },
      { to: ['agency-manager'], does: 'involve the relevant agency managers or designated professionals' },
      { to: ['coordinator'], does: 'take it to the Children Services co-ordinator if still unresolved' },
    ],
    source: { citation: 'seed 002 (significant disagreement shared with the team manager and brought to the attention of the chair of the conference); seed 003 (escalation: effectiveness of the core group)', verified: true },
  },
};

/** The escalation route for a kind of concern. */
export function escalationRoute(concern: ConcernKind): EscalationRoute {
  return ROUTES[concern];
}

/** Who hears at a given step (0 = first); past the last step, the last step's people. */
export function recipientsAtStep(concern: ConcernKind, step: number): readonly Recipient[] {
  const steps = ROUTES[concern].steps;
  return steps[Math.min(Math.max(step, 0), steps.length - 1)]!.to;
}

/** The members in Teams holding one of these roles: who is told 1:1 at an escalation step. */
export function membersToTell(members: readonly CoreGroupMember[], roles: readonly Recipient[]): MemberInTeams[] {
  return members.filter((member): member is MemberInTeams => isInTeams(member) && roles.includes(member.role));
}

/**
 * Who is told when a concern is raised: the active members its route names at the first step,
 * never the member who raised it — in Teams or not, since a notice goes by e-mail where Teams cannot reach.
 */
export function concernRecipients(options: { members: readonly CoreGroupMember[]; kind: ConcernKind; raisedByMemberId: string }): CoreGroupMember[] {
  const roles = recipientsAtStep(options.kind, 0);
  return options.members.filter((member) => member.active && roles.includes(member.role) && member.id !== options.raisedByMemberId);
}

/** The roles a step names that no active member in Teams holds: nobody there is told. */
export function rolesNobodyHolds(members: readonly CoreGroupMember[], roles: readonly Recipient[]): Recipient[] {
  return roles.filter((role) => membersToTell(members, [role]).length === 0);
}

/** What raising this kind of concern is, as a permission: asking for an extra core group, or raising a concern. */
export function actionToRaise(kind: ConcernKind): CaseAction {
  return kind === 'extra-meeting-request' ? 'request-extra-meeting' : 'raise-concern';
}
