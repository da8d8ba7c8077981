import type { ConcernAtStep, ConcernTransition } from './concern-steps';
import type { CoreGroupMeeting } from './meeting';

/** How far ahead an extra core group is offered: it was asked for because something cannot wait for the series. */
export const EXTRA_MEETING_WINDOW_WORKING_DAYS = 10;

/** An extra core group granted (seed 001): the request, when it was granted, and the meeting booked for it (none yet, or only a cancelled one). */
export interface GrantedExtraMeeting {
  readonly concernId: string;
  /** The step the request was granted at (where its history goes on). */
  readonly step: number;
  readonly grantedAt: string;
  readonly meeting?: CoreGroupMeeting | undefined;
}

/**
 * The group's granted extra meeting requests, oldest first, each with the meeting booked for it
 * and still standing (scheduled or held; a cancelled one leaves the grant to be booked again).
 */
export function grantedExtraMeetings(options: {
  concerns: readonly (Pick<ConcernAtStep, 'kind' | 'status' | 'step'> & { readonly id: string })[];
  histories: ReadonlyMap<string, readonly Pick<ConcernTransition, 'kind' | 'at'>[]>;
  meetings: readonly CoreGroupMeeting[];
}): GrantedExtraMeeting[] {
  return options.concerns.flatMap((concern) => {
    const granted = concern.kind === 'extra-meeting-request' && concern.status === 'resolved' ? options.histories.get(concern.id)?.find((transition) => transition.kind === 'granted') : undefined;
    if (!granted) return [];
    const meeting = options.meetings.find((candidate) => candidate.grantedBy === concern.id && candidate.status !== 'cancelled');
    return [{ concernId: concern.id, step: concern.step, grantedAt: granted.at, meeting }];
  });
}
