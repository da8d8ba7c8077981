import { VersionConflictError } from '../../domain/errors';
import { type Minutes, type MinutesContent, type MinutesSection, editMinutes, sectionChangedSince } from '../../domain/minutes';
import type { Caller } from '../authorise';
import { openDraft } from '../draft-minutes';
import { parseSection } from '../minutes-sections';
import { type MinutesDeps, authoriseOnMeeting, loadMeeting, saveOver } from './meeting-access';

/**
 * Autosave of one section. It is saved when that section has not changed since the version the
 * editor started from — other sections may have, and are kept — otherwise it is a conflict that
 * carries the current minutes, so the editor can show both and lose nothing.
 */
export async function saveSection(deps: MinutesDeps, request: { caller: Caller; meetingId: string; baseVersion: number; section: MinutesSection; value: unknown }): Promise<Minutes> {
  const meeting = await loadMeeting(deps, request.meetingId);
  const { member } = await authoriseOnMeeting(deps, { caller: request.caller, meeting, action: 'edit-minutes' });
  const value = parseSection(request.section, request.value);
  // Another section saved at the same moment moves the version on: that is not a conflict, so
  // the check is made again on what is stored now, a few times, before giving up.
  for (let attempt = 0; ; attempt++) {
    const current = await openDraft(deps, { meeting, openedBy: member.id });
    if (current.version !== request.baseVersion) {
      const base = (await deps.minutes.history(current.id)).find((version) => version.version === request.baseVersion);
      if (sectionChangedSince({ base: base?.content, current: current.content, section: request.section })) {
        throw new VersionConflictError('Someone else changed this section since you started; compare the two versions.');
      }
    }
    const content: MinutesContent = { ...current.content, [request.section]: value };
    try {
      return await saveOver(deps, { current, updated: editMinutes(current, { content, basedOnVersion: current.version }), savedBy: member.id });
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= 2) throw error;
    }
  }
}
