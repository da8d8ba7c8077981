import { compareDates } from '../../domain/civil-date';
import type { CaseHeader, CaseloadMember } from '../../domain/core-group';
import { matchCaseReference } from '../../domain/case-reference';
import type { Obligation } from '../../domain/obligations';
import { type CaseAction, can } from '../../domain/permissions';
import type { Caller } from '../authorise';
import { type StatusDeps, statusesOf } from './status-of';

/** A case the caller may act on, as a command names it. */
export interface CaseOption {
  readonly id: string;
  readonly caseReference: string;
}

/** A case in the picker: its next deadline not yet met, when the caller's role sees deadlines. */
export interface CaseToChoose extends CaseOption {
  readonly nextDeadline?: Pick<Obligation, 'due' | 'status' | 'rule' | 'wording'> | undefined;
}

/**
 * Which case a command is about:
 * - `chosen`: the case named, or the caller's only one;
 * - `choose`: several, nearest next deadline first, for the caller to pick;
 * - `did-you-mean`: the reference typed is a typo or two from some of theirs;
 * - `not-found`: no case of theirs has that reference — whether it exists elsewhere is never said;
 * - `not-allowed`: they are in a core group (the one named, or some), but their role there does
 *   not do what the command does (a family member asking for deadlines, a professional scheduling);
 * - `no-core-group`: they are in none.
 */
export type CaseChoice =
  | { readonly kind: 'chosen'; readonly coreGroup: CaseOption }
  | { readonly kind: 'choose'; readonly cases: readonly CaseToChoose[] }
  | { readonly kind: 'did-you-mean'; readonly suggestions: readonly CaseOption[] }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'not-allowed'; readonly caseReference?: string | undefined }
  | { readonly kind: 'no-core-group' };

/** What the command needs: the action it performs, and the case as typed (`typed`) or as a button carried it (`coreGroupId`). */
export interface CaseRequest {
  readonly caller: Caller;
  readonly need: CaseAction;
  readonly typed?: string | undefined;
  readonly coreGroupId?: string | undefined;
}

interface Membership {
  readonly group: CaseHeader;
  readonly member: CaseloadMember;
  readonly revision: string;
  readonly allowed: boolean;
}

const optionOf = (group: CaseHeader): CaseOption => ({ id: group.id, caseReference: group.caseReference });

async function membershipsOf(deps: StatusDeps, caller: Caller, need: CaseAction): Promise<Membership[]> {
  const memberships = await deps.coreGroups.listCaseload(caller.tenantId, caller.aadObjectId);
  return memberships.map(({ coreGroup, member, revision }) => ({ group: coreGroup, member, revision, allowed: can({ role: member.role }, need) }));
}

/** The next deadline of each case (when the caller's role sees deadlines), nearest first; cases without one last, by reference. */
async function nearestDeadlineFirst(deps: StatusDeps, caller: Caller, memberships: readonly Membership[]): Promise<CaseToChoose[]> {
  const judged = memberships.filter(({ member }) => can({ role: member.role }, 'view-compliance'));
  const statuses = await statusesOf(deps, { caller, memberships: judged.map(({ group, member, revision }) => ({ coreGroup: group, member, revision })), booked: false });
  const nextDeadline = new Map(
    statuses.map(({ status }) => {
      const next = status.obligations.find((obligation) => obligation.status !== 'met');
      return [status.coreGroup.id, next && { due: next.due, status: next.status, rule: next.rule, wording: next.wording }] as const;
    }),
  );
  const cases = memberships.map(({ group }): CaseToChoose => ({ ...optionOf(group), nextDeadline: nextDeadline.get(group.id) }));
  return cases.sort((a, b) => {
    if (a.nextDeadline && b.nextDeadline) return compareDates(a.nextDeadline.due, b.nextDeadline.due) || a.caseReference.localeCompare(b.caseReference);
    if (a.nextDeadline || b.nextDeadline) return a.nextDeadline ? -1 : 1;
    return a.caseReference.localeCompare(b.caseReference);
  });
}

/**
 * Chooses the case a command is about from the caller's own active memberships only, so an
 * unknown reference and another team's case get the same answer. Reads memberships, and the
 * status of each case when there is a choice to offer (authorised and audited as a status read).
 */
export async function chooseCase(deps: StatusDeps, request: CaseRequest): Promise<CaseChoice> {
  const { caller, need } = request;
  const memberships = await membershipsOf(deps, caller, need);
  const typed = request.typed?.trim() ?? '';
  if (request.coreGroupId !== undefined) return pinned(memberships.find((entry) => entry.group.id === request.coreGroupId));
  if (typed !== '') {
    const match = matchCaseReference(typed, memberships, (entry) => entry.group.caseReference);
    if (match.kind === 'found') return pinned(match.item);
    const suggestions = match.kind === 'did-you-mean' ? match.suggestions.filter((entry) => entry.allowed).map((entry) => optionOf(entry.group)) : [];
    return suggestions.length > 0 ? { kind: 'did-you-mean', suggestions } : { kind: 'not-found' };
  }
  if (memberships.length === 0) return { kind: 'no-core-group' };
  const allowed = memberships.filter((entry) => entry.allowed);
  const [only] = allowed;
  if (!only) return { kind: 'not-allowed' };
  if (allowed.length === 1) return { kind: 'chosen', coreGroup: optionOf(only.group) };
  return { kind: 'choose', cases: await nearestDeadlineFirst(deps, caller, allowed) };
}

function pinned(entry: Membership | undefined): CaseChoice {
  if (!entry) return { kind: 'not-found' };
  return entry.allowed ? { kind: 'chosen', coreGroup: optionOf(entry.group) } : { kind: 'not-allowed', caseReference: entry.group.caseReference };
}
