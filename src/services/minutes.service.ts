import { amend } from './minutes/amend';
import { assignRoles } from './minutes/assign-roles';
import { currentMeeting } from './minutes/current-meeting';
import { decideContribution } from './minutes/decide-contribution';
import type { MinutesDeps } from './minutes/meeting-access';
import { recordOutcome } from './minutes/meeting-outcome';
import { returnToChair } from './minutes/return-to-chair';
import { saveSection } from './minutes/save-section';
import { signOff } from './minutes/sign-off';
import { viewMinutes } from './minutes/view';

export type { MeetingAccess, MinutesDeps } from './minutes/meeting-access';

/**
 * The minutes of a meeting as the chair and minute-taker write them in the meeting side panel:
 * read by members, written only by the chair and minute-taker (never the same person), saved one
 * section at a time under optimistic concurrency, signed by the chair and the team manager and
 * then immutable — an amendment is a new version with a reason. Every read and write is
 * authorised from the verified caller and audited. One use case per file under `minutes/`; this
 * object binds them to their dependencies.
 */
export function createMinutesService(deps: MinutesDeps) {
  return {
    currentMeeting: (request: Parameters<typeof currentMeeting>[1]) => currentMeeting(deps, request),
    view: (request: Parameters<typeof viewMinutes>[1]) => viewMinutes(deps, request),
    saveSection: (request: Parameters<typeof saveSection>[1]) => saveSection(deps, request),
    decideContribution: (request: Parameters<typeof decideContribution>[1]) => decideContribution(deps, request),
    assignRoles: (request: Parameters<typeof assignRoles>[1]) => assignRoles(deps, request),
    signOff: (request: Parameters<typeof signOff>[1]) => signOff(deps, request),
    amend: (request: Parameters<typeof amend>[1]) => amend(deps, request),
    returnToChair: (request: Parameters<typeof returnToChair>[1]) => returnToChair(deps, request),
    recordOutcome: (request: Parameters<typeof recordOutcome>[1]) => recordOutcome(deps, request),
  };
}

export type MinutesService = ReturnType<typeof createMinutesService>;
