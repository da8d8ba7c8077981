import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { ATTENDANCE, type MinutesContent } from '../domain/minutes';

const text = (max: number) => z.string().max(max);
const civilDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .transform((value, context) => {
    try {
      return Temporal.PlainDate.from(value, { overflow: 'reject' });
    } catch {
      context.addIssue({ code: 'custom', message: 'not a real date' });
      return z.NEVER;
    }
  });
const id = z.string().min(1).max(100);

/**
 * Each section of the minutes the tab autosaves on its own, with its schema: what the server
 * accepts, so a typo in a client cannot put a wrong shape into the record. Chat contributions are
 * not a section: they are accepted or dropped one by one.
 */
export const MINUTES_SECTIONS = {
  attendance: z.array(z.object({ memberId: id, attendance: z.enum(ATTENDANCE), representativeName: text(200).optional() })).max(200),
  allAgenciesPresent: z.object({ discussed: z.boolean(), note: text(2000) }),
  actionUpdates: z.array(z.object({ actionId: id, agency: text(200), update: text(4000) })).max(200),
  childsVoice: text(10_000),
  signsOfSafety: z.object({
    worries: text(10_000),
    workingWell: text(10_000),
    needsToHappen: text(10_000),
    scaling: z.array(z.object({ memberId: id, score: z.number().int().min(0).max(10) })).max(200),
  }),
  decisions: z.array(text(2000)).max(100),
  newActions: z.array(z.object({ what: z.string().trim().min(1).max(1000), ownerMemberId: id, agency: text(200), due: civilDate, progressMeasure: text(1000) })).max(100),
  disagreements: z.array(z.object({ text: z.string().trim().min(1).max(4000), significant: z.boolean() })).max(100),
  contingencyReview: text(10_000),
  nextMeetingDate: civilDate.nullable().transform((value) => value ?? undefined),
  sharing: z.object({ withFamily: z.boolean(), withChild: z.boolean() }),
} satisfies { [K in Exclude<keyof MinutesContent, 'contributions'>]: z.ZodType<unknown> };

export type MinutesSection = keyof typeof MINUTES_SECTIONS;
export const SECTION_NAMES = Object.keys(MINUTES_SECTIONS) as MinutesSection[];
