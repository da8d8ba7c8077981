import type { Caller } from './authorise';
import type { FamilyVersionDeps } from './family-version/family-version-deps';
import { familyVersionFile, readFamilyVersion } from './family-version/reading';
import { saveReview, signOffReview, viewForReview } from './family-version/review';

export type { FamilyVersionDeps } from './family-version/family-version-deps';

/**
 * The family version of a meeting's record (issue 14): prepared from the signed minutes and the
 * plan without what is professional-only (src/domain/family-version.ts), reviewed and signed off
 * by the chair or the lead social worker, read by the family and the child when the minutes are
 * shared with them, and the only thing the family is ever sent. One use case per file under
 * `family-version/`; this object binds them to their dependencies.
 */
export function createFamilyVersions(deps: FamilyVersionDeps) {
  return {
    view: (request: Parameters<typeof viewForReview>[1]) => viewForReview(deps, request),
    review: (request: Parameters<typeof saveReview>[1]) => saveReview(deps, request),
    signOff: (request: Parameters<typeof signOffReview>[1]) => signOffReview(deps, request),
    read: (request: Parameters<typeof readFamilyVersion>[1]) => readFamilyVersion(deps, request),
    /** The signed-off family version as a file for someone who may read it. */
    async file(request: { caller: Caller; meetingId: string; format: 'docx' | 'pdf' }) {
      await readFamilyVersion(deps, request);
      return familyVersionFile(deps, request);
    },
    /** The signed-off family version as a file for its delivery, which the distribution authorised when it was queued. */
    fileForDelivery: (meetingId: string, format: 'docx' | 'pdf') => familyVersionFile(deps, { meetingId, format }),
  };
}

export type FamilyVersions = ReturnType<typeof createFamilyVersions>;
