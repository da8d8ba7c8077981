import type { MinutesReturnedJob } from '../../contracts/jobs.contract';
import { oneLineUserText } from '../../domain/display-text';
import type { Words } from '../../i18n/words';
import type { MinutesReturnedMessage } from '../ports/notifier.port';
import type { CoreGroupRepository, JobQueue, MeetingRepository, MinutesRepository } from '../ports/store.port';
import { type NoticeAddress, type NoticePolicyDeps, type NoticeRun, deadNoticeRecorder, deliverNotice, senderOf } from './notice-policy';

/**
 * Tells the chair, through the one delivery policy (a Teams 1:1 card, else e-mail; each attempt
 * recorded), that the team manager sent their signed minutes back with comments. Neither card nor
 * e-mail quotes the comments — they stay in the minutes tab — and nothing goes once the chair has
 * signed again or the minutes were returned again since.
 */
export function createMinutesReturnedNotices(
  deps: NoticePolicyDeps & {
    coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
    meetings: Pick<MeetingRepository, 'findById'>;
    minutes: Pick<MinutesRepository, 'findByMeeting'>;
    jobs: Pick<JobQueue, 'enqueue'>;
    organiserMailbox?: string | undefined;
  },
) {
  const addressOf = async (job: MinutesReturnedJob): Promise<NoticeAddress | undefined> => {
    const member = (await deps.coreGroups.members(job.coreGroupId)).find((candidate) => candidate.id === job.memberId && candidate.active);
    return member && { kind: 'minutes-returned', subjectId: job.meetingId, coreGroupId: job.coreGroupId, tenantId: job.tenantId, member };
  };
  return {
    async deliver(job: MinutesReturnedJob, run?: NoticeRun): Promise<void> {
      const [coreGroup, members, meeting, minutes, to] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), deps.coreGroups.members(job.coreGroupId), deps.meetings.findById(job.meetingId), deps.minutes.findByMeeting(job.meetingId), addressOf(job)]);
      const returned = minutes?.returned;
      if (!coreGroup || !meeting || !to || !returned || returned.at !== job.returnedAt || minutes.chairSignOff) return;
      // A returner the group no longer lists is named by their role: only the team manager sends minutes back.
      const returner = members.find((member) => member.id === returned.memberId)?.displayName;
      const message = ({ t }: Words): MinutesReturnedMessage => ({ kind: 'minutes-returned', caseReference: coreGroup.caseReference, meetingDate: meeting.date.toString(), returnedBy: returner ?? t('readyCards.returnedByTheTeamManager'), chatId: meeting.booking?.chatId });
      await deliverNotice(deps, {
        to,
        run,
        inTeams: (words) => ({ summary: words.t('notice.returnedSummary'), message: message(words) }),
        from: senderOf(deps.organiserMailbox, members),
        mail: async ({ t, dates }) => {
          const said = { caseReference: oneLineUserText(coreGroup.caseReference), by: returner === undefined ? t('notice.returnedMailByTheTeamManager') : oneLineUserText(returner), date: dates.date(meeting.date) };
          return { subject: t('notice.returnedMailSubject', said), bodyText: t('notice.returnedMailBody', said) };
        },
      });
    },

    recordUndelivered: deadNoticeRecorder(deps, addressOf),
  };
}

export type MinutesReturnedNotices = ReturnType<typeof createMinutesReturnedNotices>;
