import { z } from 'zod';
import { realCivilDate } from '../domain/civil-date';
import { MEMBER_ROLES } from '../domain/core-group';
import { ACTION_STATES, CHECK_IN_STATUSES } from '../domain/plan';
import { problemParams } from './problem';

/**
 * A civil date on the wire: `YYYY-MM-DD` text, a real day (2026-02-30 is refused, never moved to
 * 2 March: the domain's strict parse, `Temporal.PlainDate.from(…, { overflow: 'reject' })`). The
 * server turns it into a `Temporal.PlainDate` (src/domain/civil-date.ts) after parsing; Temporal
 * never crosses the wire.
 */
export const civilDateSchema = z
  .string()
  .refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text), { message: 'a date as YYYY-MM-DD', params: problemParams('not-a-date'), abort: true })
  .refine((text) => realCivilDate(text) !== undefined, { message: 'is not a real date', params: problemParams('not-a-date') });
export type CivilDateText = z.infer<typeof civilDateSchema>;

/** An instant on the wire: ISO 8601 text (`2026-06-08T09:00:00.000Z`), as `Clock.nowIso()` writes it. */
export const instantSchema = z.iso.datetime({ offset: true });

/** A member's standing role in a core group (src/domain/core-group.ts). */
export const memberRoleSchema = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/** Where a plan action stands (src/domain/plan.ts). */
export const actionStateSchema = z.enum(ACTION_STATES);
export type ActionState = z.infer<typeof actionStateSchema>;

/** An owner's answer to a check-in prompt (src/domain/plan.ts). */
export const checkInStatusSchema = z.enum(CHECK_IN_STATUSES);
export type CheckInStatus = z.infer<typeof checkInStatusSchema>;

/** A deadline's standing: an obligation's status, or the minutes' circulation. */
export const deadlineStatusSchema = z.enum(['met', 'due', 'at-risk', 'overdue']);
export type DeadlineStatus = z.infer<typeof deadlineStatusSchema>;

/** The latest check-in on a plan action, as its owner gave it. */
export const lastCheckInSchema = z.object({
  status: checkInStatusSchema,
  note: z.string(),
  recordedAt: instantSchema,
});
export type LastCheckIn = z.infer<typeof lastCheckInSchema>;
