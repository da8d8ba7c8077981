import type { DocumentLanguage, Language } from '../../i18n/language';
import type { CivilDate } from '../../domain/civil-date';
import type { MeetingPlace } from '../../domain/meeting';
import type { ConcernKind } from '../../domain/escalation';
import type { PersonInInstitution } from '../../domain/institution-task';
import type { Attendance } from '../../domain/minutes';
import type { CheckIn, CheckInStatus, PlanAction } from '../../domain/plan';
import type { SignalKind } from '../../domain/signals';
import { RemoteError } from './remote-error';

/** Where a message goes: a person's 1:1 chat with the app, or a (meeting) chat the app is in. */
export type Recipient = { readonly kind: 'person'; readonly aadObjectId: string } | { readonly kind: 'chat'; readonly chatId: string };

/** One of a member's open actions, as a check-in prompt lists it. */
export interface ActionToCheckIn {
  readonly coreGroupId: string;
  readonly caseReference: string;
  readonly action: PlanAction & { readonly lastCheckIn?: CheckIn | undefined };
}

/** What everyone in a meeting chat may see of a meeting: times and headings, nothing about the child. */
export interface AgendaView {
  readonly meetingId: string;
  readonly chatId: string;
  readonly date: CivilDate;
  readonly startsAt?: string | undefined;
  readonly endsAt?: string | undefined;
  /** Whether the meeting has started: the card then asks who is here. */
  readonly started: boolean;
  /** Where people meet (on Teams when absent). */
  readonly place?: MeetingPlace | undefined;
  /** The group's document language, which the shared card in the meeting chat is written in (English when absent). */
  readonly language?: DocumentLanguage | undefined;
}

/** What one verified member sees of the same agenda: their attendance and their own open actions. */
export interface PersonalAgendaView extends AgendaView {
  readonly attendance: Attendance;
  readonly myActions: readonly { readonly what: string; readonly due: CivilDate; readonly lastCheckIn?: CheckInStatus | undefined }[];
}

/** How many members one shared card can offer their own view to (Teams refreshes a card for at most 60 named users). */
export const MAX_PERSONAL_VIEWS = 60;

/** A member's open actions in one core group, with check-in buttons; `promptId` makes answering idempotent. */
export interface CheckInPromptMessage {
  readonly kind: 'check-in-prompt';
  readonly actions: readonly ActionToCheckIn[];
  readonly promptId: string;
}

/** To the lead social worker: a member has not checked in since they were asked. */
export interface CheckInMissingMessage {
  readonly kind: 'check-in-missing';
  readonly caseReference: string;
  readonly memberName: string;
  readonly agency: string;
  readonly askedOn: string;
}

/** To someone a concern is routed to. `raisedBy` is "Name (agency)" or "a member"; `whatNext`, what the route asks at the step it reached: both in the recipient's language. */
export interface ConcernRaisedMessage {
  readonly kind: 'concern-raised';
  readonly caseReference: string;
  readonly concern: ConcernKind;
  readonly raisedBy: string;
  readonly raisedOn: string;
  readonly note: string;
  readonly whatNext: string;
  /** When the concern has come to this person at a later step of its route: which step (counting from 1) of how many. */
  readonly reached?: { readonly step: number; readonly of: number } | undefined;
}

/**
 * An extra core group asked for, granted or refused by the team leader (seed 001), to the member
 * who asked and the lead social worker. `reason`: the refusal's (case content, 1:1 only);
 * `takeFurther`: who a refusal may be taken to; `scheduleCommand`: how to book it, when granted.
 * `takeFurther`, and `decidedBy` when nobody is named, are in the recipient's language.
 */
export interface ConcernDecidedMessage {
  readonly kind: 'concern-decided';
  readonly caseReference: string;
  readonly decision: 'granted' | 'refused';
  readonly decidedBy: string;
  readonly reason?: string | undefined;
  readonly takeFurther?: string | undefined;
  readonly scheduleCommand?: string | undefined;
}

/** A drift or attendance signal. `subject`: the action's or the missed rule's wording; `person`: "Name (agency)". */
export interface SignalMessage {
  readonly kind: 'signal';
  readonly signal: SignalKind;
  readonly caseReference: string;
  readonly measure: number;
  readonly subject?: string | undefined;
  readonly person?: string | undefined;
  readonly whatNext: string;
}

/** The agenda in a meeting chat. `refreshFor`: the channel's user ids of members whose clients fetch their own view (at most MAX_PERSONAL_VIEWS). */
export interface AgendaMessage {
  readonly kind: 'agenda';
  readonly view: AgendaView;
  readonly refreshFor: readonly string[];
}

/** To the chair or minute-taker when the meeting ends: finish and sign off, and by when the minutes must go out. */
export interface SignOffReminderMessage {
  readonly kind: 'sign-off-reminder';
  readonly caseReference: string;
  readonly meetingDate: string;
  readonly circulationDue: string;
  readonly meetingRole: 'chair' | 'minute-taker';
  /** The meeting chat, whose minutes tab the message links to. */
  readonly chatId: string;
}

/** Signed minutes have been circulated: where to read them (no content in the message itself). */
export interface MinutesReadyMessage {
  readonly kind: 'minutes-ready';
  readonly caseReference: string;
  readonly meetingDate: string;
  /** The meeting chat, whose minutes tab the message links to, when the meeting had one. */
  readonly chatId?: string | undefined;
}

/** To a family member or the child: the family version of a meeting's notes is ready — no content, no case detail, no child's name. */
export interface FamilyVersionReadyMessage {
  readonly kind: 'family-version-ready';
  readonly meetingDate: string;
  /** The meeting chat, whose Core Group tab shows them the family version, when the meeting had one. */
  readonly chatId?: string | undefined;
}

/** The plan has been circulated after a core group: which case and meeting, where to read it (no content in the message itself). */
export interface PlanReadyMessage {
  readonly kind: 'plan-ready';
  readonly caseReference: string;
  readonly meetingDate: string;
  readonly planVersion: number;
}

/** To the lead social worker: a member says the plan circulated after a meeting has not reached them (seed 003). */
export interface PlanNotReceivedMessage {
  readonly kind: 'plan-not-received';
  readonly caseReference: string;
  /** "Name (agency)" of the member who said so. */
  readonly member: string;
  readonly meetingDate: string;
  /** Whether the plan is on its way to them again. */
  readonly resending: boolean;
}

/** To someone just added to a core group: which case, as what, and who leads it. */
export interface MemberWelcomeMessage {
  readonly kind: 'member-welcome';
  readonly caseReference: string;
  /** Their place in the group in plain words, in their language ("health visitor"). */
  readonly asPosition: string;
  /** "Name (agency)" of the lead social worker, or "the lead social worker" in their language. */
  readonly leadSocialWorker: string;
}

/** To a co-ordinator: a letter to write to the head of an institution holding a relative (seed 001). */
export interface InstitutionTaskMessage {
  readonly kind: 'institution-task';
  readonly caseReference: string;
  /** Who to write about and to which institution (the card words the task from them, as the dashboard does): the relationship and the institution, never the child's name. */
  readonly task: PersonInInstitution;
}

/** To a member whose agency owes a written report for a review conference: asked, or chased while it is not submitted. Dates and the case reference only. */
export interface AgencyReportRequestMessage {
  readonly kind: 'agency-report-request';
  readonly caseReference: string;
  /** The review conference's date, YYYY-MM-DD. */
  readonly reviewOn: string;
  /** When the report is due, YYYY-MM-DD. */
  readonly dueOn: string;
  readonly chase: boolean;
}

/** To the conference chair (or, when the group has none, the lead social worker to pass on): the pack for a review conference is ready. No content. */
export interface ConferencePackReadyMessage {
  readonly kind: 'conference-pack-ready';
  readonly caseReference: string;
  /** The review conference's date, YYYY-MM-DD. */
  readonly reviewOn: string;
  readonly forChair: boolean;
}

/** To the chair: the team manager sent their signed minutes back with comments. The comments stay in the minutes tab. */
export interface MinutesReturnedMessage {
  readonly kind: 'minutes-returned';
  readonly caseReference: string;
  /** The meeting's date, YYYY-MM-DD. */
  readonly meetingDate: string;
  /** Who sent them back. */
  readonly returnedBy: string;
  /** The meeting chat, when known: the card opens the minutes tab there. */
  readonly chatId?: string | undefined;
}

/** To the lead social worker: a notice to someone in the group was never delivered (its job is dead). */
export interface NoticeUndeliveredMessage {
  readonly kind: 'notice-undelivered';
  readonly caseReference: string;
  /** What the notice was, in words ("a check-in prompt"). */
  readonly notice: string;
  /** "Name (agency)" of the person it was for. */
  readonly member: string;
  readonly attempts: number;
}

/**
 * What the app tells people, by kind, with everything its wording needs already decided by the
 * use case (who, which facts, which names). The channel renders it: the Teams notifier turns each
 * kind into its Adaptive Card. Case content goes only into 1:1 kinds; `agenda` is posted into a
 * meeting chat, where guests and parents may be, so it carries times and headings only.
 */
export type OutboundMessage =
  | CheckInPromptMessage
  | CheckInMissingMessage
  | ConcernRaisedMessage
  | FamilyVersionReadyMessage
  | ConcernDecidedMessage
  | SignalMessage
  | AgendaMessage
  | SignOffReminderMessage
  | MinutesReadyMessage
  | PlanReadyMessage
  | PlanNotReceivedMessage
  | MemberWelcomeMessage
  | InstitutionTaskMessage
  | AgencyReportRequestMessage
  | ConferencePackReadyMessage
  | MinutesReturnedMessage
  | NoticeUndeliveredMessage;

export type OutboundMessageKind = OutboundMessage['kind'];

/** One message to one recipient. `summary` is the notification preview: it never names a child. */
export interface Notification {
  readonly tenantId: string;
  readonly to: Recipient;
  readonly summary: string;
  readonly message: OutboundMessage;
  /** The recipient's language, for the card (English when not given). */
  readonly language?: Language | undefined;
}

/** Delivers a message to a person's 1:1 chat (or a chat) the app already has a conversation with. */
export interface Notifier {
  send(notification: Notification): Promise<{ activityId?: string | undefined }>;
}

/**
 * A message could not be delivered. `delivery-failed`: Teams was busy, down or said no — the job
 * runner tries again (`retryAfterMs` says when, if Teams said). `recipient-unreachable` (status
 * 404): there is no conversation with the recipient (they never opened a chat with the bot, or
 * Teams no longer knows it) — another channel may reach them, or a later try once Teams has told
 * the bot about the chat.
 */
export class DeliveryError extends RemoteError<'delivery-failed' | 'recipient-unreachable'> {}
