import { randomUUID } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { positionOf } from '../../src/domain/member-position';
import { migrateToLatest } from '../../src/store/migrate';
import { initialSchema } from '../../src/store/migrations/0001-initial';
import { bookingsSchema } from '../../src/store/migrations/0002-bookings';
import { concernNotesSchema } from '../../src/store/migrations/0003-concern-notes';
import { auditChainSchema } from '../../src/store/migrations/0004-audit-chain';
import { createStore } from '../../src/store/store';
import { freshDatabase } from '../support/databases';
import { aCoreGroup } from '../support/fixtures';
import { describeEachEngine } from './each-engine';

describeEachEngine('member positions (migration 0005)', (engine) => {
  test('members stored before positions were kept read as the nearest position to their role; new members keep the position they were given', async () => {
    const database = await freshDatabase(engine);
    try {
      const before = { '0001-initial': initialSchema(engine), '0002-bookings': bookingsSchema, '0003-concern-notes': concernNotesSchema, '0004-audit-chain': auditChainSchema(engine) };
      const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => before }, ...(database.schema ? { migrationTableSchema: database.schema } : {}) });
      const { error } = await migrator.migrateToLatest();
      if (error) throw error;
      const { coreGroup, parent, healthVisitor } = aCoreGroup();
      await sql`INSERT INTO core_groups (id, tenant_id, case_reference, child_name, policy_id, icpc_date, created_at) VALUES (${coreGroup.id}, ${coreGroup.tenantId}, ${coreGroup.caseReference}, 'Invented Child', ${coreGroup.policyId}, '2026-06-01', ${coreGroup.createdAt})`.execute(database.db);
      await sql`INSERT INTO members (id, core_group_id, display_name, role, agency, email, aad_object_id, reach, agency_manager_email, active) VALUES (${parent.id}, ${coreGroup.id}, 'Pat Parent', 'family-member', 'family', null, null, 'email-only', null, 1)`.execute(database.db);

      expect(await migrateToLatest(database)).toEqual(['0005-member-positions', '0006-case-revisions', '0007-review-conference-records', '0008-meeting-places', '0009-transfers', '0011-plan-deliveries', '0012-transfer-in', '0013-institution-tasks', '0014-notice-deliveries', '0015-concern-history', '0016-area-contacts', '0017-family-versions', '0018-family-check-in-links', '0019-notice-attempts', '0020-extra-meetings', '0021-agency-report-texts', '0022-minutes-returns', '0023-filed-documents', '0024-shared-instances', '0025-hot-query-indexes', '0026-rate-send-answers', '0027-app-installs', '0028-language-preferences', '0029-document-languages', '0030-concern-history-facts']);
      const store = createStore(database);
      const [legacy] = await store.coreGroups.members(coreGroup.id);
      expect(legacy?.position).toBeUndefined();
      expect(positionOf(legacy!)).toBe('parent-carer');

      const visitor = { ...healthVisitor, id: randomUUID(), position: 'health-visitor' as const };
      await store.coreGroups.addMember(coreGroup.id, visitor);
      expect(await store.coreGroups.findMember(coreGroup.id, visitor.aadObjectId!)).toEqual(visitor);
      await store.coreGroups.updateMember(coreGroup.id, { ...visitor, position: 'school-nurse' });
      expect((await store.coreGroups.findMember(coreGroup.id, visitor.aadObjectId!))?.position).toBe('school-nurse');
    } finally {
      await database.drop();
    }
  });
});
