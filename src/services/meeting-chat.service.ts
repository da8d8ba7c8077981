import { chatContributionSchema } from '../contracts/chat-contribution.contract';
import { problemOf } from '../contracts/problem';
import { InvalidInputError, NotFoundError, said } from '../domain/errors';
import { type ChatContribution, addContribution } from '../domain/minutes';
import { changeDraft } from './draft-minutes';
import { type Caller, authorise } from './authorise';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CoreGroupRepository, MeetingRepository, MinutesRepository } from './ports/store.port';

/**
 * The line as typed, checked against its contract: refused whole (with the reason, none of the
 * text) when it is too long, holds what cannot be stored, or names a day that does not exist —
 * never cut, so what is acknowledged is what is stored.
 */
function parseContribution(request: { kind: ChatContribution['kind']; text: string; due?: string | undefined }) {
  const parsed = chatContributionSchema.safeParse({ text: request.text, due: request.due });
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const field = issue?.path[0] === 'due' ? 'due' : request.kind;
  const fieldWords = field === 'due' ? 'the due date' : `the ${field}`;
  const { problem, values } = problemOf(issue);
  throw new InvalidInputError(`Nothing was added: ${fieldWords} ${issue?.message ?? 'is not valid'}.`, { said: said('serviceRefusals.meetingChat.invalid', { ...values, field, problem }) });
}

/**
 * Notes, decisions and actions typed in a core group's meeting chat land in the draft minutes,
 * attributed and time-stamped, for the chair to accept, edit or drop. Only members whose role
 * allows it can add; a retried Teams delivery (same activity id) adds nothing twice. An action's
 * owner is the person mentioned in the message, identified by their Entra object id (never by the
 * name as typed) and matched to an active member of the group; someone who is not one leaves the
 * action without an owner, for the chair to assign. A line that does not fit its contract is
 * refused, never cut (`parseContribution`).
 */
export function createMeetingChatService(deps: {
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members'>;
  meetings: Pick<MeetingRepository, 'findByChatId'>;
  minutes: Pick<MinutesRepository, 'findByMeeting' | 'createDraft' | 'save'>;
  auditLog: Pick<AuditLog, 'append'>;
  clock: Clock;
}) {
  return {
    async contribute(request: {
      caller: Caller;
      chatId: string;
      activityId: string;
      kind: ChatContribution['kind'];
      text: string;
      /** For an action: the Entra object id of the person mentioned as its owner. */
      ownerAadObjectId?: string | undefined;
      due?: string | undefined;
    }): Promise<{ added: boolean }> {
      const meeting = await deps.meetings.findByChatId(request.chatId);
      if (!meeting) throw new NotFoundError('This chat is not a core group meeting chat.', { said: said('serviceRefusals.meetings.notMeetingChat') });
      const { member } = await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'contribute-to-minutes', targetId: meeting.id });
      const { text, due } = parseContribution(request);
      const owner = request.ownerAadObjectId ? await deps.coreGroups.findMember(meeting.coreGroupId, request.ownerAadObjectId) : undefined;
      const activeOwner = owner?.active ? owner : undefined;
      const contribution: ChatContribution = {
        id: request.activityId,
        kind: request.kind,
        text,
        memberId: member.id,
        at: deps.clock.nowIso(),
        ownerMemberId: activeOwner?.id,
        ownerName: activeOwner?.displayName,
        due,
      };
      const { changed } = await changeDraft(deps, { meeting, savedBy: member.id, change: (minutes) => addContribution(minutes, contribution) });
      return { added: changed };
    },
  };
}

export type MeetingChatService = ReturnType<typeof createMeetingChatService>;
