import type { ColumnType, Generated } from 'kysely';

/**
 * Row types: the database's vocabulary, private to `src/store`. Civil dates are `YYYY-MM-DD`
 * text, instants ISO-8601 UTC text, structured content JSON text, booleans 0/1 — the same on
 * SQLite and PostgreSQL, so one set of repositories serves both.
 */
export interface CoreGroupRow {
  id: string;
  tenant_id: string;
  case_reference: string;
  child_name: string;
  policy_id: string;
  icpc_date: string;
  plan_ended_on: string | null;
  /** The area a case transferred out to, when it did. */
  transferred_to?: string | null;
  /** The area a case transferred in from, when its group started at a transfer-in conference (migration 0012). */
  transferred_in_from?: string | null;
  created_at: string;
  /** Moved on by the database's triggers whenever anything a status is judged from changes (migration 0006). */
  revision: Generated<number | string>;
}

export interface MemberRow {
  id: string;
  core_group_id: string;
  display_name: string;
  role: string;
  position: string | null;
  agency: string;
  email: string | null;
  aad_object_id: string | null;
  reach: string;
  agency_manager_email: string | null;
  active: number;
}

export interface PlanVersionRow {
  core_group_id: string;
  version: number;
  content: string;
  author_member_id: string;
  reason: string;
  changes: string;
  created_at: string;
}

export interface MeetingRow {
  id: string;
  core_group_id: string;
  date: string;
  starts_at: string | null;
  ends_at: string | null;
  status: string;
  chair_member_id: string | null;
  minute_taker_member_id: string | null;
  cancellation_reason: string | null;
  booking_key: string | null;
  organiser: string | null;
  calendar_event_id: string | null;
  join_url: string | null;
  chat_id: string | null;
  mode: string | null;
  venue: string | null;
  /** From 0020: the granted extra meeting request this meeting was booked for (null for the regular series). */
  granted_by_concern_id: string | null;
}

export interface MeetingInvitationRow {
  meeting_id: string;
  member_id: string;
  response: string;
  updated_at: string;
}

export interface CalendarSubscriptionRow {
  id: string;
  organiser: string;
  client_state_sha256: string;
  expires_at: string;
}

export interface ReviewConferenceRow {
  id: string;
  core_group_id: string;
  date: string;
  status: string;
  outcome: string | null;
  chair_name: string | null;
  next_review_date: string | null;
}

/** A person in an institution and the co-ordinator's letter to it (migration 0013). */
export interface InstitutionTaskRow {
  id: string;
  core_group_id: string;
  person: string;
  kind: string;
  institution: string;
  recorded_by_member_id: string;
  recorded_at: string;
  letter_sent_on: string | null;
  done_by_member_id: string | null;
}

/** A member's written report for a review conference, a draft until submitted (migration 0021). */
export interface AgencyReportTextRow {
  id: string;
  core_group_id: string;
  review_conference_id: string;
  member_id: string;
  agency: string;
  version: number;
  /** The Signs of Safety content as JSON. */
  content: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface FiledDocumentRow {
  id: string;
  core_group_id: string;
  kind: string;
  review_conference_id: string | null;
  meeting_id: string | null;
  agency: string | null;
  filed_by_member_id: string;
  subject: string;
  sender: string;
  received_at: string;
  body: string;
  filed_at: string;
}

export interface FiledAttachmentRow {
  id: string;
  document_id: string;
  position: number;
  name: string;
  type: string;
  size: number;
  content: Uint8Array;
}

export interface RateSendRow {
  key: string;
  /** Milliseconds since the epoch, by the database's clock (PostgreSQL returns bigint as a string). */
  at: ColumnType<number | string, number, number>;
  /** The send this row counts (one row per key it was counted against); none on rows from before 0026. */
  send_id: string | null;
}

export interface LeaseRow {
  name: string;
  holder: string;
  until_ms: ColumnType<number | string, number, number>;
}

export interface CirculationRow {
  meeting_id: string;
  kind: string;
  on_date: string;
}

export interface AgencyReportRow {
  review_conference_id: string;
  agency: string;
  on_date: string;
}

export interface CheckInRow {
  id: string;
  core_group_id: string;
  action_id: string;
  member_id: string;
  status: string;
  note: string;
  recorded_at: string;
  idempotency_key: string;
}

export interface MinutesRow {
  id: string;
  meeting_id: string;
  core_group_id: string;
  version: number;
  content: string;
  chair_sign_off: string | null;
  manager_sign_off: string | null;
  amendment_reason: string | null;
  /** The team manager's return to the chair, as JSON (migration 0022). */
  returned: string | null;
  updated_at: string;
}

export interface MinutesVersionRow {
  minutes_id: string;
  version: number;
  content: string;
  chair_sign_off: string | null;
  manager_sign_off: string | null;
  amendment_reason: string | null;
  returned: string | null;
  saved_by: string;
  saved_at: string;
}

export interface DeliveryRow {
  id: string;
  minutes_id: string;
  minutes_version: number;
  member_id: string;
  channel: string;
  outcome: string;
  at: string;
  detail: string | null;
}

export interface PlanDeliveryRow {
  id: string;
  meeting_id: string;
  plan_version: number;
  member_id: string;
  channel: string;
  outcome: string;
  resent: number;
  at: string;
  detail: string | null;
}

export interface NoticeDeliveryRow {
  id: string;
  kind: string;
  subject_id: string;
  member_id: string;
  channel: string;
  outcome: string;
  at: string;
  detail: string | null;
  /** From 0019: the group, the job and its attempt (null on rows recorded before). */
  core_group_id: string | null;
  job_id: string | null;
  attempt: number | null;
}

export interface PlanNotReceivedRow {
  meeting_id: string;
  plan_version: number;
  member_id: string;
  at: string;
}

export interface ConcernRow {
  id: string;
  core_group_id: string;
  kind: string;
  raised_by_member_id: string;
  subject_id: string | null;
  step: number;
  status: string;
  idempotency_key: string;
  raised_at: string;
  note: string;
  step_started_at: string | null;
}

export interface ConcernHistoryRow {
  id: string;
  concern_id: string;
  step: number;
  kind: string;
  actor_id: string | null;
  actor_name: string | null;
  text: string | null;
  /** An entry from before its facts were kept, that migration 0030 could not read: its English, as stored. */
  detail: string | null;
  /** What it says beyond who and their words, as JSON (`StoredConcernFacts`): how a notice went, a step's working days, a booking's start. */
  facts: string | null;
  at: string;
}

export interface AreaContactRow {
  id: string;
  tenant_id: string;
  area: string;
  name: string;
  role: string;
  aad_object_id: string | null;
  email: string | null;
  added_at: string;
}

export interface ConversationReferenceRow {
  tenant_id: string;
  ref_key: string;
  reference: string;
  updated_at: string;
}

export interface AuditRow {
  id: Generated<number>;
  at: string;
  tenant_id: string;
  actor: string;
  action: string;
  core_group_id: string | null;
  target_id: string | null;
  outcome: string;
  /**
   * The entry's place in the hash chain (see `audit-chain.ts`): 1, 2, 3… PostgreSQL returns its
   * bigint as a string; null only on a row written behind the database's back.
   */
  seq: ColumnType<number | string | null, number, never>;
  /** SHA-256 (hex) over the previous entry's hash, `seq` and the fields above. */
  hash: ColumnType<string | null, string, never>;
}

/** The one row saying where the audit chain ends: the last entry's `seq` and `hash`. */
export interface AuditChainHeadRow {
  id: number;
  seq: ColumnType<number | string, number, number>;
  hash: string;
}

/** A parent's check-in link (migration 0018): the token's selector and the hash of its secret half, never the token. */
export interface FamilyCheckInLinkRow {
  selector: string;
  verifier_hash: string;
  tenant_id: string;
  core_group_id: string;
  member_id: string;
  action_id: string;
  prompt_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface JobRow {
  id: string;
  kind: string;
  payload: string;
  run_at: string;
  status: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  locked_by: string | null;
  locked_until: string | null;
  idempotency_key: string;
  created_at: string;
}

/** One reviewed version of a meeting's family version; `items` is JSON (`FamilyItem[]`). */
export interface FamilyVersionRow {
  meeting_id: string;
  version: number;
  minutes_id: string;
  minutes_version: number;
  plan_version: number | null;
  summary: string;
  items: string;
  signed_off_by: string | null;
  signed_off_at: string | null;
  saved_by: string;
  saved_at: string;
}

/** Whether the app could be installed for one person (migration 0027). */
export interface AppInstallRow {
  tenant_id: string;
  aad_object_id: string;
  outcome: string;
  at: string;
}

/** The language one person chose (migration 0028). */
export interface LanguagePreferenceRow {
  tenant_id: string;
  aad_object_id: string;
  language: string;
  chosen_at: string;
}

/** The language a core group's documents are written in (migration 0029). */
export interface DocumentLanguageRow {
  core_group_id: string;
  language: string;
  chosen_by: string;
  chosen_at: string;
}

export interface Database {
  core_groups: CoreGroupRow;
  members: MemberRow;
  plan_versions: PlanVersionRow;
  meetings: MeetingRow;
  meeting_invitations: MeetingInvitationRow;
  calendar_subscriptions: CalendarSubscriptionRow;
  review_conferences: ReviewConferenceRow;
  institution_tasks: InstitutionTaskRow;
  circulations: CirculationRow;
  agency_reports: AgencyReportRow;
  agency_report_texts: AgencyReportTextRow;
  filed_documents: FiledDocumentRow;
  filed_attachments: FiledAttachmentRow;
  check_ins: CheckInRow;
  minutes: MinutesRow;
  minutes_versions: MinutesVersionRow;
  deliveries: DeliveryRow;
  plan_deliveries: PlanDeliveryRow;
  plan_not_received: PlanNotReceivedRow;
  notice_deliveries: NoticeDeliveryRow;
  family_check_in_links: FamilyCheckInLinkRow;
  family_versions: FamilyVersionRow;
  concerns: ConcernRow;
  concern_history: ConcernHistoryRow;
  area_contacts: AreaContactRow;
  conversation_references: ConversationReferenceRow;
  audit_log: AuditRow;
  audit_chain_head: AuditChainHeadRow;
  jobs: JobRow;
  rate_sends: RateSendRow;
  leases: LeaseRow;
  app_installs: AppInstallRow;
  language_preferences: LanguagePreferenceRow;
  document_languages: DocumentLanguageRow;
}
