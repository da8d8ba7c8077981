import { RuleViolationError, said } from '../../domain/errors';
import { type FamilyReview, type FamilyVersion, reviewFamilyVersion, signOffFamilyVersion } from '../../domain/family-version';
import type { Caller } from '../authorise';
import { type FamilyRecord, type FamilyVersionDeps, loadFamilyRecord } from './family-version-deps';

/** The family version as its reviewer sees it: prepared (or as last reviewed) from the signed minutes and the plan. */
export function viewForReview(deps: FamilyVersionDeps, request: { caller: Caller; meetingId: string }): Promise<FamilyRecord> {
  return loadFamilyRecord(deps, { ...request, action: 'review-family-version' });
}

async function store(deps: FamilyVersionDeps, change: { caller: Caller; record: FamilyRecord; updated: FamilyVersion; audited: string }): Promise<FamilyRecord> {
  const { record, updated } = change;
  if (updated === record.current) return record;
  const at = deps.clock.nowIso();
  await deps.familyVersions.save(updated, { savedBy: record.member.id, at });
  await deps.auditLog.append({ at, tenantId: record.coreGroup.tenantId, actor: change.caller.aadObjectId, action: change.audited, coreGroupId: record.coreGroup.id, targetId: record.meeting.id, outcome: 'allowed' });
  return { ...record, current: updated };
}

/**
 * The chair's (or the lead social worker's) review: items removed or reworded, the plain-language
 * summary. Stored as a new version (audited); a review over a version someone else changed is a conflict.
 */
export async function saveReview(deps: FamilyVersionDeps, request: { caller: Caller; meetingId: string; review: FamilyReview }): Promise<FamilyRecord> {
  const record = await viewForReview(deps, request);
  return store(deps, { caller: request.caller, record, updated: reviewFamilyVersion(record.current, request.review), audited: 'review-family-version:saved' });
}

/**
 * Signs the reviewed family version off: only then can it be sent. Refused when the minutes
 * withhold it from both the family and the child (there is no one to send it to).
 */
export async function signOffReview(deps: FamilyVersionDeps, request: { caller: Caller; meetingId: string; version: number }): Promise<FamilyRecord> {
  const record = await viewForReview(deps, request);
  const { sharing } = record.minutes.content;
  if (!sharing.withFamily && !sharing.withChild) throw new RuleViolationError('These minutes are withheld from the family and the child, so there is no family version to send.', { said: said('serviceRefusals.familyVersion.withheld') });
  const signed = signOffFamilyVersion(record.current, { memberId: record.member.id, at: deps.clock.nowIso(), version: request.version });
  return store(deps, { caller: request.caller, record, updated: signed, audited: 'review-family-version:signed-off' });
}
