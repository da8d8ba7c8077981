import { can } from '../domain/permissions';
import type { DocumentLanguage } from '../i18n/language';
import { type Caller, authorise } from './authorise';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CoreGroupRepository, DocumentLanguageRepository } from './ports/store.port';

/**
 * The language a core group's documents are written in — the minutes, the plan and its family
 * version, as exported and as circulated: English, Welsh, or both in one file (Welsh first). Any
 * member who may see the plan may read it; the lead social worker and the team manager choose it.
 * Both are authorised from the verified caller and audited.
 */
export function createDocumentLanguages(deps: { coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember'>; documentLanguages: DocumentLanguageRepository; auditLog: Pick<AuditLog, 'append'>; clock: Clock }) {
  return {
    async view(caller: Caller, coreGroupId: string): Promise<{ language: DocumentLanguage; canChoose: boolean }> {
      const { member } = await authorise(deps, { caller, coreGroupId, action: 'view-plan', targetId: coreGroupId });
      return { language: await deps.documentLanguages.of(coreGroupId), canChoose: can({ role: member.role }, 'choose-document-language') };
    },
    /** Choosing the language it already has changes nothing: a retried request is the same choice. */
    async choose(caller: Caller, coreGroupId: string, language: DocumentLanguage): Promise<{ language: DocumentLanguage; canChoose: boolean }> {
      const { member } = await authorise(deps, { caller, coreGroupId, action: 'choose-document-language', targetId: coreGroupId });
      if ((await deps.documentLanguages.of(coreGroupId)) !== language) await deps.documentLanguages.choose({ coreGroupId, language, memberId: member.id, at: deps.clock.nowIso() });
      return { language, canChoose: true };
    },
  };
}

export type DocumentLanguages = ReturnType<typeof createDocumentLanguages>;
