import { randomUUID } from 'node:crypto';
import { AlreadyExistsError, NotFoundError, VersionConflictError } from '../domain/errors';
import { type ChatContribution, addContribution, emptyMinutesContent } from '../domain/minutes';
import { type Caller, authorise } from './authorise';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CoreGroupRepository, MeetingRepository, MinutesRepository } from './ports/store.port';

/**
 * Notes, decisions and actions typed in a core group's meeting chat land in the draft minutes,
 * attributed and time-stamped, for the chair to accept, edit or drop. Only members whose role
 * allows it can add; a retried Teams delivery (same activity id) adds nothing twice.
 */
export function createMeetingChatService(deps: {
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members'>;
  meetings: Pick<MeetingRepository, 'findByChatId'>;
  minutes: Pick<MinutesRepository, 'findByMeeting' | 'createDraft' | 'save'>;
  auditLog: Pick<AuditLog, 'append'>;
  clock: Clock;
}) {
  return {
    async contribute(request: { caller: Caller; chatId: string; activityId: string; kind: ChatContribution['kind']; text: string; ownerName?: string | undefined; due?: string | undefined }): Promise<{ added: boolean }> {
      const meeting = await deps.meetings.findByChatId(request.chatId);
      if (!meeting) throw new NotFoundError('This chat is not a core group meeting chat.');
      const { member } = await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'contribute-to-minutes', targetId: meeting.id });
      const contribution: ChatContribution = { id: request.activityId, kind: request.kind, text: request.text.slice(0, 2000), memberId: member.id, at: deps.clock.nowIso(), ownerName: request.ownerName, due: request.due };
      for (let attempt = 0; attempt < 3; attempt++) {
        let minutes = await deps.minutes.findByMeeting(meeting.id);
        if (!minutes) {
          minutes = { id: randomUUID(), meetingId: meeting.id, coreGroupId: meeting.coreGroupId, version: 1, content: emptyMinutesContent(await deps.coreGroups.members(meeting.coreGroupId)) };
          try {
            await deps.minutes.createDraft(minutes, member.id, deps.clock.nowIso());
          } catch (error) {
            // Two members typing at the start of a meeting: the other draft won; use that one.
            if (!(error instanceof AlreadyExistsError)) throw error;
          }
          minutes = (await deps.minutes.findByMeeting(meeting.id)) ?? minutes;
        }
        const updated = addContribution(minutes, contribution);
        if (updated === minutes) return { added: false };
        try {
          await deps.minutes.save(updated, { expectedVersion: minutes.version, savedBy: member.id, at: deps.clock.nowIso() });
          return { added: true };
        } catch (error) {
          // Someone saved the draft in between (the chair in the tab): read it again and retry.
          if (!(error instanceof VersionConflictError)) throw error;
        }
      }
      throw new VersionConflictError('The draft minutes are being edited; please send that again.');
    },
  };
}

export type MeetingChatService = ReturnType<typeof createMeetingChatService>;
