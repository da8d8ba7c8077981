import { createLanguageChoices } from '../../src/services/language-choice.service';
import { CoreGroupBot } from '../../bot/core-group.bot';
import { createReviewConferenceService } from '../../src/services/review-conferences.service';
import type { WorkingDayCalendars } from '../../src/domain/working-days';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createCaseStatusService } from '../../src/services/case-status.service';
import { createCheckInService } from '../../src/services/check-in.service';
import { createConcernService } from '../../src/services/concern.service';
import { createConversations } from '../../src/services/conversations.service';
import { createCoreGroupMembersService } from '../../src/services/core-group-members.service';
import { createCoreGroupSetupService } from '../../src/services/core-group-setup.service';
import { createMeetingChatService } from '../../src/services/meeting-chat.service';
import { createMeetingEventsService } from '../../src/services/meeting-events.service';
import { createAgendaViews } from '../../src/services/notifications/meeting-notices.service';
import type { Calendar, Directory } from '../../src/services/ports/calendar.port';
import type { Clock } from '../../src/services/ports/clock.port';
import { createSchedulingService } from '../../src/services/scheduling.service';
import type { Store } from '../../src/store/store';

/**
 * The bot over the real services of a test database, wired as the composition root wires it, with
 * Graph behind `calendar` (the simulator's adapter). Returns the services the tests also drive.
 */
export function demoBot(options: { store: Store; clock: Clock; calendars: WorkingDayCalendars; calendar: Calendar; teamsAppId: string; allowedTenantIds: readonly string[] }) {
  const { store, clock, calendar, teamsAppId } = options;
  const deps = { ...store, clock, calendars: options.calendars, policy: (id: string) => loadPolicyCatalogue().get(id) };
  const meetingEvents = createMeetingEventsService(deps);
  const conversations = createConversations({ references: store.conversationReferences, clock });
  const scheduling = createSchedulingService({ ...deps, calendar, agenda: meetingEvents, teamsAppId });
  const bot = new CoreGroupBot({
    status: createCaseStatusService({ ...deps, calendar }),
    reviews: createReviewConferenceService({ ...deps, scheduling }),
    scheduling,
    checkIns: createCheckInService(deps),
    concerns: createConcernService(deps),
    meetingChat: createMeetingChatService(deps),
    meetingEvents,
    teamsAppId,
    setup: createCoreGroupSetupService({ ...deps, directory: calendar as unknown as Directory, policyIds: () => loadPolicyCatalogue().all.map((profile) => profile.id) }),
    members: createCoreGroupMembersService({ ...deps, directory: calendar as unknown as Directory }),
    policies: () => loadPolicyCatalogue().all.map((profile) => ({ id: profile.id, name: profile.name, welshName: profile.welshName })),
    agenda: createAgendaViews({ meetingEvents, conversations }),
    conversations,
    languages: createLanguageChoices({ languages: store.languages, clock }),
    allowedTenantIds: options.allowedTenantIds,
  });
  return { bot, meetingEvents, conversations };
}
