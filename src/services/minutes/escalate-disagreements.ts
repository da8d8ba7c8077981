import type { CoreGroup } from '../../domain/core-group';
import { escalationRoute, rolesNobodyHolds } from '../../domain/escalation';
import { type Minutes, isSigned } from '../../domain/minutes';
import { type RaiseConcernDeps, concernIdFor, raiseConcern } from '../concern.service';
import type { Concern } from '../ports/store.port';
import { uuidFromKey } from '../deterministic-id';

/** One significant disagreement taken to the team manager and the conference chair. */
export interface DisagreementEscalation {
  readonly concernId: string;
  readonly text: string;
  /** The people told now, by name. */
  readonly queuedFor: readonly string[];
  /** The roles of the first step nobody holds — no member in Teams, no contact of the area (e.g. no conference chair): nobody there is told. */
  readonly nobodyHolds: readonly string[];
}

/** The key of the concern a significant disagreement raises: the minutes, and the disagreement's position and words. */
function disagreementKey(minutes: Pick<Minutes, 'id'>, index: number, text: string): string {
  return `significant-disagreement:${minutes.id}:${index}:${uuidFromKey(text.trim())}`;
}

/** The id of the concern the disagreement at `index` of these minutes raises when they are signed. */
export function disagreementConcernId(minutes: Pick<Minutes, 'id' | 'content'>, index: number): string {
  return concernIdFor(disagreementKey(minutes, index, minutes.content.disagreements[index]?.text ?? ''));
}

/**
 * The concern each disagreement of signed minutes raised, by position: found for a significant one
 * the app raised at sign-off; undefined for the rest — not significant, or minutes signed before the
 * app raised such concerns, where nobody was told by the app and the record must not say they were.
 */
export function disagreementConcerns<C extends Pick<Concern, 'id'>>(minutes: Pick<Minutes, 'id' | 'content'>, concerns: readonly C[]): (C | undefined)[] {
  return minutes.content.disagreements.map((disagreement, index) => {
    if (!disagreement.significant) return undefined;
    const id = disagreementConcernId(minutes, index);
    return concerns.find((concern) => concern.id === id);
  });
}

/**
 * Seed 002: a significant disagreement at a core group meeting is shared with the team manager and
 * brought to the attention of the chair of the conference. Once the minutes carry both signatures,
 * each significant disagreement raises one concern, raised by the chair, with the disagreement as
 * its note. Its key is the minutes and the disagreement (position and words), so signing again or
 * re-signing an amendment that keeps the disagreement raises nothing new.
 */
export async function escalateSignificantDisagreements(deps: RaiseConcernDeps, request: { minutes: Minutes; coreGroup: Pick<CoreGroup, 'id' | 'tenantId' | 'policyId'> }): Promise<DisagreementEscalation[]> {
  const { minutes } = request;
  if (!isSigned(minutes)) return [];
  const firstStep = escalationRoute('significant-disagreement').steps[0]!.to;
  const members = await deps.coreGroups.members(request.coreGroup.id);
  const chairId = minutes.chairSignOff!.memberId;
  const chair = { id: chairId, displayName: members.find((member) => member.id === chairId)?.displayName ?? 'the chair' };
  const escalations: DisagreementEscalation[] = [];
  for (const [index, disagreement] of minutes.content.disagreements.entries()) {
    if (!disagreement.significant) continue;
    const raised = await raiseConcern(deps, { coreGroup: request.coreGroup, kind: 'significant-disagreement', raisedBy: chair, note: disagreement.text, key: disagreementKey(minutes, index, disagreement.text) });
    escalations.push({ concernId: raised.concern.id, text: disagreement.text, queuedFor: [...raised.recipients.map((recipient) => recipient.displayName), ...raised.areaContacts.map((contact) => contact.name)], nobodyHolds: rolesNobodyHolds(members, firstStep).filter((role) => !raised.areaContacts.some((contact) => contact.role === role)) });
  }
  return escalations;
}
