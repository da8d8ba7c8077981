import { z } from 'zod';
import { ATTENDANCE, EDITION_STAGES, NOTE_SECTIONS, RECOMMENDATION_OUTCOMES, YES_NO_UNKNOWN } from '../domain/minutes';
import { errorBodySchema } from './errors.contract';
import { TEXT_LIMITS, clientId, freeText, requiredText } from './text.contract';
import { actionStateSchema, civilDateSchema, deadlineStatusSchema, instantSchema, lastCheckInSchema, memberRoleSchema } from './wire-values.contract';

const id = clientId();

// ─── The sections of the minutes: what the tab autosaves, one PATCH per section ───────────────────

/** How a member took part (src/domain/minutes.ts). `invited` is the draft's start: nothing recorded yet. */
export const attendanceSchema = z.enum(ATTENDANCE);
export type Attendance = z.infer<typeof attendanceSchema>;
/** What the chair may record; `invited` is only where a draft starts. */
export type AttendanceChoice = Exclude<Attendance, 'invited'>;

export const attendanceEntrySchema = z.object({ memberId: id, attendance: attendanceSchema, representativeName: freeText(TEXT_LIMITS.name).optional() });
export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;

export const actionUpdateSchema = z.object({ actionId: id, agency: freeText(TEXT_LIMITS.name), update: freeText(TEXT_LIMITS.paragraph) });
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;

export const scalingScoreSchema = z.object({ memberId: id, score: z.number().int().min(0).max(10) });
export type ScalingScore = z.infer<typeof scalingScoreSchema>;

export const signsOfSafetySchema = z.object({
  worries: freeText(TEXT_LIMITS.section),
  workingWell: freeText(TEXT_LIMITS.section),
  needsToHappen: freeText(TEXT_LIMITS.section),
  scaling: z.array(scalingScoreSchema).max(200),
});
export type SignsOfSafety = z.infer<typeof signsOfSafetySchema>;

/** `what` takes as much as an action typed in the meeting chat, so one accepted from there can be saved again. */
export const newActionSchema = z.object({ what: requiredText(TEXT_LIMITS.line), ownerMemberId: id, agency: freeText(TEXT_LIMITS.name), due: civilDateSchema, progressMeasure: freeText(TEXT_LIMITS.short), outcomeId: id.optional() });
export type NewAction = z.infer<typeof newActionSchema>;

export const disagreementSchema = z.object({ text: requiredText(TEXT_LIMITS.paragraph), significant: z.boolean() });
export type Disagreement = z.infer<typeof disagreementSchema>;

/** Someone at the meeting who is not a member: a name and why they were there, never a role or access. */
export const otherAttendeeSchema = z.object({ name: requiredText(TEXT_LIMITS.name), relationship: requiredText(TEXT_LIMITS.name), organisation: freeText(TEXT_LIMITS.name) });
export type OtherAttendee = z.infer<typeof otherAttendeeSchema>;

export const agencyUpdateSchema = z.object({ agency: requiredText(TEXT_LIMITS.name), update: freeText(TEXT_LIMITS.paragraph) });
export type AgencyUpdate = z.infer<typeof agencyUpdateSchema>;

export const yesNoUnknownSchema = z.enum(YES_NO_UNKNOWN);
export type YesNoUnknown = z.infer<typeof yesNoUnknownSchema>;

/** `lastSeenOn` null: no date recorded. */
export const childSeenSchema = z.object({ seen: yesNoUnknownSchema, seenAlone: yesNoUnknownSchema, lastSeenOn: civilDateSchema.nullable(), seenBy: freeText(TEXT_LIMITS.name), note: freeText(TEXT_LIMITS.paragraph) });
export type ChildSeen = z.infer<typeof childSeenSchema>;

export const writtenReportSchema = z.object({ memberId: id, summary: freeText(TEXT_LIMITS.paragraph) });
export type WrittenReport = z.infer<typeof writtenReportSchema>;

export const recommendationOutcomeSchema = z.enum(RECOMMENDATION_OUTCOMES);
export type RecommendationOutcome = z.infer<typeof recommendationOutcomeSchema>;

/** `outcome` null: none agreed yet. An outcome needs its reasons (checked by the server, src/domain/minutes.ts `decideRecommendation`). */
export const reviewRecommendationSchema = z.object({ outcome: recommendationOutcomeSchema.nullable(), reasons: freeText(TEXT_LIMITS.section) });
export type ReviewRecommendation = z.infer<typeof reviewRecommendationSchema>;

/**
 * Each section the tab autosaves on its own, with its schema: what the server accepts, so a typo
 * in a client cannot put a wrong shape into the record. The server parses a section's value only
 * after it has authorised the writer (src/services/minutes-sections.ts), so someone who may not
 * edit gets 403 whatever they sent. Chat contributions are not a section: they are decided one by one.
 */
export const MINUTES_SECTIONS = {
  attendance: z.array(attendanceEntrySchema).max(200),
  otherAttendees: z.array(otherAttendeeSchema).max(50),
  allAgenciesPresent: z.object({ discussed: z.boolean(), note: freeText(TEXT_LIMITS.line) }),
  actionUpdates: z.array(actionUpdateSchema).max(200),
  agencyUpdates: z.array(agencyUpdateSchema).max(50),
  writtenReports: z.array(writtenReportSchema).max(100),
  childSeen: childSeenSchema,
  childsVoice: freeText(TEXT_LIMITS.section),
  signsOfSafety: signsOfSafetySchema,
  decisions: z.array(freeText(TEXT_LIMITS.line)).max(100),
  newActions: z.array(newActionSchema).max(100),
  disagreements: z.array(disagreementSchema).max(100),
  contingencyReview: freeText(TEXT_LIMITS.section),
  reviewRecommendation: reviewRecommendationSchema,
  /** `null` clears the date. */
  nextMeetingDate: civilDateSchema.nullable(),
  /** Withholding from the family or the child needs `withheldReason` (checked by the server, src/domain/minutes.ts `decideSharing`). */
  sharing: z.object({ withFamily: z.boolean(), withChild: z.boolean(), withheldReason: freeText(TEXT_LIMITS.line).optional() }),
};

/** Every section's value at once: the type of the editor's state. */
export const sectionValuesSchema = z.object(MINUTES_SECTIONS);
export type SectionValues = z.infer<typeof sectionValuesSchema>;

export const sectionNameSchema = sectionValuesSchema.keyof();
export type SectionName = z.infer<typeof sectionNameSchema>;

/**
 * `PATCH /api/meetings/:meetingId/minutes`: one section, on the version the editor started from.
 * `value` is checked against `MINUTES_SECTIONS[section]` once the writer is authorised.
 */
export const sectionSaveRequestSchema = z.object({ baseVersion: z.number().int().positive(), section: sectionNameSchema, value: z.unknown() });
export type SectionSaveRequest = z.infer<typeof sectionSaveRequestSchema>;

// ─── The minutes as the server sends them ─────────────────────────────────────────────────────────

/** Something a member added from the meeting chat, waiting for the chair; `due` is as typed. */
export const chatContributionSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['note', 'decision', 'action']),
  text: z.string(),
  memberId: z.string().min(1),
  at: instantSchema,
  ownerName: z.string().optional(),
  due: z.string().optional(),
});
export type ChatContribution = z.infer<typeof chatContributionSchema>;

/** The content of the minutes: the sections (without a next date: absent, not null) and the chat's contributions. */
export const minutesContentSchema = sectionValuesSchema.extend({
  nextMeetingDate: civilDateSchema.optional(),
  contributions: z.array(chatContributionSchema),
});
export type MinutesContent = z.infer<typeof minutesContentSchema>;

export const signOffSchema = z.object({ memberId: z.string().min(1), at: instantSchema });
export type SignOff = z.infer<typeof signOffSchema>;

export const minutesSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  content: minutesContentSchema,
  chairSignOff: signOffSchema.optional(),
  managerSignOff: signOffSchema.optional(),
  amendmentReason: z.string().optional(),
  /** The team manager sent them back to the chair with comments (until the team manager signs). */
  returned: z.object({ memberId: z.string().min(1), at: instantSchema, comments: z.string() }).optional(),
});
export type Minutes = z.infer<typeof minutesSchema>;

/** What a saved section or a decided contribution answers: the whole content at the new version. */
export const minutesSnapshotResponseSchema = z.object({ version: z.number().int().positive(), content: minutesContentSchema });
export type MinutesSnapshot = z.infer<typeof minutesSnapshotResponseSchema>;

/** A 409 on autosave: the section changed since `baseVersion`; `current` lets the tab show both versions. */
/** A 409 on a section: the minutes as they are now, and who saved that version and when (absent when not known; `name` absent: a former member). */
export const versionConflictBodySchema = errorBodySchema.extend({ current: minutesSnapshotResponseSchema, changedBy: z.object({ name: z.string().optional(), at: instantSchema }).optional() });
export type VersionConflictBody = z.infer<typeof versionConflictBodySchema>;

export const memberSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  role: memberRoleSchema,
  agency: z.string(),
  /** May chair a meeting or take its minutes: professionals only, never a family member or the child. */
  mayHoldMeetingRoles: z.boolean(),
});
export type Member = z.infer<typeof memberSchema>;

export const planActionSchema = z.object({
  id: z.string().min(1),
  what: z.string(),
  ownerMemberId: z.string().min(1),
  agency: z.string(),
  due: civilDateSchema,
  state: actionStateSchema,
  lastCheckIn: lastCheckInSchema.optional(),
});
export type PlanAction = z.infer<typeof planActionSchema>;

export const deliverySchema = z.object({ memberId: z.string().min(1), channel: z.enum(['teams', 'email']), outcome: z.enum(['sent', 'failed']), at: instantSchema });
export type Delivery = z.infer<typeof deliverySchema>;

/** What the caller may do with these minutes, from their standing and meeting roles. */
export const permissionsSchema = z.object({
  memberId: z.string().min(1),
  canEdit: z.boolean(),
  canSignAsChair: z.boolean(),
  canSignAsManager: z.boolean(),
  canDistribute: z.boolean(),
  canExport: z.boolean(),
  /** May name the chair and the minute-taker (`PUT /api/meetings/:meetingId/roles`). */
  canAssignRoles: z.boolean(),
  /** May record whether the meeting took place (`POST /api/meetings/:meetingId/outcome`). */
  canRecordOutcome: z.boolean(),
});
export type Permissions = z.infer<typeof permissionsSchema>;

/** `GET /api/meetings/:meetingId/minutes`, and the answer to roles, sign-off and amend. */
export const minutesViewResponseSchema = z.object({
  meeting: z.object({
    id: z.uuid(),
    coreGroupId: z.uuid(),
    caseReference: z.string(),
    date: civilDateSchema,
    startsAt: instantSchema.optional(),
    endsAt: instantSchema.optional(),
    /** Named for this meeting; without one the lead social worker chairs. */
    chairMemberId: z.string().optional(),
    minuteTakerMemberId: z.string().optional(),
    /** Booked, held (it took place), cancelled beforehand, or not held (its time came and it did not take place). */
    status: z.enum(['scheduled', 'held', 'cancelled', 'not-held']),
    /** Why it was cancelled or did not take place. */
    notHeldReason: z.string().optional(),
    /** Its start has passed: minutes can be signed, and whether it took place recorded. */
    started: z.boolean(),
  }),
  minutes: minutesSchema,
  members: z.array(memberSchema),
  /** The plan's outcomes, which each new action is filed under. */
  outcomes: z.array(z.object({ id: z.string(), text: z.string() })),
  actions: z.array(planActionSchema),
  /** Earlier held meetings' Signs of Safety scaling, oldest first. */
  scalingHistory: z.array(z.object({ date: civilDateSchema, scores: z.array(scalingScoreSchema) })),
  you: permissionsSchema,
  /** `amendmentToCirculate`: the minutes were amended and this version has not yet reached everyone who must have it. */
  circulation: z.object({ due: civilDateSchema, status: deadlineStatusSchema, amendmentToCirculate: z.boolean() }),
  /**
   * How people name these minutes — never the save counter: the stage ("draft", "draft, signed by
   * the chair", "signed", "amendment 1 of the signed minutes, not yet signed") and which amendment
   * (0: the minutes as first signed); the tab words it.
   */
  edition: z.object({ stage: z.enum(EDITION_STAGES), amendment: z.number().int().min(0) }),
  /** The policy's deadline for the next meeting, to pre-fill the next date. */
  nextMeetingDue: civilDateSchema,
  /** Deliveries of the current version. */
  deliveries: z.array(deliverySchema),
  /** Per disagreement, by position: the concern its signing raised (significant ones of signed minutes), else null. */
  disagreementConcerns: z.array(z.object({ raisedAt: z.string() }).nullable()),
  /** Whether anyone is the conference chair for this group: a member, or the area's contact. */
  conferenceChairReachable: z.boolean(),
});
export type MinutesView = z.infer<typeof minutesViewResponseSchema>;

// ─── The other requests on one meeting's minutes ─────────────────────────────────────────────────

/** The path of every route on one meeting. */
export const meetingParamsSchema = z.object({ meetingId: z.uuid() });
export type MeetingParams = z.infer<typeof meetingParamsSchema>;

/** The free-text sections an accepted chat note can join. */
export const noteSectionSchema = z.enum(NOTE_SECTIONS);
export type NoteSection = z.infer<typeof noteSectionSchema>;

/** `POST /api/meetings/:meetingId/minutes/contributions/:contributionId`. */
export const contributionParamsSchema = meetingParamsSchema.extend({ contributionId: clientId(200) });
/** Take a chat contribution into the minutes (a note says `into` which section) or drop it; answers a snapshot. */
export const contributionDecisionRequestSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('drop') }),
  z.object({ decision: z.literal('accept'), into: noteSectionSchema.optional() }),
]);
export type ContributionDecisionRequest = z.infer<typeof contributionDecisionRequestSchema>;

/** `PUT /api/meetings/:meetingId/roles`: never the same person (422); answers the minutes view. */
export const rolesRequestSchema = z.object({ chairMemberId: id, minuteTakerMemberId: id });
export type RolesRequest = z.infer<typeof rolesRequestSchema>;

/** `POST /api/meetings/:meetingId/minutes/sign-off`; answers the minutes view. */
export const signOffRequestSchema = z.object({ as: z.enum(['chair', 'team-manager']) });
export type SignOffRequest = z.infer<typeof signOffRequestSchema>;

/**
 * `POST /api/meetings/:meetingId/outcome`: once its start has passed, the meeting took place (with
 * the attendance its minutes record: someone present) or did not, and why. Answers the minutes view.
 */
export const meetingOutcomeRequestSchema = z.discriminatedUnion('happened', [
  z.object({ happened: z.literal(true) }).strict(),
  z.object({ happened: z.literal(false), reason: requiredText(TEXT_LIMITS.line) }).strict(),
]);
export type MeetingOutcomeRequest = z.infer<typeof meetingOutcomeRequestSchema>;

/** `POST /api/meetings/:meetingId/minutes/amend`: a new unsigned version that says why; answers the minutes view. */
export const amendRequestSchema = z.object({ reason: requiredText(TEXT_LIMITS.line) });
export type AmendRequest = z.infer<typeof amendRequestSchema>;

/** `POST /api/meetings/:meetingId/minutes/return`: the team manager sends the chair's signed minutes back, saying what to change. */
export const returnToChairRequestSchema = z.object({ comments: requiredText(TEXT_LIMITS.paragraph) });
export type ReturnToChairRequest = z.infer<typeof returnToChairRequestSchema>;

/** `POST …/distribute` answers 202: deliveries go out as jobs and show in the view's `deliveries`. */
export const distributionQueuedResponseSchema = z.object({ queued: z.number().int().min(0), recipients: z.number().int().min(0) });
export type DistributionQueued = z.infer<typeof distributionQueuedResponseSchema>;

/** `GET /api/meetings/:meetingId/minutes/export.docx|pdf` and `GET /api/core-groups/:coreGroupId/plan/export.docx|pdf`. */
export const exportFormatSchema = z.enum(['docx', 'pdf']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;
export const minutesExportParamsSchema = meetingParamsSchema.extend({ format: exportFormatSchema });
export const planExportParamsSchema = z.object({ coreGroupId: z.uuid(), format: exportFormatSchema });
/** `GET /api/core-groups/:coreGroupId/record-pack?format=docx|pdf`: the case's whole record in one document. */
export const recordPackQuerySchema = z.object({ format: exportFormatSchema });
