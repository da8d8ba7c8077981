import type { CaseStatusService } from '../case-status.service';
import type { Conversations } from '../conversations.service';
import type { MeetingEventsService } from '../meeting-events.service';
import type { MinutesDistribution } from '../minutes-distribution.service';
import type { Mailer } from '../ports/mailer.port';
import type { Notifier } from '../ports/notifier.port';
import type { CheckInRepository, ConcernRepository, CoreGroupRepository, InstitutionTaskRepository, PlanRepository } from '../ports/store.port';
import type { RecordExport } from '../record-export.service';
import { createCheckInNotices } from './check-in-notices.service';
import { createConcernNotices } from './concern-notices.service';
import { createInstitutionTaskNotices } from './institution-task-notices.service';
import { createMeetingNotices } from './meeting-notices.service';
import { createMinutesDelivery } from './minutes-delivery.service';
import { createSignalNotices } from './signal-notices.service';
import { createWelcomeNotices } from './welcome-notices.service';

/** The use cases behind every message job, over one notifier and one mailer (for the composition root and tests). */
export function createMessageServices(deps: {
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
  plans: Pick<PlanRepository, 'current'>;
  checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  concerns: Pick<ConcernRepository, 'listByCoreGroup'>;
  institutionTasks: Pick<InstitutionTaskRepository, 'findById'>;
  status: Pick<CaseStatusService, 'myActions'>;
  meetingEvents: Pick<MeetingEventsService, 'agendaOf' | 'attendeeIdentities'>;
  distribution: Pick<MinutesDistribution, 'deliveryOf' | 'recordOutcome'>;
  exports: Pick<RecordExport, 'minutesFile'>;
  conversations: Pick<Conversations, 'channelUserIds'>;
  notifier: Notifier;
  mailer: Mailer;
  organiserMailbox?: string | undefined;
}) {
  return {
    checkIns: createCheckInNotices(deps),
    concerns: createConcernNotices(deps),
    signals: createSignalNotices(deps),
    meetings: createMeetingNotices(deps),
    minutes: createMinutesDelivery(deps),
    welcomes: createWelcomeNotices(deps),
    institutionTasks: createInstitutionTaskNotices(deps),
  };
}
