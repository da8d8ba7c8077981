import { z } from 'zod';
import { CANCEL_REASON_LIMIT } from './card-actions.contract';
import { freeText } from './text.contract';
import { civilDateSchema, instantSchema } from './wire-values.contract';
import { problemParams } from './problem';

/**
 * Which meeting of the series a change is for: the one starting then, as the dashboard showed it,
 * with the calendar's id for it when the dashboard had one (`NextMeeting.occurrenceId`); absent,
 * it and every later one.
 */
const occurrence = { occurrenceStartsAt: instantSchema.optional(), occurrenceId: z.string().min(1).max(1024).optional() };

/** `POST /api/meetings/:meetingId/series/move`: a new start, a UK date and a 24-hour UK time. */
export const moveSeriesRequestSchema = z.object({
  date: civilDateSchema,
  time: z.string().refine((time) => /^([01]\d|2[0-3]):[0-5]\d$/.test(time), { message: 'a time written hh:mm, 24-hour', params: problemParams('not-a-clock-time') }),
  ...occurrence,
});
export type MoveSeriesRequest = z.infer<typeof moveSeriesRequestSchema>;

/** `POST /api/meetings/:meetingId/series/cancel`: why (required: meetings are cancelled only as a last resort). */
export const cancelSeriesRequestSchema = z.object({ reason: freeText(CANCEL_REASON_LIMIT).trim().refine((reason) => reason !== '', { message: 'say why the meeting is cancelled', params: problemParams('cancel-reason-needed') }), ...occurrence });
export type CancelSeriesRequest = z.infer<typeof cancelSeriesRequestSchema>;

/** What a move or cancel did (`unchanged`: it had been done already — a repeated press); a move, where the meeting now starts. The dashboard words it. */
export const seriesChangeResponseSchema = z.object({ outcome: z.enum(['changed', 'unchanged']), startsAt: instantSchema.optional() });
export type SeriesChangeResponse = z.infer<typeof seriesChangeResponseSchema>;
