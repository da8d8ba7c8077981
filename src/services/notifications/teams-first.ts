import type { CoreGroupMember } from '../../domain/core-group';
import { DeliveryError, type Notification, type Notifier } from '../ports/notifier.port';

/** Whether a member is tried in Teams first: they have an Entra identity and are not reached by e-mail only. */
export function reachableInTeams(member: Pick<CoreGroupMember, 'aadObjectId' | 'reach'>): boolean {
  return Boolean(member.aadObjectId) && member.reach !== 'email-only';
}

/**
 * Sends a message to a member's 1:1 chat when they can be reached in Teams: true when it went,
 * false when the caller should e-mail instead (not in Teams, or never opened a chat with the
 * app). Anything else — throttling, an outage — is thrown, for the job runner to retry.
 */
export async function sentInTeams(notifier: Notifier, member: Pick<CoreGroupMember, 'aadObjectId' | 'reach'>, notification: Omit<Notification, 'to'>): Promise<boolean> {
  if (!member.aadObjectId || !reachableInTeams(member)) return false;
  try {
    await notifier.send({ ...notification, to: { kind: 'person', aadObjectId: member.aadObjectId } });
    return true;
  } catch (error) {
    if (error instanceof DeliveryError && error.code === 'recipient-unreachable') return false;
    throw error;
  }
}
