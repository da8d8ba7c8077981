import {
  ACTIVITY_FEED_JOB,
  AGENCY_REPORT_REQUEST_JOB,
  APP_INSTALL_JOB,
  CONFERENCE_PACK_JOB,
  MINUTES_RETURNED_JOB,
  CHECK_IN_CHASE_JOB,
  CHECK_IN_PROMPT_JOB,
  CONCERN_NOTIFICATION_JOB,
  INSTITUTION_TASK_JOB,
  CP9_JOB,
  JOB_PAYLOADS,
  type JobKind,
  type JobPayload,
  MEETING_AGENDA_JOB,
  MEMBER_WELCOME_JOB,
  MINUTES_DELIVERY_JOB,
  NOTICE_UNDELIVERED_JOB,
  PLAN_DELIVERY_JOB,
  PLAN_NOT_RECEIVED_JOB,
  SIGNAL_NOTICE_JOB,
  SIGN_OFF_REMINDER_JOB,
} from '../contracts/jobs.contract';
import type { AppInstalls } from '../services/app-installs.service';
import type { ActivityFeed } from '../services/notifications/activity-feed.service';
import type { AgencyReportNotices } from '../services/notifications/agency-report-notices.service';
import type { ConferencePackNotices } from '../services/notifications/conference-pack-notices.service';
import type { MinutesReturnedNotices } from '../services/notifications/minutes-returned-notices.service';
import type { CheckInNotices } from '../services/notifications/check-in-notices.service';
import type { ConcernNotices } from '../services/notifications/concern-notices.service';
import type { InstitutionTaskNotices } from '../services/notifications/institution-task-notices.service';
import type { Cp9Mail } from '../services/notifications/cp9-mail.service';
import type { MeetingNotices } from '../services/notifications/meeting-notices.service';
import type { MinutesDelivery } from '../services/notifications/minutes-delivery.service';
import type { PlanDeliveryService } from '../services/notifications/plan-delivery.service';
import type { PlanNotReceivedNotices } from '../services/notifications/plan-not-received-notices.service';
import type { SignalNotices } from '../services/notifications/signal-notices.service';
import type { UndeliveredNotices } from '../services/notifications/undelivered-notices.service';
import type { WelcomeNotices } from '../services/notifications/welcome-notices.service';
import type { Job } from '../services/ports/store.port';
import type { JobHandler } from './job-runner';

/** The use cases that run the message jobs; each one given registers its kinds. */
export interface MessageJobServices {
  readonly checkIns?: Pick<CheckInNotices, 'prompt' | 'chase'> | undefined;
  readonly concerns?: Pick<ConcernNotices, 'notify'> | undefined;
  readonly signals?: Pick<SignalNotices, 'notify'> | undefined;
  readonly meetings?: Pick<MeetingNotices, 'postAgenda' | 'remindSignOff'> | undefined;
  readonly minutes?: Pick<MinutesDelivery, 'deliver'> | undefined;
  readonly plans?: Pick<PlanDeliveryService, 'deliver'> | undefined;
  readonly planNotReceived?: Pick<PlanNotReceivedNotices, 'notify'> | undefined;
  readonly cp9?: Pick<Cp9Mail, 'send'> | undefined;
  readonly welcomes?: Pick<WelcomeNotices, 'welcome'> | undefined;
  readonly institutionTasks?: Pick<InstitutionTaskNotices, 'notify'> | undefined;
  readonly undelivered?: Pick<UndeliveredNotices, 'notify'> | undefined;
  readonly agencyReports?: Pick<AgencyReportNotices, 'notify'> | undefined;
  readonly conferencePacks?: Pick<ConferencePackNotices, 'deliver'> | undefined;
  readonly minutesReturned?: Pick<MinutesReturnedNotices, 'deliver'> | undefined;
  /** The app installed for a member who joined, so the bot can reach them (issue 17). */
  readonly appInstalls?: Pick<AppInstalls, 'install'> | undefined;
  /** A notice's item in the person's Teams activity feed. */
  readonly activityFeed?: Pick<ActivityFeed, 'post'> | undefined;
}

/**
 * A handler that parses the stored payload with its kind's schema before the use case sees it,
 * and gives it the job (its attempt decides the channel of a notice, its id keys the record).
 */
function handlerFor<K extends JobKind>(kind: K, run: (payload: JobPayload<K>, job: Job) => Promise<void>): Record<string, JobHandler> {
  return { [kind]: async (raw, job) => run(JOB_PAYLOADS[kind].parse(raw) as JobPayload<K>, job) };
}

/**
 * The job runner's handlers for the jobs that tell people things, by kind. The runner is an edge:
 * a stored payload is parsed here with the one schema of its kind (a malformed one fails the
 * attempt), then the service decides who is told, by which channel and with what words.
 */
export function messageJobHandlers(services: MessageJobServices): Record<string, JobHandler> {
  const { checkIns, concerns, signals, meetings, minutes, plans, planNotReceived, cp9, welcomes, institutionTasks, undelivered, agencyReports, conferencePacks, minutesReturned, appInstalls, activityFeed } = services;
  return {
    ...(appInstalls ? handlerFor(APP_INSTALL_JOB, appInstalls.install) : {}),
    ...(activityFeed ? handlerFor(ACTIVITY_FEED_JOB, activityFeed.post) : {}),
    ...(checkIns ? { ...handlerFor(CHECK_IN_PROMPT_JOB, checkIns.prompt), ...handlerFor(CHECK_IN_CHASE_JOB, checkIns.chase) } : {}),
    ...(concerns ? handlerFor(CONCERN_NOTIFICATION_JOB, concerns.notify) : {}),
    ...(signals ? handlerFor(SIGNAL_NOTICE_JOB, signals.notify) : {}),
    ...(meetings ? { ...handlerFor(MEETING_AGENDA_JOB, meetings.postAgenda), ...handlerFor(SIGN_OFF_REMINDER_JOB, meetings.remindSignOff) } : {}),
    ...(minutes ? handlerFor(MINUTES_DELIVERY_JOB, minutes.deliver) : {}),
    ...(plans ? handlerFor(PLAN_DELIVERY_JOB, plans.deliver) : {}),
    ...(planNotReceived ? handlerFor(PLAN_NOT_RECEIVED_JOB, planNotReceived.notify) : {}),
    ...(cp9 ? handlerFor(CP9_JOB, cp9.send) : {}),
    ...(welcomes ? handlerFor(MEMBER_WELCOME_JOB, welcomes.welcome) : {}),
    ...(institutionTasks ? handlerFor(INSTITUTION_TASK_JOB, institutionTasks.notify) : {}),
    ...(undelivered ? handlerFor(NOTICE_UNDELIVERED_JOB, undelivered.notify) : {}),
    ...(agencyReports ? handlerFor(AGENCY_REPORT_REQUEST_JOB, agencyReports.notify) : {}),
    ...(conferencePacks ? handlerFor(CONFERENCE_PACK_JOB, conferencePacks.deliver) : {}),
    ...(minutesReturned ? handlerFor(MINUTES_RETURNED_JOB, minutesReturned.deliver) : {}),
  };
}

/** The use cases that record a dead notice of their kinds (and tell the lead social worker of it). */
export interface DeadNoticeServices {
  readonly checkIns?: Pick<CheckInNotices, 'recordUndeliveredPrompt' | 'recordUndeliveredChase'> | undefined;
  readonly concerns?: Pick<ConcernNotices, 'recordUndelivered'> | undefined;
  readonly signals?: Pick<SignalNotices, 'recordUndelivered'> | undefined;
  readonly meetings?: Pick<MeetingNotices, 'recordUndeliveredReminder'> | undefined;
  readonly planNotReceived?: Pick<PlanNotReceivedNotices, 'recordUndelivered'> | undefined;
  readonly welcomes?: Pick<WelcomeNotices, 'recordUndelivered'> | undefined;
  readonly institutionTasks?: Pick<InstitutionTaskNotices, 'recordUndelivered'> | undefined;
  readonly undelivered?: Pick<UndeliveredNotices, 'recordUndelivered'> | undefined;
  readonly agencyReports?: Pick<AgencyReportNotices, 'recordUndelivered'> | undefined;
  readonly conferencePacks?: Pick<ConferencePackNotices, 'recordUndelivered'> | undefined;
  readonly minutesReturned?: Pick<MinutesReturnedNotices, 'recordUndelivered'> | undefined;
}

/**
 * What is recorded when a notice's job is dead (its attempts used up, or refused for good), by
 * kind: the notice recorded failed for its recipient, shown on the dashboard, and the lead social
 * worker told once (a dead notice telling them of one is only recorded). Minutes and plan
 * deliveries record their own outcomes; the meeting chat's agenda is no notice to a person.
 */
export function messageDeadLetterHandlers(services: DeadNoticeServices): Record<string, JobHandler> {
  const { checkIns, concerns, signals, meetings, planNotReceived, welcomes, institutionTasks, undelivered, agencyReports, conferencePacks, minutesReturned } = services;
  return {
    ...(checkIns ? { ...handlerFor(CHECK_IN_PROMPT_JOB, checkIns.recordUndeliveredPrompt), ...handlerFor(CHECK_IN_CHASE_JOB, checkIns.recordUndeliveredChase) } : {}),
    ...(concerns ? handlerFor(CONCERN_NOTIFICATION_JOB, concerns.recordUndelivered) : {}),
    ...(signals ? handlerFor(SIGNAL_NOTICE_JOB, signals.recordUndelivered) : {}),
    ...(meetings ? handlerFor(SIGN_OFF_REMINDER_JOB, meetings.recordUndeliveredReminder) : {}),
    ...(planNotReceived ? handlerFor(PLAN_NOT_RECEIVED_JOB, planNotReceived.recordUndelivered) : {}),
    ...(welcomes ? handlerFor(MEMBER_WELCOME_JOB, welcomes.recordUndelivered) : {}),
    ...(institutionTasks ? handlerFor(INSTITUTION_TASK_JOB, institutionTasks.recordUndelivered) : {}),
    ...(undelivered ? handlerFor(NOTICE_UNDELIVERED_JOB, undelivered.recordUndelivered) : {}),
    ...(agencyReports ? handlerFor(AGENCY_REPORT_REQUEST_JOB, agencyReports.recordUndelivered) : {}),
    ...(conferencePacks ? handlerFor(CONFERENCE_PACK_JOB, conferencePacks.recordUndelivered) : {}),
    ...(minutesReturned ? handlerFor(MINUTES_RETURNED_JOB, minutesReturned.recordUndelivered) : {}),
  };
}
