import type { MemberReach, MemberRole } from '../domain/core-group';
import type { Directory } from './ports/calendar.port';

/** How a person named on the set-up or add-members form is reached, and the Teams identity the server will trust for them. */
export interface MemberIdentity {
  readonly aadObjectId?: string | undefined;
  readonly reach: MemberReach;
}

/**
 * Looks a person up in the directory by the address on the form. A family member or the child is
 * looked for as a guest only (issue 14, item 6): when the organisation invited them to Teams, their
 * guest identity works as a member's; they are never matched to a staff account. Anyone else found
 * signs in to the tenant. Nobody found is reached by e-mail.
 */
export async function memberIdentity(directory: Pick<Directory, 'findUser' | 'findGuest'>, line: { role: MemberRole; email: string }): Promise<MemberIdentity> {
  if (line.role === 'family-member' || line.role === 'child') {
    const guest = await directory.findGuest(line.email);
    return guest ? { aadObjectId: guest.id, reach: 'guest' } : { reach: 'email-only' };
  }
  const found = await directory.findUser(line.email);
  return found ? { aadObjectId: found.id, reach: 'tenant' } : { reach: 'email-only' };
}
