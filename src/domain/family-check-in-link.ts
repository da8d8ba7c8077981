import { Temporal } from 'temporal-polyfill';
import type { CheckInStatus } from './plan';

/**
 * A parent's or carer's check-in link (issue 14, item 6): one e-mailed link for one action they
 * own, from one check-in prompt. It is bound to the member, the action and the prompt, works once,
 * and stops working when it expires. What the link is stored as never includes the secret part of
 * the token, only its hash.
 */
export interface FamilyCheckInLink {
  /** The public half of the token: finds the link; proves nothing on its own. */
  readonly selector: string;
  /** SHA-256 of the secret half of the token, hex. */
  readonly verifierHash: string;
  readonly tenantId: string;
  readonly coreGroupId: string;
  readonly memberId: string;
  readonly actionId: string;
  readonly promptId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt?: string | undefined;
}

/** What a parent can say from the link, in the words they see, and the check-in each one records. */
export const FAMILY_ANSWERS = {
  'on-track': { label: 'On track', status: 'on-track' },
  done: { label: 'Done', status: 'done' },
  stuck: { label: 'Stuck — I need help with this', status: 'blocked' },
} as const satisfies Record<string, { label: string; status: CheckInStatus }>;
export type FamilyAnswer = keyof typeof FAMILY_ANSWERS;

/** How long a parent's note may be: a few sentences, not a report. */
export const FAMILY_NOTE_MAX_LENGTH = 1000;

/** Why a link no longer works: it was answered already, or its time ran out. */
export type LinkState = 'usable' | 'used' | 'expired';

/** Whether a link can still be answered at `nowIso`: not used, and before it expires. */
export function linkState(link: Pick<FamilyCheckInLink, 'usedAt' | 'expiresAt'>, nowIso: string): LinkState {
  if (link.usedAt) return 'used';
  if (Temporal.Instant.compare(Temporal.Instant.from(nowIso), Temporal.Instant.from(link.expiresAt)) >= 0) return 'expired';
  return 'usable';
}
