import { z } from 'zod';
import { CONCERN_KINDS } from '../domain/escalation';
import { NOTICE_KINDS } from '../domain/notice-delivery';
import { noticeReasonSchema } from './concerns.contract';
import { planActionSchema } from './minutes.contract';
import { civilDateSchema, deadlineStatusSchema, instantSchema, memberRoleSchema } from './wire-values.contract';

/** The deadlines the policy engine tracks (src/domain/obligations.ts). */
export const obligationKindSchema = z.enum(['first-core-group', 'core-group', 'review-conference', 'minutes-circulation', 'plan-circulation', 'cp9', 'agency-report']);
export type ObligationKind = z.infer<typeof obligationKindSchema>;

/** A length of time as a rule gives it (src/domain/policy.ts `Period`): "10 working days". */
const periodSchema = z.object({ count: z.number().int().min(1), unit: z.enum(['working-days', 'calendar-days', 'weeks', 'months']) });

/**
 * A deadline's rule as data (src/domain/obligations.ts `RuleWording`), for the tab and the add-in
 * to word in the reader's language: which rule, and the period, starting conference, number or
 * agency its words name. `agency` is user text.
 */
export const ruleWordingSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.enum(['first-core-group', 'first-review-conference']), period: periodSchema, start: z.enum(['icpc', 'transfer-in']) }),
  z.object({ rule: z.enum(['next-core-group', 'core-group-after-review', 'next-review-conference', 'next-review-conference-set', 'minutes-circulation', 'plan-circulation', 'cp9']), period: periodSchema }),
  z.object({ rule: z.literal('meetings-before-first-review'), minimum: z.number().int().min(1) }),
  z.object({ rule: z.literal('agency-report-at-final-core-group'), agency: z.string() }),
  z.object({ rule: z.literal('agency-report-before-review'), agency: z.string(), workingDays: z.number().int().min(1) }),
]);
export type RuleWording = z.infer<typeof ruleWordingSchema>;

/** An open deadline of a core group; `wording`, its rule as data (absent where the engine gave none). */
export const obligationSchema = z.object({ id: z.string().min(1), kind: obligationKindSchema, wording: ruleWordingSchema.optional(), due: civilDateSchema, status: deadlineStatusSchema, daysLate: z.number().int().min(0) });
export type Obligation = z.infer<typeof obligationSchema>;

/** Drift and attendance signals (src/domain/signals.ts): ids and a number only, never names or case content. */
export const signalKindSchema = z.enum(['action-overdue', 'action-silent', 'member-absent', 'deadline-missed']);
export type SignalKind = z.infer<typeof signalKindSchema>;

export const signalSchema = z.object({ kind: signalKindSchema, subjectId: z.string().min(1), measure: z.number() });
export type Signal = z.infer<typeof signalSchema>;

/** A member's reply to the booked series' invitation, as Graph last reported it. */
export const seriesReplySchema = z.enum(['accepted', 'tentative', 'declined', 'none', 'organiser']);
export type SeriesReply = z.infer<typeof seriesReplySchema>;

/**
 * The group's next core group meeting: the next occurrence of its booked series (with its time,
 * join link and each invitee's reply), else the next meeting recorded without a calendar booking.
 * `id`: the meeting whose minutes the tab opens.
 */
export const nextMeetingSchema = z.object({
  id: z.uuid(),
  date: civilDateSchema,
  startsAt: instantSchema.optional(),
  endsAt: instantSchema.optional(),
  joinUrl: z.url().optional(),
  replies: z.array(z.object({ memberId: z.string().min(1), name: z.string(), reply: seriesReplySchema })).optional(),
  /** Whether it is an occurrence of a series booked in Outlook, which the dashboard can move or cancel (`startsAt` is then its start). */
  inSeries: z.boolean(),
  /** The calendar's id for that occurrence when it is not the one the meeting records (it keeps it when moved): what a move or cancel names it by. */
  occurrenceId: z.string().min(1).optional(),
});
export type NextMeeting = z.infer<typeof nextMeetingSchema>;

export const dashboardCoreGroupSchema = z.object({
  id: z.uuid(),
  caseReference: z.string(),
  /** The caller's standing role in it. */
  role: memberRoleSchema,
  /** The area the case transferred in from and the day of its transfer-in conference, when its plan here started there rather than at an ICPC. */
  transferredIn: z.object({ from: z.string(), on: civilDateSchema }).optional(),
  /** Whether the caller may export the plan and the record pack (lead social worker, team manager, conference chair): the tab shows the buttons only then. */
  canExportPlan: z.boolean(),
  /**
   * For its lead social worker, team manager and conference chair only (`view-group-attention`): the
   * group's concerns still open, each with the roles of the step it rests at, its blocked actions
   * with their owners' notes, its failed notices, who Teams cannot reach and its missed deadlines.
   */
  attention: z
    .object({
      concerns: z.array(z.object({ id: z.string(), kind: z.enum(CONCERN_KINDS), raisedOn: civilDateSchema, step: z.number().int().nonnegative(), withRoles: z.array(z.string()), respondBy: civilDateSchema, overdue: z.boolean() })),
      blockedActions: z.array(z.object({ id: z.string(), what: z.string(), agency: z.string(), note: z.string().optional(), since: instantSchema.optional() })),
      /** Notices whose last attempt failed (who — absent: a former member —, what kind, on which channel, why — absent: no reason recorded —, when), until a later attempt goes. */
      failedNotices: z.array(z.object({ kind: z.enum(NOTICE_KINDS), memberName: z.string().optional(), channel: z.enum(['teams', 'email']), reason: noticeReasonSchema.optional(), at: instantSchema })),
      /** Members the app could not be installed for — their organisation does not allow it — so Teams cannot reach them: they are sent e-mail. */
      notInTeams: z.array(z.object({ memberName: z.string(), agency: z.string(), since: instantSchema })),
      /** Statutory deadlines missed: past due and not met (a deadline met late is met, not missed). */
      missedDeadlines: z.array(z.object({ id: z.string(), kind: obligationKindSchema, wording: ruleWordingSchema.optional(), due: civilDateSchema, daysLate: z.number().int().nonnegative() })),
    })
    .optional(),
  /** Whether the caller may change the plan (lead social worker, team manager), while the plan runs. */
  canEditPlan: z.boolean(),
  /** Whether the caller may book, move and cancel the group's meetings (lead social worker, team manager). */
  canSchedule: z.boolean(),
  /** Whether the caller may book and record review conferences (lead social worker, team manager, conference chair), while the plan runs. */
  canRecordReview: z.boolean(),
  /** Whether the caller may record the case's transfer out to another area (lead social worker, team manager), while the plan runs. */
  canTransfer: z.boolean(),
  /** Whether the caller may record a relative in prison, hospital or another institution (lead social worker, team manager), while the plan runs. */
  canRecordPersonInInstitution: z.boolean(),
  /** Whether the caller may say the plan circulated after the last core group held has not reached them (seed 003: offered to every professional member but the lead social worker, who circulates it and is the one told, once a meeting was held). */
  canSayPlanNotReceived: z.boolean(),
  /** The last meeting held, whose minutes the dashboard links to. */
  lastHeldMeeting: z.object({ id: z.uuid(), date: civilDateSchema }).optional(),
  obligations: z.array(obligationSchema),
  signals: z.array(signalSchema),
  nextMeeting: nextMeetingSchema.optional(),
});
export type DashboardCoreGroup = z.infer<typeof dashboardCoreGroupSchema>;

/** A plan action the caller owns, in any of their core groups. */
export const myActionSchema = planActionSchema
  .pick({ id: true, what: true, due: true, state: true, lastCheckIn: true })
  .extend({ coreGroupId: z.uuid(), caseReference: z.string() });
export type MyAction = z.infer<typeof myActionSchema>;

/** Obligations that fell due in one month, of one kind: met on time, or late. */
export const complianceEntrySchema = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), kind: obligationKindSchema, met: z.number().int().min(0), late: z.number().int().min(0) });
export type ComplianceEntry = z.infer<typeof complianceEntrySchema>;

export const timelineKindSchema = z.enum(['icpc', 'core-group', 'review-conference', 'action-due']);
export type TimelineKind = z.infer<typeof timelineKindSchema>;

/** What an event is, for the page to name (`transfer-in`: the first conference of a case that transferred in). */
export const timelineEventSchema = z.enum(['icpc', 'transfer-in', 'core-group-held', 'core-group-booked', 'review-conference', 'action-due']);
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** One event on the plan timeline; an action due carries its words (`what`), as its owner wrote them. */
export const timelineEntrySchema = z.object({ coreGroupId: z.uuid(), date: civilDateSchema, kind: timelineKindSchema, event: timelineEventSchema, what: z.string().optional() });
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** `GET /api/dashboard`: the caller's core groups, their own actions, compliance by month and kind, the plan timeline. */
export const dashboardResponseSchema = z.object({
  coreGroups: z.array(dashboardCoreGroupSchema),
  myActions: z.array(myActionSchema),
  compliance: z.array(complianceEntrySchema),
  timeline: z.array(timelineEntrySchema),
  /** The language the caller chose for Core Group (`/coregroup language`), if they chose one: the tab follows it over the host's locale. */
  language: z.enum(['en', 'cy']).optional(),
});
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;
