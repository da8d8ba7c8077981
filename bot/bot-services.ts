import type { PolicyProfile } from '../src/domain/policy';
import type { CaseStatusService } from '../src/services/case-status.service';
import type { CheckInService } from '../src/services/check-in.service';
import type { ConcernService } from '../src/services/concern.service';
import type { Conversations } from '../src/services/conversations.service';
import type { LanguageChoices } from '../src/services/language-choice.service';
import type { CoreGroupMembersService } from '../src/services/core-group-members.service';
import type { CoreGroupSetupService } from '../src/services/core-group-setup.service';
import type { MeetingChatService } from '../src/services/meeting-chat.service';
import type { MeetingEventsService } from '../src/services/meeting-events.service';
import type { AgendaViews } from '../src/services/notifications/meeting-notices.service';
import type { ReviewConferenceService } from '../src/services/review-conferences.service';
import type { SchedulingService } from '../src/services/scheduling.service';

/** The use cases the bot calls, each as narrow as the commands and card actions use it. */
export interface BotServices {
  readonly status: Pick<CaseStatusService, 'chooseCase' | 'statusOf' | 'myStatus' | 'myActions' | 'planOf' | 'minutesOf'>;
  readonly scheduling: Pick<SchedulingService, 'proposeSlots' | 'book' | 'bookedSeries' | 'extraMeetingOffer' | 'bookExtra' | 'reschedule' | 'cancel'>;
  readonly reviews: Pick<ReviewConferenceService, 'of'>;
  readonly checkIns: Pick<CheckInService, 'record'>;
  readonly concerns: Pick<ConcernService, 'raise' | 'raisedByMe'>;
  readonly setup: Pick<CoreGroupSetupService, 'create' | 'mayCreate'>;
  readonly members: Pick<CoreGroupMembersService, 'list' | 'add' | 'remove'>;
  readonly meetingChat: Pick<MeetingChatService, 'contribute'>;
  readonly meetingEvents: Pick<MeetingEventsService, 'meetingStarted' | 'meetingEnded'>;
  readonly agenda: Pick<AgendaViews, 'agendaFor'>;
  readonly conversations: Pick<Conversations, 'rememberPerson' | 'rememberChat' | 'find'>;
  readonly languages: Pick<LanguageChoices, 'languageFor' | 'choose'>;
  /** The policy profiles a new core group may follow, named in each language they have a name in. */
  readonly policies: () => readonly Pick<PolicyProfile, 'id' | 'name' | 'welshName'>[];
  /** The Teams app id in the org catalogue: deep links to the minutes tab point at it. */
  readonly teamsAppId: string;
  /** Tenants allowed to use the app; empty means any (local mode only — production config refuses it). */
  readonly allowedTenantIds: readonly string[];
}
