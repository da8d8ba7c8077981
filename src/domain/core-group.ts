import type { CivilDate } from './civil-date';
import type { MemberPosition } from './member-position';
import type { PlanStart } from './policy';

/**
 * Standing roles in a core group. Chair and minute-taker are per meeting and live on the meeting
 * (see `meeting.ts`); the seeds allow the chair to be someone other than the lead social worker.
 */
export const MEMBER_ROLES = [
  'lead-social-worker',
  'team-manager',
  'professional',
  'family-member',
  'child',
  'conference-chair',
  'coordinator',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Whether a member signs in to the tenant, joins as a guest, or is reached only by e-mail. */
export type MemberReach = 'tenant' | 'guest' | 'email-only';

/** A person in the core group. Family members and many agencies are outside the tenant. */
export interface CoreGroupMember {
  readonly id: string;
  readonly displayName: string;
  readonly role: MemberRole;
  /** What they are to the case in plain words (health visitor, parent/carer); absent for members from before it was kept. */
  readonly position?: MemberPosition | undefined;
  /** Agency as practitioners name it: children's social care, health visiting, school, police, GP. */
  readonly agency: string;
  readonly email?: string | undefined;
  /** Entra object id for tenant users and guests; the only identity the server trusts. */
  readonly aadObjectId?: string | undefined;
  readonly reach: MemberReach;
  /** Who this person escalates to inside their own agency (seed 003: agency managers / designated professionals). */
  readonly agencyManagerEmail?: string | undefined;
  readonly active: boolean;
}

/** The core group for one child protection plan. The child's name never leaves the case record. */
export interface CoreGroup {
  readonly id: string;
  /** The case reference used in titles, cards and logs instead of the child's name. */
  readonly caseReference: string;
  readonly childName: string;
  readonly tenantId: string;
  readonly policyId: string;
  /** The day of the conference that started the plan here: the ICPC, or the transfer-in conference for a case that transferred in. */
  readonly icpcDate: CivilDate;
  /** The area the case transferred in from, when its group started at a transfer-in conference rather than an ICPC. */
  readonly transferredInFrom?: string | undefined;
  /** Set when the plan ends (child no longer subject to a plan); obligations stop there. */
  readonly planEndedOn?: CivilDate | undefined;
  readonly createdAt: string;
}

/** How the plan here started: at an ICPC, or at a transfer-in conference for a case that came from another area. */
export function planStartOf(coreGroup: Pick<CoreGroup, 'transferredInFrom'>): PlanStart {
  return coreGroup.transferredInFrom === undefined ? 'icpc' : 'transfer-in';
}

/** A core group as a caseload view reads it: everything a status is judged from, never the child's name. */
export type CaseHeader = Omit<CoreGroup, 'childName' | 'createdAt'>;

/** What a caseload view needs of the caller's own membership of each group: who they are there and in what role. */
export type CaseloadMember = Pick<CoreGroupMember, 'id' | 'role' | 'active' | 'aadObjectId'>;

/** One group of the caller's caseload: its header, the caller's membership and the group's revision (see `CoreGroupRepository.listMemberships`). */
export interface CaseloadEntry<Member extends CaseloadMember = CaseloadMember> {
  readonly coreGroup: CaseHeader;
  readonly member: Member;
  readonly revision: string;
}

/** A member the bot can reach in Teams: active, with an Entra object id. */
export type MemberInTeams = CoreGroupMember & { readonly aadObjectId: string };

/** Whether the bot can reach this member in Teams (1:1 prompts, notices, per-user card views). */
export function isInTeams(member: CoreGroupMember): member is MemberInTeams {
  return member.active && Boolean(member.aadObjectId);
}

/** The group's lead social worker: the first active member in that role. */
export function leadSocialWorkerOf(members: readonly CoreGroupMember[]): CoreGroupMember | undefined {
  return members.find((member) => member.role === 'lead-social-worker' && member.active);
}
