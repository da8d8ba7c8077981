import { z } from 'zod';
import { ACTIVITY_TYPES } from '../domain/activity-feed';
import { CONCERN_KINDS } from '../domain/escalation';
import { NOTICE_KINDS } from '../domain/notice-delivery';
import { LANGUAGES } from '../i18n/language';
import type { SignalKind } from '../domain/signals';
import { ruleWordingSchema } from './dashboard.contract';
import { civilDateSchema, instantSchema } from './wire-values.contract';

/**
 * The durable jobs' payloads: one schema per job kind. A payload is stored as JSON in the job
 * table when a use case enqueues it and read back, maybe on another instance after a redeploy,
 * when the job runs — so the enqueuer types it from here and the handler parses it with the same
 * schema. Payloads carry ids (and, where the words are fixed at enqueue time, a few dates):
 * what a message says is read from current data when it is sent.
 */

const tenantId = z.string().min(1);

export const CHECK_IN_PROMPT_JOB = 'check-in-prompt';
export const CHECK_IN_CHASE_JOB = 'check-in-chase';
export const CONCERN_NOTIFICATION_JOB = 'concern-notification';
export const SIGNAL_NOTICE_JOB = 'signal-notice';
export const MEETING_AGENDA_JOB = 'meeting-agenda';
export const SIGN_OFF_REMINDER_JOB = 'minutes-sign-off-reminder';
export const MINUTES_DELIVERY_JOB = 'minutes-delivery';
export const MEMBER_WELCOME_JOB = 'member-welcome';
export const INSTITUTION_TASK_JOB = 'institution-task';
export const PLAN_DELIVERY_JOB = 'plan-delivery';
export const PLAN_NOT_RECEIVED_JOB = 'plan-not-received';
export const CP9_JOB = 'cp9-to-coordinator';
export const NOTICE_UNDELIVERED_JOB = 'notice-undelivered';
export const AGENCY_REPORT_REQUEST_JOB = 'agency-report-request';
export const CONFERENCE_PACK_JOB = 'conference-pack-delivery';
export const MINUTES_RETURNED_JOB = 'minutes-returned';
export const APP_INSTALL_JOB = 'app-install';
export const ACTIVITY_FEED_JOB = 'activity-feed';

/** A check-in prompt to one action owner, and the chase that follows it (the same payload). */
export const checkInPromptJob = z.object({
  tenantId,
  coreGroupId: z.string().uuid(),
  memberId: z.string().min(1),
  /** Their Teams identity, when they have one: a parent reached by e-mail has none (issue 14, item 6). */
  aadObjectId: z.string().min(1).optional(),
  /** Identifies the prompt's card: answering it twice records one check-in. */
  promptId: z.string().uuid(),
  /** When the prompt was due to go out: the chase looks for a check-in since then. */
  promptedAt: instantSchema,
});
export type CheckInPromptJob = z.infer<typeof checkInPromptJob>;

/**
 * A concern told to one person: a member (and their Teams identity when they have one; jobs queued
 * before members outside Teams were told name only that) or one of the area's contacts. About the
 * step it reached (`step`, 0 when absent: raised), or about a decision (`transitionId`: granted or refused).
 */
export const concernNotificationJob = z
  .object({
    tenantId,
    coreGroupId: z.string().uuid(),
    concernId: z.string().uuid(),
    recipientMemberId: z.string().min(1).optional(),
    recipientAadObjectId: z.string().min(1).optional(),
    recipientAreaContactId: z.string().uuid().optional(),
    step: z.number().int().min(0).optional(),
    transitionId: z.string().uuid().optional(),
  })
  .refine((job) => job.recipientMemberId !== undefined || job.recipientAadObjectId !== undefined || job.recipientAreaContactId !== undefined, { message: 'a concern notice names its recipient' });
export type ConcernNotificationJob = z.infer<typeof concernNotificationJob>;

/** The domain keeps signal kinds as a type only: the list is spelled out here, and the compiler checks it names every one. */
const SIGNAL_KINDS = ['action-overdue', 'action-silent', 'member-absent', 'deadline-missed'] as const satisfies readonly SignalKind[];
const _everySignalKind: [Exclude<SignalKind, (typeof SIGNAL_KINDS)[number]>] extends [never] ? true : never = true;

/** A drift or attendance signal told to one person: ids and the measure, worded when it is sent. */
export const signalNoticeJob = z.object({
  tenantId,
  coreGroupId: z.string().uuid(),
  kind: z.enum(SIGNAL_KINDS),
  concern: z.enum(CONCERN_KINDS),
  subjectId: z.string().min(1),
  measure: z.number().int().nonnegative(),
  memberId: z.string().optional(),
  /** For a missed deadline: the statutory rule's wording (never case content), in English. */
  rule: z.string().optional(),
  /** For a missed deadline: the rule as data, worded in the reader's language when it is sent (jobs queued before it was kept have the English `rule` only). */
  wording: ruleWordingSchema.optional(),
  /** The member told (jobs queued before members outside Teams were told name only their Teams identity). */
  recipientMemberId: z.string().min(1).optional(),
  recipientAadObjectId: z.string().min(1).optional(),
}).refine((job) => job.recipientMemberId !== undefined || job.recipientAadObjectId !== undefined, { message: 'a signal notice names its recipient' });
export type SignalNoticeJob = z.infer<typeof signalNoticeJob>;

/** The agenda posted into a meeting chat, before the meeting or when it starts. */
export const meetingAgendaJob = z.object({ tenantId, meetingId: z.string().uuid(), chatId: z.string().min(1), started: z.boolean() });
export type MeetingAgendaJob = z.infer<typeof meetingAgendaJob>;

/** The chair or minute-taker reminded, 1:1, to finish and sign off the minutes. */
export const signOffReminderJob = z.object({
  tenantId,
  meetingId: z.string().uuid(),
  aadObjectId: z.string().min(1),
  meetingRole: z.enum(['chair', 'minute-taker']),
  caseReference: z.string().min(1),
  meetingDate: civilDateSchema,
  circulationDue: civilDateSchema,
});
export type SignOffReminderJob = z.infer<typeof signOffReminderJob>;

/** One delivery of one version of signed minutes to one person. */
export const minutesDeliveryJob = z.object({
  tenantId,
  meetingId: z.string().uuid(),
  minutesId: z.string().uuid(),
  minutesVersion: z.number().int().positive(),
  memberId: z.string().min(1),
  /** For the family and the child: the signed-off family version they get instead of the minutes. */
  familyVersion: z.number().int().positive().optional(),
});
export type MinutesDeliveryJob = z.infer<typeof minutesDeliveryJob>;

/** Someone added to a core group after set-up: welcome them, in Teams or by e-mail. */
export const memberWelcomeJob = z.object({ tenantId, coreGroupId: z.string().uuid(), memberId: z.string().uuid() });
export type MemberWelcomeJob = z.infer<typeof memberWelcomeJob>;

/** A co-ordinator told of their task to write to the institution holding a relative (seed 001). */
export const institutionTaskJob = z.object({ tenantId, coreGroupId: z.string().uuid(), taskId: z.string().uuid(), memberId: z.string().min(1) });
export type InstitutionTaskJob = z.infer<typeof institutionTaskJob>;
/**
 * One delivery of one version of the plan, circulated after a meeting, to one person. `resent`:
 * again, because they said it had not reached them; `attempt`: how many deliveries of it to them
 * had failed before this one (pressing Circulate again after a failure queues a new job).
 */
export const planDeliveryJob = z.object({
  tenantId,
  meetingId: z.string().uuid(),
  planVersion: z.number().int().positive(),
  memberId: z.string().min(1),
  resent: z.boolean(),
  attempt: z.number().int().nonnegative(),
});
export type PlanDeliveryJob = z.infer<typeof planDeliveryJob>;

/** The lead social worker told that a member says the plan circulated after a meeting has not reached them (seed 003); `resending`: it is on its way to them again. */
export const planNotReceivedJob = z.object({ tenantId, meetingId: z.string().uuid(), planVersion: z.number().int().positive(), memberId: z.string().min(1), resending: z.boolean() });
export type PlanNotReceivedJob = z.infer<typeof planNotReceivedJob>;

/** The CP9 record of a held meeting e-mailed to the area's Children Services co-ordinator (seed 001). */
export const cp9Job = z.object({ tenantId, meetingId: z.string().uuid() });
export type Cp9Job = z.infer<typeof cp9Job>;

/**
 * The lead social worker told that a notice to someone was never delivered (its job dead): which
 * kind, to whom, after how many attempts. Once per dead job; never raised for a dead one of these.
 */
export const noticeUndeliveredJob = z.object({
  tenantId,
  coreGroupId: z.string().uuid(),
  noticeKind: z.enum(NOTICE_KINDS),
  memberId: z.string().min(1),
  deadJobId: z.string().min(1),
  attempts: z.number().int().nonnegative(),
});
export type NoticeUndeliveredJob = z.infer<typeof noticeUndeliveredJob>;

/** A member asked for their written report for a review conference, or chased for it (`chase`) while it is not submitted. */
export const agencyReportRequestJob = z.object({
  tenantId,
  coreGroupId: z.string().uuid(),
  reviewConferenceId: z.string().uuid(),
  /** The review's date when asked: a review moved since makes this request stale (the move plans new ones). */
  reviewOn: civilDateSchema,
  dueOn: civilDateSchema,
  memberId: z.string().min(1),
  chase: z.boolean(),
});
export type AgencyReportRequestJob = z.infer<typeof agencyReportRequestJob>;

/**
 * The conference pack sent before a review conference to the group's conference chair, or — when
 * nobody is the chair in the group — to the lead social worker to pass on (`forChair: false`).
 */
export const conferencePackJob = z.object({ tenantId, coreGroupId: z.string().uuid(), reviewConferenceId: z.string().uuid(), reviewOn: civilDateSchema, memberId: z.string().min(1), forChair: z.boolean() });
export type ConferencePackJob = z.infer<typeof conferencePackJob>;

/** The chair told that the team manager sent their signed minutes back with comments (`returnedAt`: which return; a later one, or the chair signing again, makes it stale). */
export const minutesReturnedJob = z.object({ tenantId, coreGroupId: z.string().uuid(), meetingId: z.string().uuid(), memberId: z.string().min(1), returnedAt: instantSchema });
export type MinutesReturnedJob = z.infer<typeof minutesReturnedJob>;

/** A member added to a core group (at set-up or later): install the app for them, so the bot can reach them 1:1 and post to their activity feed. */
export const appInstallJob = z.object({ tenantId, coreGroupId: z.string().uuid(), memberId: z.string().min(1) });
export type AppInstallJob = z.infer<typeof appInstallJob>;

/**
 * A notice that reached someone's 1:1 chat, also put in their Teams activity feed: who, which
 * activity type, the notice's preview (never the child's name) and where selecting it takes them;
 * the case reference is read when it is sent.
 */
export const activityFeedJob = z.object({
  tenantId,
  coreGroupId: z.string().uuid(),
  aadObjectId: z.string().min(1),
  activityType: z.enum(ACTIVITY_TYPES),
  previewText: z.string().min(1),
  destination: z.enum(['bot-chat', 'dashboard']),
  /** The language the notice was written in, which the item's topic is worded in too (English when absent: items queued before it was kept). */
  language: z.enum(LANGUAGES).optional(),
});
export type ActivityFeedJob = z.infer<typeof activityFeedJob>;

/** Every job kind with the schema of its payload. */
export const JOB_PAYLOADS = {
  [CHECK_IN_PROMPT_JOB]: checkInPromptJob,
  [CHECK_IN_CHASE_JOB]: checkInPromptJob,
  [CONCERN_NOTIFICATION_JOB]: concernNotificationJob,
  [SIGNAL_NOTICE_JOB]: signalNoticeJob,
  [MEETING_AGENDA_JOB]: meetingAgendaJob,
  [SIGN_OFF_REMINDER_JOB]: signOffReminderJob,
  [MINUTES_DELIVERY_JOB]: minutesDeliveryJob,
  [MEMBER_WELCOME_JOB]: memberWelcomeJob,
  [INSTITUTION_TASK_JOB]: institutionTaskJob,
  [PLAN_DELIVERY_JOB]: planDeliveryJob,
  [PLAN_NOT_RECEIVED_JOB]: planNotReceivedJob,
  [CP9_JOB]: cp9Job,
  [NOTICE_UNDELIVERED_JOB]: noticeUndeliveredJob,
  [AGENCY_REPORT_REQUEST_JOB]: agencyReportRequestJob,
  [CONFERENCE_PACK_JOB]: conferencePackJob,
  [MINUTES_RETURNED_JOB]: minutesReturnedJob,
  [APP_INSTALL_JOB]: appInstallJob,
  [ACTIVITY_FEED_JOB]: activityFeedJob,
} as const;
export type JobKind = keyof typeof JOB_PAYLOADS;
export type JobPayload<K extends JobKind> = z.infer<(typeof JOB_PAYLOADS)[K]>;
