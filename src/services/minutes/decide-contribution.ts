import { TEXT_LIMITS } from '../../contracts/text.contract';
import { type ContributionDecision, type Minutes, decideContribution as decide, editMinutes } from '../../domain/minutes';
import type { Caller } from '../authorise';
import { openDraft } from '../draft-minutes';
import { type MinutesDeps, authoriseOnMeeting, loadMeeting, saveOver } from './meeting-access';

/**
 * The chair (or minute-taker) takes a contribution from the meeting chat into the minutes, or
 * drops it (the rules are `decideContribution` in the domain); the draft is saved.
 */
export async function decideContribution(deps: MinutesDeps, request: { caller: Caller; meetingId: string; contributionId: string; decision: ContributionDecision }): Promise<Minutes> {
  const meeting = await loadMeeting(deps, request.meetingId);
  const { member } = await authoriseOnMeeting(deps, { caller: request.caller, meeting, action: 'edit-minutes' });
  const current = await openDraft(deps, { meeting, openedBy: member.id });
  // An accepted action needs its owner found among the members; a dropped line needs nobody.
  const members = request.decision.accept ? await deps.coreGroups.members(meeting.coreGroupId) : [];
  // A note joins a section only while the tab can still save that section.
  const content = decide({ content: current.content, contributionId: request.contributionId, decision: request.decision, members, sectionLimit: TEXT_LIMITS.section });
  return saveOver(deps, { current, updated: editMinutes(current, { content, basedOnVersion: current.version }), savedBy: member.id });
}
