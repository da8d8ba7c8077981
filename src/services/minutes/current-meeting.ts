import { NotFoundError, said } from '../../domain/errors';
import { nextOrLatestMeeting } from '../../domain/meeting';
import type { Caller } from '../authorise';
import { type MinutesDeps, authoriseOnMeeting } from './meeting-access';

/** The meeting of a Teams meeting chat, or the caller's next meeting (the latest when none is booked). */
export async function currentMeeting(deps: MinutesDeps, request: { caller: Caller; chatId?: string | undefined }): Promise<{ meetingId: string }> {
  const { caller, chatId } = request;
  if (chatId) {
    const meeting = await deps.meetings.findByChatId(chatId);
    if (!meeting) throw new NotFoundError('This chat is not a core group meeting chat.', { said: said('serviceRefusals.meetings.notMeetingChat') });
    await authoriseOnMeeting(deps, { caller, meeting, action: 'view-case' });
    return { meetingId: meeting.id };
  }
  const groups = await deps.coreGroups.listForMember(caller.tenantId, caller.aadObjectId);
  const meetings = (await Promise.all(groups.map((group) => deps.meetings.listByCoreGroup(group.id)))).flat();
  const next = nextOrLatestMeeting(meetings, deps.clock.today());
  if (!next) throw new NotFoundError('You have no core group meetings yet.', { said: said('serviceRefusals.meetings.noneYet') });
  return { meetingId: next.id };
}
