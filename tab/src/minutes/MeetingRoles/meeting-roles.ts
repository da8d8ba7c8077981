import type { MinutesView } from '@contracts/minutes.contract';

/** The chair the meeting has: the one named, else the lead social worker (unless they take the minutes). */
export function chairOf(view: MinutesView): string | undefined {
  if (view.meeting.chairMemberId) return view.meeting.chairMemberId;
  return view.members.find((member) => member.role === 'lead-social-worker' && member.id !== view.meeting.minuteTakerMemberId)?.id;
}

/**
 * The chair or minute-taker named for this meeting who may not hold the role: a family member or
 * the child, named before the rule was kept. The server gives them nothing for it; the tab says so,
 * so that whoever books the meeting names a professional.
 */
export function namedButNotAllowed(view: MinutesView): { chair?: string | undefined; minuteTaker?: string | undefined } {
  const notAllowed = (id: string | undefined) => view.members.find((member) => member.id === id && !member.mayHoldMeetingRoles)?.id;
  return { chair: notAllowed(view.meeting.chairMemberId), minuteTaker: notAllowed(view.meeting.minuteTakerMemberId) };
}
