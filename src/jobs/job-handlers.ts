import {
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
  PLAN_DELIVERY_JOB,
  PLAN_NOT_RECEIVED_JOB,
  SIGNAL_NOTICE_JOB,
  SIGN_OFF_REMINDER_JOB,
} from '../contracts/jobs.contract';
import type { CheckInNotices } from '../services/notifications/check-in-notices.service';
import type { ConcernNotices } from '../services/notifications/concern-notices.service';
import type { InstitutionTaskNotices } from '../services/notifications/institution-task-notices.service';
import type { Cp9Mail } from '../services/notifications/cp9-mail.service';
import type { MeetingNotices } from '../services/notifications/meeting-notices.service';
import type { MinutesDelivery } from '../services/notifications/minutes-delivery.service';
import type { PlanDeliveryService } from '../services/notifications/plan-delivery.service';
import type { PlanNotReceivedNotices } from '../services/notifications/plan-not-received-notices.service';
import type { SignalNotices } from '../services/notifications/signal-notices.service';
import type { WelcomeNotices } from '../services/notifications/welcome-notices.service';
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
}

/** A handler that parses the stored payload with its kind's schema before the use case sees it. */
function handlerFor<K extends JobKind>(kind: K, run: (payload: JobPayload<K>) => Promise<void>): Record<string, JobHandler> {
  return { [kind]: async (raw) => run(JOB_PAYLOADS[kind].parse(raw) as JobPayload<K>) };
}

/**
 * The job runner's handlers for the jobs that tell people things, by kind. The runner is an edge:
 * a stored payload is parsed here with the one schema of its kind (a malformed one fails the
 * attempt), then the service decides who is told, by which channel and with what words.
 */
export function messageJobHandlers(services: MessageJobServices): Record<string, JobHandler> {
  const { checkIns, concerns, signals, meetings, minutes, plans, planNotReceived, cp9, welcomes, institutionTasks } = services;
  return {
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
  };
}

/**
 * What is recorded when a message job is dead (its attempts used up, or refused for good), by kind:
 * a concern's notice is recorded as failed for its recipient, so the person who raised it sees it.
 */
export function messageDeadLetterHandlers(services: { readonly concerns?: Pick<ConcernNotices, 'recordUndelivered'> | undefined }): Record<string, JobHandler> {
  const { concerns } = services;
  return concerns ? { [CONCERN_NOTIFICATION_JOB]: async (raw, job) => concerns.recordUndelivered(JOB_PAYLOADS[CONCERN_NOTIFICATION_JOB].parse(raw), job) } : {};
}
