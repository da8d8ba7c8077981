import { createHash } from 'node:crypto';
import type { CoreGroupMember } from '../../domain/core-group';
import { type FamilyVersion, isPreparedFrom } from '../../domain/family-version';
import { type Delivery, type Minutes, deliveredTo, minutesRecipients } from '../../domain/minutes';
import { readsAsFamily } from '../family-version/family-version-deps';
import { reachableInTeams } from '../notifications/teams-first';

/** One person on Distribute's list: who, how they are reached, what they get, and whether it goes now. */
export interface RecipientEntry {
  readonly memberId: string;
  readonly name: string;
  readonly role: CoreGroupMember['role'];
  /** Teams first (e-mail when Teams cannot reach them at the time), e-mail only, or no way to reach them. */
  readonly route: 'teams' | 'email' | 'none';
  /** The family and the child get the family version, never the professional minutes. */
  readonly gets: 'full' | 'family-version';
  readonly status: 'to-send' | 'already-sent' | 'waiting-for-family-version';
}

/** What Distribute shows before anything is sent, and the fingerprint its confirmation must carry. */
export interface RecipientList {
  readonly entries: readonly RecipientEntry[];
  /** The signed-off family version that goes to the family, when there is one for these minutes and this plan. */
  readonly familyVersion: number | undefined;
  /** SHA-256 of the minutes version, the family version and every entry: a confirmation of another list is refused. */
  readonly listHash: string;
}

/** The signed-off family version when it was prepared from these minutes and this plan, else nothing to send the family. */
export function sendableFamilyVersion(stored: FamilyVersion | undefined, record: { minutes: Minutes; planVersion: number | undefined }): FamilyVersion | undefined {
  return stored?.signOff && isPreparedFrom(stored, record) ? stored : undefined;
}

/**
 * Who signed minutes go to (`minutesRecipients`, with the sharing the chair decided), by which
 * route and with what: professionals the full minutes, the family and the child the family version
 * once it is signed off (until then they wait, and nothing is sent to them).
 */
export function recipientList(options: { members: readonly CoreGroupMember[]; minutes: Minutes; deliveries: readonly Delivery[]; familyVersion: FamilyVersion | undefined }): RecipientList {
  const { minutes, familyVersion } = options;
  const delivered = deliveredTo(options.deliveries, minutes.version);
  const entries = minutesRecipients(options.members, minutes.content.sharing).map((member): RecipientEntry => {
    const gets = readsAsFamily(member) ? 'family-version' : 'full';
    const status = delivered.has(member.id) ? 'already-sent' : gets === 'family-version' && !familyVersion ? 'waiting-for-family-version' : 'to-send';
    const route = reachableInTeams(member) ? 'teams' : member.email ? 'email' : 'none';
    return { memberId: member.id, name: member.displayName, role: member.role, route, gets, status };
  });
  const fingerprint = JSON.stringify({ minutesVersion: minutes.version, familyVersion: familyVersion?.version ?? null, entries });
  return { entries, familyVersion: familyVersion?.version, listHash: createHash('sha256').update(fingerprint).digest('hex') };
}
