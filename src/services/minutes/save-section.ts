import { VersionConflictError } from '../../domain/errors';
import type { CoreGroupMeeting } from '../../domain/meeting';
import { type Minutes, type MinutesContent, type MinutesSection, editMinutes, sectionChangedSince } from '../../domain/minutes';
import { checkSectionIds, sectionNamesIds } from '../../domain/minutes-members';
import type { Caller } from '../authorise';
import { openDraft } from '../draft-minutes';
import { parseSection } from '../minutes-sections';
import { type MinutesDeps, authoriseOnMeeting, loadMeeting, saveOver } from './meeting-access';

/** The section changed since the editor's version: who saved the version it is now (no name: a former member), and when (the tab names them). */
export class SectionChangedError extends VersionConflictError {
  constructor(readonly changedBy: { readonly name: string | undefined; readonly at: string } | undefined) {
    super('Someone else changed this section since you started; compare the two versions.');
  }
}

/** The saved version that last changed a section (from the newest back), with who saved it and when. */
function lastChangeOf<V extends { version: number; content: MinutesContent; savedBy: string; savedAt: string }>(history: readonly V[], section: MinutesSection): V | undefined {
  const newestFirst = [...history].sort((a, b) => b.version - a.version);
  return newestFirst.find((version, index) => {
    const before = newestFirst[index + 1];
    return !before || sectionChangedSince({ base: before.content, current: version.content, section });
  });
}

/**
 * Autosave of one section. It is saved when that section has not changed since the version the
 * editor started from — other sections may have, and are kept — otherwise it is a conflict that
 * carries the current minutes, so the editor can show both and lose nothing.
 */
export async function saveSection(deps: MinutesDeps, request: { caller: Caller; meetingId: string; baseVersion: number; section: MinutesSection; value: unknown }): Promise<Minutes> {
  const meeting = await loadMeeting(deps, request.meetingId);
  const { member } = await authoriseOnMeeting(deps, { caller: request.caller, meeting, action: 'edit-minutes' });
  const value = parseSection(request.section, request.value);
  await checkIdsAreThisGroups(deps, { meeting, section: request.section, value });
  // Another section saved at the same moment moves the version on: that is not a conflict, so
  // the check is made again on what is stored now, a few times, before giving up.
  for (let attempt = 0; ; attempt++) {
    const current = await openDraft(deps, { meeting, openedBy: member.id });
    if (current.version !== request.baseVersion) {
      const history = await deps.minutes.history(current.id);
      const base = history.find((version) => version.version === request.baseVersion);
      if (sectionChangedSince({ base: base?.content, current: current.content, section: request.section })) {
        const change = lastChangeOf(history, request.section);
        const editor = change && (await deps.coreGroups.members(meeting.coreGroupId)).find((candidate) => candidate.id === change.savedBy);
        throw new SectionChangedError(change ? { name: editor?.displayName, at: change.savedAt } : undefined);
      }
    }
    const content: MinutesContent = { ...current.content, [request.section]: value };
    try {
      const saved = await saveOver(deps, { current, updated: editMinutes(current, { content, basedOnVersion: current.version }), savedBy: member.id });
      if (request.section === 'sharing') await auditSharing(deps, { caller: request.caller, meeting, sharing: saved.content.sharing });
      return saved;
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= 2) throw error;
    }
  }
}

/** The sharing decision is audited on its own (seed 002): withholding from the family or the child, or sharing again. */
async function auditSharing(deps: Pick<MinutesDeps, 'auditLog' | 'clock'>, change: { caller: Caller; meeting: CoreGroupMeeting; sharing: MinutesContent['sharing'] }): Promise<void> {
  const { sharing } = change;
  const decided = sharing.withFamily && sharing.withChild ? 'shared' : `withheld-from-${[!sharing.withFamily && 'family', !sharing.withChild && 'child'].filter(Boolean).join('-and-')}`;
  await deps.auditLog.append({ at: deps.clock.nowIso(), tenantId: change.caller.tenantId, actor: change.caller.aadObjectId, action: `family-sharing:${decided}`, coreGroupId: change.meeting.coreGroupId, targetId: change.meeting.id, outcome: 'allowed' });
}

/** The member and action ids a section names must be this core group's; the group is read only when the section names any. */
async function checkIdsAreThisGroups<S extends MinutesSection>(deps: Pick<MinutesDeps, 'coreGroups' | 'plans'>, request: { meeting: CoreGroupMeeting; section: S; value: MinutesContent[S] }): Promise<void> {
  if (!sectionNamesIds(request.section)) return;
  const [members, plan] = await Promise.all([deps.coreGroups.members(request.meeting.coreGroupId), deps.plans.current(request.meeting.coreGroupId)]);
  checkSectionIds({ section: request.section, value: request.value, group: { members, planActionIds: plan?.actions.map((action) => action.id) ?? [] } });
}
