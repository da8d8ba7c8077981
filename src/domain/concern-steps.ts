import { type CivilDate, isBefore, londonDateOf } from './civil-date';
import type { CoreGroupMember, MemberRole } from './core-group';
import { type ConcernKind, escalationRoute, recipientsAtStep } from './escalation';
import type { NoticeState } from './notice-delivery';
import type { EscalationRouteName, PolicyProfile } from './policy';
import type { WorkingDays } from './working-days';

/** Where a concern stands: open at a step, resolved (granted, for an extra meeting), or refused. */
export type ConcernStatus = 'open' | 'resolved' | 'refused';

/** What a concern needs for its step's clock: its route, the step it is at, and when that step started. */
export interface ConcernAtStep {
  readonly kind: ConcernKind;
  readonly step: number;
  readonly status: ConcernStatus;
  readonly stepStartedAt: string;
}

/** The profile's name for a concern's route: the minutes' significant disagreement has its own, the others their family's. */
export function routeNameOf(kind: ConcernKind): EscalationRouteName {
  return kind === 'significant-disagreement' ? 'significant-disagreement' : escalationRoute(kind).family;
}

/** Whether a step is the last of its route: past it, a concern has nowhere to climb and stays, overdue. */
export function isLastStep(kind: ConcernKind, step: number): boolean {
  return step >= escalationRoute(kind).steps.length - 1;
}

/** The working days a step has to respond, from the profile (its last window serves any step it does not list). */
export function responseWindow(profile: PolicyProfile, concern: Pick<ConcernAtStep, 'kind' | 'step'>): number {
  const windows = profile.rules.concernResponse.workingDays[routeNameOf(concern.kind)];
  return windows[Math.min(concern.step, windows.length - 1)]!;
}

/** How an open concern's step stands on a day: when its people had to respond by, whether that has passed, and whether it climbs now. */
export interface StepClock {
  readonly respondBy: CivilDate;
  readonly overdue: boolean;
  readonly climbs: boolean;
}

/**
 * The clock of a concern's step, in working days from the day the step started (London date of
 * its start, in the area's bank-holiday calendar): its people respond by the end of the window's
 * last working day, and on the next working day an unresolved concern climbs — unless the step is
 * the last, where it stays and is shown overdue. Only an open concern climbs or is overdue.
 */
export function stepClock(options: { profile: PolicyProfile; calendar: WorkingDays; concern: ConcernAtStep; asOf: CivilDate }): StepClock {
  const { calendar, concern, asOf } = options;
  const respondBy = calendar.addWorkingDays(londonDateOf(concern.stepStartedAt), responseWindow(options.profile, concern));
  const climbsOn = calendar.addWorkingDays(respondBy, 1);
  const overdue = concern.status === 'open' && !isBefore(asOf, climbsOn);
  return { respondBy, overdue, climbs: overdue && !isLastStep(concern.kind, concern.step) };
}

/** What someone may do with a concern. */
export const CONCERN_DECISIONS = ['acknowledge', 'resolve', 'escalate', 'grant', 'refuse', 'take-to-next-step'] as const;
export type ConcernDecision = (typeof CONCERN_DECISIONS)[number];

/** Who the caller is to a concern: one of its current step's people, the member who raised it, or neither. */
export type ConcernStanding = 'step' | 'raiser' | 'neither';

/**
 * What someone may decide about a concern now. A step's people acknowledge (the clock keeps
 * running), escalate it now (not from the last step), and close it: an extra meeting request is
 * granted or refused (seed 001), any other concern resolved with an outcome. The member whose
 * request was refused may take it to the next step (seed 001: the co-ordinator).
 */
export function decisionsOpenTo(concern: Pick<ConcernAtStep, 'kind' | 'step' | 'status'>, standing: ConcernStanding): ConcernDecision[] {
  const canClimb = !isLastStep(concern.kind, concern.step);
  if (standing === 'raiser' && concern.status === 'refused' && concern.kind === 'extra-meeting-request' && canClimb) return ['take-to-next-step'];
  if (standing !== 'step' || concern.status !== 'open') return [];
  const closing: ConcernDecision[] = concern.kind === 'extra-meeting-request' ? ['grant', 'refuse'] : ['resolve'];
  return ['acknowledge', ...closing, ...(canClimb ? (['escalate'] as const) : [])];
}

/** Where a decision leaves a concern: its status and step (a climb starts the next step's clock). */
export function afterDecision(concern: Pick<ConcernAtStep, 'step' | 'status'>, decision: ConcernDecision): { status: ConcernStatus; step: number } {
  switch (decision) {
    case 'acknowledge':
      return { status: concern.status, step: concern.step };
    case 'resolve':
    case 'grant':
      return { status: 'resolved', step: concern.step };
    case 'refuse':
      return { status: 'refused', step: concern.step };
    case 'escalate':
    case 'take-to-next-step':
      return { status: 'open', step: concern.step + 1 };
  }
}

/** Whether a decision needs words: an outcome to resolve, a reason to refuse; escalating may give a reason. */
export function decisionNeedsText(decision: ConcernDecision): boolean {
  return decision === 'resolve' || decision === 'refuse';
}

/** Someone configured for an area (not only as a group member): a conference chair / IRO or a co-ordinator. */
export interface AreaContact {
  readonly id: string;
  readonly tenantId: string;
  /** The area: a policy profile id — a group belongs to the area whose profile it follows. */
  readonly area: string;
  readonly name: string;
  readonly role: AreaContactRole;
  readonly aadObjectId?: string | undefined;
  readonly email?: string | undefined;
}
export const AREA_CONTACT_ROLES = ['conference-chair', 'coordinator'] as const satisfies readonly MemberRole[];
export type AreaContactRole = (typeof AREA_CONTACT_ROLES)[number];

/** The people a step names: the active members holding one of its roles, and the area's contacts holding one. */
export function stepPeople(options: { kind: ConcernKind; step: number; members: readonly CoreGroupMember[]; areaContacts: readonly AreaContact[] }): { members: CoreGroupMember[]; areaContacts: AreaContact[] } {
  const roles = recipientsAtStep(options.kind, options.step);
  return {
    members: options.members.filter((member) => member.active && roles.includes(member.role)),
    areaContacts: options.areaContacts.filter((contact) => roles.includes(contact.role)),
  };
}

/** How an area contact is reached through the member-shaped delivery path: Teams when they have an Entra id, else e-mail. */
export function areaContactAsRecipient(contact: AreaContact): CoreGroupMember {
  return { id: contact.id, displayName: contact.name, role: contact.role, agency: 'area contact', email: contact.email, aadObjectId: contact.aadObjectId, reach: contact.aadObjectId ? 'tenant' : 'email-only', active: true };
}

/** What happened to a concern, in order: each is kept on its history and audited (`booked`: a granted extra core group was booked, for when). */
export const CONCERN_TRANSITION_KINDS = ['raised', 'told', 'acknowledged', 'escalated', 'climbed', 'resolved', 'granted', 'refused', 'booked'] as const;
export type ConcernTransitionKind = (typeof CONCERN_TRANSITION_KINDS)[number];

/** One entry of a concern's history: at which step, who (a name kept as it was then; none for the automatic climb), and their words. */
export interface ConcernTransition {
  readonly id: string;
  readonly concernId: string;
  readonly step: number;
  readonly kind: ConcernTransitionKind;
  readonly actorId?: string | undefined;
  readonly actorName?: string | undefined;
  /** The outcome, the reason (case content: shown to the concern's people, never logged). */
  readonly text?: string | undefined;
  /** For `told`: where the notice to them stands. */
  readonly notice?: NoticeState | undefined;
  /** For `climbed`: the working days the step had to respond in. */
  readonly workingDays?: number | undefined;
  /** For `booked`: when the extra core group starts (an ISO instant). */
  readonly bookedFor?: string | undefined;
  /** An entry recorded before these facts were kept, that migration 0030 could not read: what it said, in English, as stored. */
  readonly detail?: string | undefined;
  readonly at: string;
}

/** The history entry a decision makes. */
export const TRANSITION_OF: Readonly<Record<ConcernDecision, ConcernTransitionKind>> = {
  acknowledge: 'acknowledged',
  resolve: 'resolved',
  grant: 'granted',
  refuse: 'refused',
  escalate: 'escalated',
  'take-to-next-step': 'escalated',
};
