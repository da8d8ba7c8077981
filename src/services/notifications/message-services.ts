import type { CaseStatusService } from '../case-status.service';
import type { Conversations } from '../conversations.service';
import type { MeetingEventsService } from '../meeting-events.service';
import type { Cp9Record } from '../cp9-record';
import type { MinutesDistribution } from '../minutes-distribution.service';
import type { PlanCirculation } from '../plan-circulation.service';
import type { Mailer } from '../ports/mailer.port';
import type { Notifier } from '../ports/notifier.port';
import type { Teamwork } from '../ports/teamwork.port';
import { createAppInstalls } from '../app-installs.service';
import { createActivityFeed } from './activity-feed.service';
import type { Clock } from '../ports/clock.port';
import type { AgencyReportRepository, AppInstallRepository, AreaContactRepository, CheckInRepository, ConcernHistoryRepository, ConcernRepository, CoreGroupRepository, InstitutionTaskRepository, JobQueue, MeetingRepository, MinutesRepository, LanguagePreferenceRepository, NoticeDeliveryRepository, PlanRepository } from '../ports/store.port';
import type { FamilyVersions } from '../family-version.service';
import type { RecordExport } from '../record-export.service';
import type { FamilyCheckInMail } from './family-check-in-mail';
import { createAgencyReportNotices } from './agency-report-notices.service';
import { createConferencePackNotices } from './conference-pack-notices.service';
import { createMinutesReturnedNotices } from './minutes-returned-notices.service';
import type { ConferencePack } from '../conference-pack/conference-pack.service';
import { createConcernNotices } from './concern-notices.service';
import { createCp9Mail } from './cp9-mail.service';
import { createInstitutionTaskNotices } from './institution-task-notices.service';
import { createMeetingNotices } from './meeting-notices.service';
import { createMinutesDelivery } from './minutes-delivery.service';
import { createPlanDelivery } from './plan-delivery.service';
import { createPlanNotReceivedNotices } from './plan-not-received-notices.service';
import { createSignalNotices } from './signal-notices.service';
import { createCheckInNotices } from './check-in-notices.service';
import { createUndeliveredNotices } from './undelivered-notices.service';
import { createWelcomeNotices } from './welcome-notices.service';

/** The use cases behind every message job, over one notifier and one mailer (for the composition root and tests). */
export function createMessageServices(deps: {
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
  meetings: Pick<MeetingRepository, 'findById' | 'reviewConferences'>;
  agencyReports: Pick<AgencyReportRepository, 'listByReview'>;
  minutes: Pick<MinutesRepository, 'findByMeeting'>;
  plans: Pick<PlanRepository, 'current'>;
  checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  concerns: Pick<ConcernRepository, 'listByCoreGroup'>;
  concernHistory: Pick<ConcernHistoryRepository, 'find' | 'record'>;
  areaContacts: Pick<AreaContactRepository, 'list'>;
  noticeDeliveries: Pick<NoticeDeliveryRepository, 'record'>;
  /** Each person's chosen language, which their notices are written in. */
  languages?: Pick<LanguagePreferenceRepository, 'of'> | undefined;
  institutionTasks: Pick<InstitutionTaskRepository, 'findById'>;
  status: Pick<CaseStatusService, 'myActions'>;
  meetingEvents: Pick<MeetingEventsService, 'agendaOf' | 'attendeeIdentities'>;
  distribution: Pick<MinutesDistribution, 'deliveryOf' | 'recordOutcome'>;
  circulation: Pick<PlanCirculation, 'deliveryOf' | 'recordOutcome' | 'cp9MailOf' | 'recordCp9Sent'>;
  exports: Pick<RecordExport, 'minutesFile' | 'planFile' | 'familyPlanFile'>;
  familyNotes: Pick<FamilyVersions, 'fileForDelivery'>;
  cp9: Pick<Cp9Record, 'file'>;
  conversations: Pick<Conversations, 'channelUserIds'>;
  notifier: Notifier;
  mailer: Mailer;
  jobs: Pick<JobQueue, 'enqueue'>;
  clock: Clock;
  organiserMailbox?: string | undefined;
  /** The conference pack, for its delivery to the conference chair before a review. */
  conferencePacks?: Pick<ConferencePack, 'fileForDelivery'> | undefined;
  /** Check-in prompts to parents and carers Teams cannot reach: the e-mail with one link per open action (issue 14, item 6). */
  familyMail?: Pick<FamilyCheckInMail, 'hasOpenActions' | 'mail'> | undefined;
  /** Teams beyond the chats: the app installed for each member who joins, and notices also put in their activity feed (issue 17). */
  teams?: { readonly teamwork: Teamwork; readonly appInstalls: Pick<AppInstallRepository, 'record'>; readonly teamsAppId: string } | undefined;
}) {
  const teams = deps.teams;
  // With the feed wired, every notice that reaches someone's chat queues its feed item (`deliverNotice`).
  const notices = teams ? { ...deps, feedJobs: deps.jobs } : deps;
  return {
    checkIns: createCheckInNotices(notices),
    concerns: createConcernNotices(notices),
    signals: createSignalNotices(notices),
    meetings: createMeetingNotices(notices),
    minutes: createMinutesDelivery(notices),
    plans: createPlanDelivery(notices),
    planNotReceived: createPlanNotReceivedNotices(notices),
    cp9: createCp9Mail(notices),
    welcomes: createWelcomeNotices(notices),
    institutionTasks: createInstitutionTaskNotices(notices),
    undelivered: createUndeliveredNotices(notices),
    agencyReports: createAgencyReportNotices(notices),
    minutesReturned: createMinutesReturnedNotices(notices),
    conferencePacks: deps.conferencePacks ? createConferencePackNotices({ ...notices, conferencePacks: deps.conferencePacks }) : undefined,
    appInstalls: teams ? createAppInstalls({ ...deps, ...teams }) : undefined,
    activityFeed: teams ? createActivityFeed({ ...deps, ...teams }) : undefined,
  };
}
