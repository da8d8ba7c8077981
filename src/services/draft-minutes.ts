import { randomUUID } from 'node:crypto';
import type { CoreGroupMeeting } from '../domain/meeting';
import { AlreadyExistsError, VersionConflictError, said } from '../domain/errors';
import { type Minutes, openingDraft } from '../domain/minutes';
import type { Clock } from './ports/clock.port';
import type { CoreGroupRepository, MinutesRepository } from './ports/store.port';

export interface DraftMinutesDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'members'>;
  readonly minutes: Pick<MinutesRepository, 'findByMeeting' | 'createDraft' | 'save'>;
  readonly clock: Clock;
}

/** The meeting's draft minutes, opened (every member listed as invited) if nobody has yet. */
export async function openDraft(deps: DraftMinutesDeps, request: { meeting: CoreGroupMeeting; openedBy: string }): Promise<Minutes> {
  const { meeting } = request;
  const existing = await deps.minutes.findByMeeting(meeting.id);
  if (existing) return existing;
  const draft = openingDraft({ id: randomUUID(), meeting, members: await deps.coreGroups.members(meeting.coreGroupId) });
  try {
    await deps.minutes.createDraft(draft, request.openedBy, deps.clock.nowIso());
  } catch (error) {
    // Two people opened it at the same moment (the start event and a member typing): the other draft won.
    if (!(error instanceof AlreadyExistsError)) throw error;
  }
  return (await deps.minutes.findByMeeting(meeting.id)) ?? draft;
}

/**
 * Applies one change to the draft minutes under optimistic concurrency: when someone else saved
 * in between (the chair in the tab), the change is applied again to what they saved. A change
 * that returns the minutes unchanged saves nothing and reports `changed: false`.
 */
export async function changeDraft(deps: DraftMinutesDeps, request: { meeting: CoreGroupMeeting; savedBy: string; change: (minutes: Minutes) => Minutes }): Promise<{ changed: boolean }> {
  const { meeting, savedBy } = request;
  for (let attempt = 0; attempt < 3; attempt++) {
    const minutes = await openDraft(deps, { meeting, openedBy: savedBy });
    const updated = request.change(minutes);
    if (updated === minutes) return { changed: false };
    try {
      await deps.minutes.save(updated, { expectedVersion: minutes.version, savedBy, at: deps.clock.nowIso() });
      return { changed: true };
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
  throw new VersionConflictError('The draft minutes are being edited; please try again.', { said: said('serviceRefusals.minutes.draftBusy') });
}
