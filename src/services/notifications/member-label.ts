import type { CoreGroupMember } from '../../domain/core-group';

/** A member as a 1:1 message names them: "Grace Lindqvist (health visiting)". */
export function nameAndAgency(member: Pick<CoreGroupMember, 'displayName' | 'agency'>): string {
  return `${member.displayName} (${member.agency})`;
}
