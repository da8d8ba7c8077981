import type { MinutesView } from '@contracts/minutes.contract';

/** The chair the meeting has: the one named, else the lead social worker (unless they take the minutes). */
export function chairOf(view: MinutesView): string | undefined {
  if (view.meeting.chairMemberId) return view.meeting.chairMemberId;
  return view.members.find((member) => member.role === 'lead-social-worker' && member.id !== view.meeting.minuteTakerMemberId)?.id;
}
