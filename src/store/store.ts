import { createAgencyReportRepository } from './agency-report.repository';
import { createAuditLog } from './audit-log.repository';
import { createCalendarSubscriptionRepository } from './calendar-subscription.repository';
import { createCheckInRepository } from './check-in.repository';
import { createAppInstallRepository } from './app-install.repository';
import { createAreaContactRepository } from './area-contact.repository';
import { createDocumentLanguageRepository, createLanguagePreferenceRepository } from './language-preference.repository';
import { createConcernHistoryRepository } from './concern-history.repository';
import { createConcernRepository } from './concern.repository';
import { createConversationReferenceRepository } from './conversation-reference.repository';
import { createCoreGroupRepository } from './core-group.repository';
import { createFiledDocumentRepository } from './filed-document.repository';
import { createLeases } from './lease.repository';
import { createFamilyCheckInLinkRepository } from './family-check-in-link.repository';
import { createInstitutionTaskRepository } from './institution-task.repository';
import type { OpenDatabase } from './database';
import { createJobQueue } from './job.repository';
import { createMeetingRepository } from './meeting.repository';
import { createMinutesRepository } from './minutes.repository';
import { createNoticeDeliveryRepository } from './notice-delivery.repository';
import { createFamilyVersionRepository } from './family-version.repository';
import { createPlanCirculationRepository } from './plan-circulation.repository';
import { createPlanRepository } from './plan.repository';

/** Every repository over one open database. */
export function createStore(database: Pick<OpenDatabase, 'db' | 'engine'>) {
  const { db, engine } = database;
  return {
    coreGroups: createCoreGroupRepository(db),
    plans: createPlanRepository(db),
    meetings: createMeetingRepository(db),
    checkIns: createCheckInRepository(db),
    minutes: createMinutesRepository(db),
    planCirculation: createPlanCirculationRepository(db),
    concerns: createConcernRepository(db),
    concernHistory: createConcernHistoryRepository(db),
    areaContacts: createAreaContactRepository(db),
    appInstalls: createAppInstallRepository(db),
    languages: createLanguagePreferenceRepository(db),
    documentLanguages: createDocumentLanguageRepository(db),
    noticeDeliveries: createNoticeDeliveryRepository(db),
    familyVersions: createFamilyVersionRepository(db),
    institutionTasks: createInstitutionTaskRepository(db),
    agencyReports: createAgencyReportRepository(db),
    filedDocuments: createFiledDocumentRepository(db),
    leases: createLeases(db),
    familyCheckInLinks: createFamilyCheckInLinkRepository(db),
    conversationReferences: createConversationReferenceRepository(db),
    auditLog: createAuditLog(db, engine),
    jobs: createJobQueue(db, engine),
    calendarSubscriptions: createCalendarSubscriptionRepository(db),
  };
}

export type Store = ReturnType<typeof createStore>;
