import type { ConcernStatus } from './concern-steps';
import type { MemberRole } from './core-group';
import type { ActionState, CheckInStatus } from './plan';
import type { ReviewConference } from './review-conference';

/**
 * How the record names each code, in plain words: exports (minutes, the plan, the record pack,
 * the conference pack, CP9) print these, never the codes. One `Record` per kind of code, so a new
 * code does not compile until it has a label.
 */

/** A member's role in the core group (`MEMBER_ROLES`). */
export const ROLE_LABELS: Readonly<Record<MemberRole, string>> = {
  'lead-social-worker': 'Lead social worker',
  'team-manager': 'Team manager',
  professional: 'Professional',
  'family-member': 'Family member',
  child: 'Child',
  'conference-chair': 'Conference chair',
  coordinator: 'Co-ordinator, Children Services',
};

/** Where a plan action stands (`ACTION_STATES`). */
export const ACTION_STATE_LABELS: Readonly<Record<ActionState, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  'at-risk': 'At risk',
  blocked: 'Blocked',
  done: 'Done',
  dropped: 'Dropped',
};

/** What an action's owner said at their latest check-in (`CHECK_IN_STATUSES`). */
export const CHECK_IN_LABELS: Readonly<Record<CheckInStatus, string>> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  done: 'Done',
  blocked: 'Blocked',
};

/** Where a review conference stands. */
export const REVIEW_STATUS_LABELS: Readonly<Record<ReviewConference['status'], string>> = {
  scheduled: 'Booked',
  held: 'Held',
  cancelled: 'Cancelled',
};

/** Where a concern stands once it is no longer open (an open one also says its step). */
export const CONCERN_STATUS_LABELS: Readonly<Record<ConcernStatus, string>> = {
  open: 'Open',
  resolved: 'Resolved',
  refused: 'Refused',
};
