import type { ConferencePackJob } from '../../contracts/jobs.contract';
import { oneLineUserText } from '../../domain/display-text';
import type { ConferencePack } from '../conference-pack/conference-pack.service';
import type { ConferencePackReadyMessage } from '../ports/notifier.port';
import type { CoreGroupRepository, JobQueue, MeetingRepository } from '../ports/store.port';
import { coveringMail } from './covering-mail';
import { type NoticeAddress, type NoticePolicyDeps, type NoticeRun, deadNoticeRecorder, deliverNotice, senderOf } from './notice-policy';

/**
 * Delivers the conference pack before a review conference, through the one delivery policy: to
 * the group's conference chair (or, when the group has none, to the lead social worker to pass
 * on) as a Teams 1:1 card that says where to download it, else by e-mail with the pack as a PDF
 * attached (in their chosen language, else the pack's); each attempt recorded. Nothing goes once
 * the review is held, cancelled or moved since it was planned, or after the plan has ended.
 */
export function createConferencePackNotices(
  deps: NoticePolicyDeps & {
    coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
    meetings: Pick<MeetingRepository, 'reviewConferences'>;
    conferencePacks: Pick<ConferencePack, 'fileForDelivery'>;
    jobs: Pick<JobQueue, 'enqueue'>;
    organiserMailbox?: string | undefined;
  },
) {
  const addressOf = async (job: ConferencePackJob): Promise<NoticeAddress | undefined> => {
    const member = (await deps.coreGroups.members(job.coreGroupId)).find((candidate) => candidate.id === job.memberId && candidate.active);
    return member && { kind: 'conference-pack', subjectId: job.reviewConferenceId, coreGroupId: job.coreGroupId, tenantId: job.tenantId, member };
  };
  return {
    async deliver(job: ConferencePackJob, run?: NoticeRun): Promise<void> {
      const [coreGroup, members, reviews, to] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), deps.coreGroups.members(job.coreGroupId), deps.meetings.reviewConferences(job.coreGroupId), addressOf(job)]);
      const review = reviews.find((candidate) => candidate.id === job.reviewConferenceId);
      if (!coreGroup || coreGroup.planEndedOn || !to || !review || review.status !== 'scheduled' || review.date.toString() !== job.reviewOn) return;
      const message: ConferencePackReadyMessage = { kind: 'conference-pack-ready', caseReference: coreGroup.caseReference, reviewOn: job.reviewOn, forChair: job.forChair };
      await deliverNotice(deps, {
        to,
        run,
        inTeams: ({ t }) => ({ summary: t('notice.packSummary'), message }),
        from: senderOf(deps.organiserMailbox, members),
        mail: async (_words, chosen) => {
          const pack = await deps.conferencePacks.fileForDelivery(coreGroup.id, review.id);
          const words = coveringMail({ chosen, record: pack.language }, ({ t, dates }) => {
            const said = { caseReference: oneLineUserText(coreGroup.caseReference), reviewOn: dates.date(job.reviewOn) };
            return { subject: t('notice.packMailSubject', said), bodyText: t(job.forChair ? 'notice.packMailBody' : 'notice.packMailBodyPassOn', said) };
          });
          return { ...words, attachment: { name: pack.fileName, contentType: 'application/pdf', content: pack.file } };
        },
      });
    },

    recordUndelivered: deadNoticeRecorder(deps, addressOf),
  };
}

export type ConferencePackNotices = ReturnType<typeof createConferencePackNotices>;
