import { minutesCirculationDue } from '../../domain/circulation';
import { markHeld, signOffReminders } from '../../domain/meeting';
import { SIGN_OFF_REMINDER_JOB, type SignOffReminderJob } from '../../contracts/jobs.contract';
import { policyOf } from '../policy-calendar';
import { type MeetingEventsDeps, auditMeetingEvent, enqueueOnce, meetingOfChat } from './meeting-events-deps';

/**
 * Teams says the meeting ended: it is recorded as held, and the chair and the minute-taker (the
 * lead social worker when no chair was named) are reminded to finish and sign off the minutes,
 * and by when they must go out.
 */
export async function meetingEnded(deps: MeetingEventsDeps, event: { tenantId: string; chatId: string }): Promise<{ meetingId: string; reminded: number } | undefined> {
  const found = await meetingOfChat(deps, event);
  if (!found) return undefined;
  const { meeting, coreGroup } = found;
  if (meeting.status === 'scheduled') await deps.meetings.update(markHeld(meeting));
  const { profile, calendar } = policyOf(deps, coreGroup);
  const circulationDue = minutesCirculationDue({ profile, calendar, meetingDate: meeting.date });
  const reminders = signOffReminders(meeting, await deps.coreGroups.members(coreGroup.id));
  for (const { member, meetingRole } of reminders) {
    const payload: SignOffReminderJob = { tenantId: coreGroup.tenantId, meetingId: meeting.id, aadObjectId: member.aadObjectId, meetingRole, caseReference: coreGroup.caseReference, meetingDate: meeting.date.toString(), circulationDue: circulationDue.toString() };
    await enqueueOnce(deps, { kind: SIGN_OFF_REMINDER_JOB, key: `sign-off:${meeting.id}:${member.id}`, payload });
  }
  await auditMeetingEvent(deps, { coreGroup, action: 'remind-minutes-sign-off', meetingId: meeting.id });
  return { meetingId: meeting.id, reminded: reminders.length };
}
