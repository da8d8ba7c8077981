import type { AgencyReport } from '../../domain/agency-report';
import type { PlanDelivery, PlanNotReceived } from '../../domain/circulation';
import type { CivilDate } from '../../domain/civil-date';
import type { ReviewConference } from '../../domain/review-conference';
import type { FamilyCheckInLink } from '../../domain/family-check-in-link';
import type { AppInstallOutcome } from './teamwork.port';
import type { DocumentLanguage, Language } from '../../i18n/language';
import type { CaseloadEntry, CoreGroup, CoreGroupMember } from '../../domain/core-group';
import type { AreaContact, ConcernStatus, ConcernTransition } from '../../domain/concern-steps';
import type { ConcernKind } from '../../domain/escalation';
import type { CoreGroupMeeting } from '../../domain/meeting';
import type { Delivery, Minutes } from '../../domain/minutes';
import type { CaseTimeline } from '../../domain/obligations';
import type { InstitutionTask } from '../../domain/institution-task';
import type { NoticeDelivery, NoticeKind } from '../../domain/notice-delivery';
import type { FamilyVersion } from '../../domain/family-version';
import type { FiledDocument } from '../../domain/filed-document';
import type { CheckIn, ChildProtectionPlan, PlanRevision } from '../../domain/plan';
import type { InvitationResponse } from './calendar.port';

/** Core groups and their members. */
export interface CoreGroupRepository {
  create(coreGroup: CoreGroup, members: readonly CoreGroupMember[]): Promise<void>;
  findById(id: string): Promise<CoreGroup | undefined>;
  /** The core groups a signed-in person belongs to, in one tenant. */
  listForMember(tenantId: string, aadObjectId: string): Promise<CoreGroup[]>;
  /**
   * The same groups with the caller's active membership of each, read together, and each group's
   * revision: a value the database changes whenever anything its status is judged from changes.
   */
  listMemberships(tenantId: string, aadObjectId: string): Promise<CaseloadEntry<CoreGroupMember>[]>;
  /**
   * The same, with only who the caller is in each group and in what role: what a caseload view
   * (status, the dashboard, choosing a case) judges and authorises from, read for every group on
   * every request — a team manager's 150 at half the cost of the whole memberships.
   */
  listCaseload(tenantId: string, aadObjectId: string): Promise<CaseloadEntry[]>;
  listIds(page: { after?: string; limit: number }): Promise<string[]>;
  /** The policy profiles the core groups whose plan still runs follow, each once. */
  policiesInUse(): Promise<string[]>;
  members(coreGroupId: string): Promise<CoreGroupMember[]>;
  /** The members of each of several groups, read together (a caseload's). */
  membersOfEach(coreGroupIds: readonly string[]): Promise<Map<string, CoreGroupMember[]>>;
  findMember(coreGroupId: string, aadObjectId: string): Promise<CoreGroupMember | undefined>;
  addMember(coreGroupId: string, member: CoreGroupMember): Promise<void>;
  updateMember(coreGroupId: string, member: CoreGroupMember): Promise<void>;
  /** Ends the plan on a day; `transferredTo`: the area the case transferred out to, when that is why. */
  endPlan(coreGroupId: string, on: CivilDate, transferredTo?: string): Promise<void>;
  /** The area the case transferred out to, if it did. */
  transferredTo(coreGroupId: string): Promise<string | undefined>;
}

export interface StoredPlanRevision extends PlanRevision {
  readonly createdAt: string;
}

/** Child protection plan versions with their change log. */
export interface PlanRepository {
  current(coreGroupId: string): Promise<ChildProtectionPlan | undefined>;
  /** The current plan of each of several groups, read together; a group without a plan has no entry. */
  currentOfEach(coreGroupIds: readonly string[]): Promise<Map<string, ChildProtectionPlan>>;
  history(coreGroupId: string): Promise<StoredPlanRevision[]>;
  /** Saves the next version; throws VersionConflictError unless it is exactly current + 1. */
  saveRevision(revision: PlanRevision, at: string): Promise<void>;
}

/** Meetings and the case events deadlines are computed from. */
export interface MeetingRepository {
  /** Creates a meeting once per booking key: a retry returns the meeting the first call created. */
  create(meeting: CoreGroupMeeting, bookingKey?: string): Promise<{ meeting: CoreGroupMeeting; created: boolean }>;
  findById(id: string): Promise<CoreGroupMeeting | undefined>;
  findByBookingKey(bookingKey: string): Promise<CoreGroupMeeting | undefined>;
  findByCalendarEvent(eventId: string): Promise<CoreGroupMeeting | undefined>;
  /** The booked meeting whose Teams meeting chat this is. */
  findByChatId(chatId: string): Promise<CoreGroupMeeting | undefined>;
  /** Booked meetings still to come (from a date on), across core groups: what reply polling walks. */
  listBookedFrom(date: CivilDate, limit: number): Promise<CoreGroupMeeting[]>;
  update(meeting: CoreGroupMeeting): Promise<void>;
  recordInvitationResponses(meetingId: string, responses: readonly { memberId: string; response: InvitationResponse }[], at: string): Promise<void>;
  invitations(meetingId: string): Promise<{ memberId: string; response: InvitationResponse }[]>;
  /** The replies to each of several meetings' invitations, read together. */
  invitationsOfEach(meetingIds: readonly string[]): Promise<Map<string, { memberId: string; response: InvitationResponse }[]>>;
  listByCoreGroup(coreGroupId: string): Promise<CoreGroupMeeting[]>;
  /** The meetings of each of several groups, read together. */
  listByCoreGroups(coreGroupIds: readonly string[]): Promise<Map<string, CoreGroupMeeting[]>>;
  /** Books, moves or records a review conference (by id: a retry writes the same row). */
  recordReviewConference(review: ReviewConference): Promise<void>;
  /** A case's review conferences, oldest first. */
  reviewConferences(coreGroupId: string): Promise<ReviewConference[]>;
  recordCirculation(circulation: { meetingId: string; kind: 'minutes' | 'plan' | 'cp9'; on: CivilDate }): Promise<void>;
  recordAgencyReport(report: { reviewConferenceId: string; agency: string; on: CivilDate }): Promise<void>;
  /** `coreGroup`: the group as the caller already read it in this request, so it is not read again. */
  loadCaseTimeline(coreGroupId: string, coreGroup?: Pick<CoreGroup, 'id' | 'icpcDate' | 'transferredInFrom' | 'planEndedOn'>): Promise<CaseTimeline>;
  /** The case timelines of several groups (already read), with one query per kind of event for all of them. */
  loadCaseTimelines(coreGroups: readonly Pick<CoreGroup, 'id' | 'icpcDate' | 'transferredInFrom' | 'planEndedOn'>[]): Promise<Map<string, CaseTimeline>>;
}

/** People in institutions and the co-ordinator's letters to them (seed 001). */
export interface InstitutionTaskRepository {
  /** Records a task once by its id; the same again returns the one first recorded. */
  record(task: InstitutionTask): Promise<{ task: InstitutionTask; created: boolean }>;
  findById(id: string): Promise<InstitutionTask | undefined>;
  /** The tasks of each of several groups, read together, oldest first. */
  listByCoreGroups(coreGroupIds: readonly string[]): Promise<Map<string, InstitutionTask[]>>;
  /** Records the letter sent (the task done). */
  markLetterSent(task: InstitutionTask): Promise<void>;
}

/** Agencies' written reports for review conferences: drafts, then submitted. */
export interface AgencyReportRepository {
  findById(id: string): Promise<AgencyReport | undefined>;
  /** The reports written for one review conference, in the order they were started. */
  listByReview(reviewConferenceId: string): Promise<AgencyReport[]>;
  /** Starts a member's report once: the same member and review again returns the one first started. */
  start(report: AgencyReport): Promise<AgencyReport>;
  /** Saves a draft at `report.version`: a conflict unless the stored one is the version before and not submitted. */
  save(report: AgencyReport): Promise<void>;
  /** Marks it submitted and records the agency's report for the obligation on `on` (the agency's first report counts). */
  submit(report: AgencyReport, on: CivilDate): Promise<void>;
}

/** Leases on work meant to run in one instance at a time (the hourly review), shared through the database. */
export interface Leases {
  /** Takes the lease `name` for `holder` until `now + forMs` when it is free, expired or already theirs; whether they hold it now. */
  take(name: string, holder: string, options: { now: number; forMs: number }): Promise<boolean>;
  /** Who holds the lease now, and until when (ms); none when it is free or expired. */
  holderOf(name: string, now: number): Promise<{ holder: string; untilMs: number } | undefined>;
  /** Gives the lease up, when `holder` holds it (an instance stopping lets another take its work at once). */
  release(name: string, holder: string): Promise<void>;
}

/** E-mails filed to a core group from Outlook, with their attachments' bytes kept apart from the headers. */
export interface FiledDocumentRepository {
  /**
   * Files a document with its attachments' bytes (in the order of `document.attachments`), once:
   * an id already filed changes nothing and answers 'unchanged'. An agency's report also records
   * the agency's report for the obligation on `agencyReportOn` (its first report counts).
   */
  file(document: FiledDocument, contents: readonly Uint8Array[], agencyReportOn?: CivilDate): Promise<'changed' | 'unchanged'>;
  findById(id: string): Promise<FiledDocument | undefined>;
  listByReview(reviewConferenceId: string): Promise<FiledDocument[]>;
  listByMeeting(meetingId: string): Promise<FiledDocument[]>;
  /** One attachment's bytes, when it belongs to that document. */
  content(documentId: string, attachmentId: string): Promise<Uint8Array | undefined>;
}

/** Parents' e-mailed check-in links, stored by selector with the hash of their secret half. */
export interface FamilyCheckInLinkRepository {
  save(link: FamilyCheckInLink): Promise<void>;
  find(selector: string): Promise<FamilyCheckInLink | undefined>;
  /**
   * Marks the link used, with every other link e-mailed for the same member, action and prompt (a
   * retried e-mail sends a second one): true for the one call that found them unused, false for any
   * call after it, however close together.
   */
  markUsed(link: Pick<FamilyCheckInLink, 'memberId' | 'actionId' | 'promptId'>, at: string): Promise<boolean>;
}

/** Members' check-ins on the actions they own. */
export interface CheckInRepository {
  /** Records a check-in once per idempotency key; a retry returns the first one and changes nothing. */
  record(checkIn: CheckIn & { id: string; coreGroupId: string }, idempotencyKey: string): Promise<{ checkIn: CheckIn; created: boolean }>;
  listByCoreGroup(coreGroupId: string): Promise<CheckIn[]>;
  /** The check-ins of each of several groups, read together, oldest first. */
  listByCoreGroups(coreGroupIds: readonly string[]): Promise<Map<string, CheckIn[]>>;
  latestByAction(coreGroupId: string): Promise<Map<string, CheckIn>>;
}

/** Minutes with optimistic concurrency, their version history, and deliveries. */
export interface MinutesRepository {
  createDraft(minutes: Minutes, savedBy: string, at: string): Promise<void>;
  findByMeeting(meetingId: string): Promise<Minutes | undefined>;
  /** The minutes of each of several meetings, read together; a meeting without minutes has no entry. */
  findByMeetings(meetingIds: readonly string[]): Promise<Map<string, Minutes>>;
  /** Saves `minutes` (already at its new version) only if the stored version is `expectedVersion`. */
  save(minutes: Minutes, options: { expectedVersion: number; savedBy: string; at: string }): Promise<void>;
  history(minutesId: string): Promise<(Minutes & { savedBy: string; savedAt: string })[]>;
  recordDelivery(delivery: Delivery & { id: string }): Promise<void>;
  deliveries(minutesId: string): Promise<Delivery[]>;
}

/** The plan's circulation after each meeting: its deliveries, and members saying it did not reach them. */
export interface PlanCirculationRepository {
  /** Records a delivery once per id: a retried job records it once. */
  recordDelivery(delivery: PlanDelivery & { id: string }): Promise<void>;
  /** The plan deliveries after one meeting, every version, in the order they happened. */
  deliveries(meetingId: string): Promise<PlanDelivery[]>;
  /** Records a member's word once per meeting, plan version and member; `created` is false when they had said so already. */
  recordNotReceived(report: PlanNotReceived): Promise<{ created: boolean }>;
  /** Who said the plan circulated after one meeting did not reach them, every version. */
  notReceived(meetingId: string): Promise<PlanNotReceived[]>;
}

/** One recorded attempt at a notice, with the group it belongs to and the job that made it (when a job did). */
export type RecordedNoticeDelivery = NoticeDelivery & { readonly coreGroupId?: string | undefined; readonly jobId?: string | undefined };
/** The family version of each meeting's record, every reviewed version kept. */
export interface FamilyVersionRepository {
  /** The latest stored version for a meeting, whichever minutes it was prepared from. */
  current(meetingId: string): Promise<FamilyVersion | undefined>;
  /** Stores `version` as the next version; someone else storing that version first is a `VersionConflictError`. */
  save(version: FamilyVersion, options: { savedBy: string; at: string }): Promise<void>;
}

export interface NoticeDeliveryRepository {
  /** Records an attempt once per id: a retried job, or a dead-lettered one already recorded, records nothing more. */
  record(delivery: RecordedNoticeDelivery & { id: string }): Promise<void>;
  /** The recorded attempts at the notices about these subjects, in the order they happened. */
  deliveriesOf(kind: NoticeKind, subjectIds: readonly string[]): Promise<NoticeDelivery[]>;
  /** Every recorded attempt at a notice in these core groups, in the order they happened (the dashboard's failed notices). */
  inCoreGroups(coreGroupIds: readonly string[]): Promise<RecordedNoticeDelivery[]>;
}

export interface Concern {
  readonly id: string;
  readonly coreGroupId: string;
  readonly kind: ConcernKind;
  readonly raisedByMemberId: string;
  readonly subjectId?: string | undefined;
  readonly step: number;
  readonly status: ConcernStatus;
  readonly raisedAt: string;
  /** When the current step started: its response window runs from here (the raising, for step 0). */
  readonly stepStartedAt: string;
  /** What the member wrote (case content: shown 1:1 to the people it is routed to, never logged). */
  readonly note?: string | undefined;
}

/** Concerns raised under the escalation routes. */
export interface ConcernRepository {
  raise(concern: Concern, idempotencyKey: string): Promise<{ concern: Concern; created: boolean }>;
  listByCoreGroup(coreGroupId: string): Promise<Concern[]>;
  /** The concerns of each of several groups, read together, oldest first. */
  listByCoreGroups(coreGroupIds: readonly string[]): Promise<Map<string, Concern[]>>;
  find(id: string): Promise<Concern | undefined>;
  /** The concerns of the groups in one area (a tenant's groups following one policy profile), oldest first. */
  listInArea(tenantId: string, area: string): Promise<Concern[]>;
  /**
   * Moves a concern from where the caller saw it to where a decision leaves it, only if it is still
   * there: true for the one caller that moved it, false for every other (a retry, a second server
   * process's watch), so a step is climbed once however often it is tried. A new step starts at `at`.
   */
  move(change: { id: string; from: Pick<Concern, 'step' | 'status'>; to: Pick<Concern, 'step' | 'status'>; at: string }): Promise<boolean>;
}

/** Each concern's history: every transition, kept once per id (a retried one records nothing more). */
export interface ConcernHistoryRepository {
  record(transition: ConcernTransition): Promise<{ created: boolean }>;
  find(id: string): Promise<ConcernTransition | undefined>;
  /** The histories of several concerns, each in the order it happened. */
  ofConcerns(concernIds: readonly string[]): Promise<Map<string, ConcernTransition[]>>;
}

/** The language each person chose for Core Group, overriding their Teams locale. */
export interface LanguagePreferenceRepository {
  of(tenantId: string, aadObjectId: string): Promise<Language | undefined>;
  choose(choice: { tenantId: string; aadObjectId: string; language: Language; at: string }): Promise<void>;
}

/** The language each core group's documents are written in (English when never chosen). */
export interface DocumentLanguageRepository {
  of(coreGroupId: string): Promise<DocumentLanguage>;
  choose(choice: { coreGroupId: string; language: DocumentLanguage; memberId: string; at: string }): Promise<void>;
}

/** Whether the app could be installed for each person it was installed for (the latest answer a person). */
export interface AppInstallRepository {
  record(entry: { tenantId: string; aadObjectId: string; outcome: AppInstallOutcome; at: string }): Promise<void>;
  /** The latest outcome for each of these people who have one. */
  outcomesOf(tenantId: string, aadObjectIds: readonly string[]): Promise<Map<string, AppInstallOutcome>>;
  /** The active members of these groups whose organisation did not allow the app for them (each with when that was answered). */
  notAllowedIn(tenantId: string, coreGroupIds: readonly string[]): Promise<{ coreGroupId: string; member: Pick<CoreGroupMember, 'id' | 'displayName' | 'agency'>; at: string }[]>;
}

/** Conference chairs / IROs and co-ordinators configured per area (tenant + policy profile). */
export interface AreaContactRepository {
  /** Adds a contact once per id; `created` is false when it was there already. */
  add(contact: AreaContact, at: string): Promise<{ created: boolean }>;
  /** A tenant's contacts, every area, or one area's. */
  list(tenantId: string, area?: string): Promise<AreaContact[]>;
  /** Removes a contact; false when there was none with that id in the tenant. */
  remove(tenantId: string, id: string): Promise<boolean>;
  /** The areas where this verified identity is a contact, and as what. */
  byIdentity(tenantId: string, aadObjectId: string): Promise<AreaContact[]>;
}

/** Graph change-notification subscriptions; the client state is kept only as a hash. */
export interface CalendarSubscriptionRepository {
  save(subscription: { id: string; organiser: string; clientStateSha256: string; expiresAt: string }): Promise<void>;
  find(id: string): Promise<{ id: string; organiser: string; clientStateSha256: string; expiresAt: string } | undefined>;
}

/** Where the bot can reach a person or a chat later (never kept in process memory). */
export interface ConversationReferenceRepository {
  upsert(entry: { tenantId: string; key: string; reference: unknown; at: string }): Promise<void>;
  find(tenantId: string, key: string): Promise<unknown | undefined>;
}

export interface AuditEntry {
  readonly at: string;
  readonly tenantId: string;
  readonly actor: string;
  readonly action: string;
  readonly coreGroupId?: string | undefined;
  readonly targetId?: string | undefined;
  readonly outcome: 'allowed' | 'denied';
}

/** An entry of the audit chain as an operator may record it, to check later that nothing before it was rewritten. */
export interface AuditChainPoint {
  readonly seq: number;
  readonly hash: string;
}

/**
 * Where the audit log's hash chain first fails to hold. Says which entry and when, never what it
 * records: `detail` holds sequence numbers, row ids and hashes only.
 */
export interface AuditChainBreak {
  /** The sequence number at which the chain breaks. */
  readonly seq: number;
  /** When the entry found there says it was written, if an entry is there. */
  readonly at?: string | undefined;
  /**
   * `hash-mismatch`: the entry is not what was written (a field or the hash was changed);
   * `missing-sequence`: the entry with this number is not where it should be (removed or moved);
   * `out-of-order`: a row carries a number that was used already, or none (added or moved);
   * `head-mismatch`: the log does not end where the chain head says (entries cut off the end, or added after it);
   * `anchor-mismatch`: the entry recorded earlier as an anchor has another hash now, or is gone (the log was rewritten up to it).
   */
  readonly problem: 'hash-mismatch' | 'missing-sequence' | 'out-of-order' | 'head-mismatch' | 'anchor-mismatch';
  readonly detail: string;
}

/** What walking the audit chain found. */
export interface AuditChainCheck {
  /** Entries whose place and hash held, from the first up to the break (or all of them). */
  readonly checked: number;
  /** The last entry that held (`seq` 0 and the genesis hash when there is none): record it to pass as a later anchor. */
  readonly last: AuditChainPoint;
  readonly firstBreak?: AuditChainBreak | undefined;
}

/** Who did what to which case, when — never the data itself. Append-only, and hash-chained so that a change behind the app's back shows. */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  listByCoreGroup(coreGroupId: string, options?: { limit?: number }): Promise<AuditEntry[]>;
  /** Walks the whole chain in one snapshot, `pageSize` rows in memory at a time, and reports the first break. */
  verifyChain(options?: { pageSize?: number; anchor?: AuditChainPoint | undefined }): Promise<AuditChainCheck>;
}

export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly payload: unknown;
  readonly runAt: string;
  readonly status: 'queued' | 'running' | 'done' | 'dead';
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly lastError?: string | undefined;
}

/** The durable job table: work survives restarts and runs once across instances. */
export interface JobQueue {
  /** Queues a job once per idempotency key. */
  enqueue(job: { id: string; kind: string; payload: unknown; runAt: string; maxAttempts?: number; idempotencyKey: string; at: string }): Promise<{ job: Job; created: boolean }>;
  /** Claims up to `limit` due jobs (or jobs whose lease expired) for one worker. */
  claim(options: { workerId: string; now: string; leaseMs: number; limit: number }): Promise<Job[]>;
  complete(id: string, workerId: string): Promise<void>;
  /** Records a failure: retried later with exponential backoff (or when the remote side said), or dead after max attempts — or now, with `deadLetter`. */
  fail(id: string, options: { workerId: string; error: string; now: string; retryAfterMs?: number | undefined; deadLetter?: boolean | undefined }): Promise<Job>;
  findById(id: string): Promise<Job | undefined>;
}
