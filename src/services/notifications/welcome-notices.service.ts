import type { MemberWelcomeJob } from '../../contracts/jobs.contract';
import { leadSocialWorkerOf } from '../../domain/core-group';
import { plainUserText } from '../../domain/display-text';
import { positionLabel, positionOf } from '../../domain/member-position';
import type { Mailer } from '../ports/mailer.port';
import type { MemberWelcomeMessage, Notifier } from '../ports/notifier.port';
import type { CoreGroupRepository } from '../ports/store.port';
import { nameAndAgency } from './member-label';
import { sentInTeams } from './teams-first';

/**
 * Welcomes someone added to a core group after set-up: a Teams 1:1 card for people the app can
 * reach there, otherwise (or when they never opened a chat with the app) an e-mail from the
 * organiser mailbox. The message names the case by reference, never the child. Someone removed
 * again before the job ran is not welcomed; someone reachable neither way is logged by the runner.
 */
export function createWelcomeNotices(deps: { coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>; notifier: Notifier; mailer: Mailer; organiserMailbox?: string | undefined }) {
  return {
    async welcome(job: MemberWelcomeJob): Promise<void> {
      const [coreGroup, members] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), deps.coreGroups.members(job.coreGroupId)]);
      const member = members.find((candidate) => candidate.id === job.memberId && candidate.active);
      if (!coreGroup || !member) return;
      const lead = leadSocialWorkerOf(members);
      const message: MemberWelcomeMessage = { kind: 'member-welcome', caseReference: coreGroup.caseReference, asPosition: positionLabel(positionOf(member)), leadSocialWorker: lead ? nameAndAgency(lead) : 'the lead social worker' };
      if (await sentInTeams(deps.notifier, member, { tenantId: job.tenantId, summary: 'Core Group: you have been added to a core group', message })) return;
      const from = deps.organiserMailbox ?? lead?.email;
      if (!member.email || !from) return;
      const reference = plainUserText(coreGroup.caseReference).replace(/\s+/g, ' ');
      await deps.mailer.sendMail({
        from,
        to: member.email,
        subject: `You have been added to a core group — case ${reference}`,
        bodyText: `You have been added to the core group for case ${reference} as ${message.asPosition}. The core group is led by ${plainUserText(message.leadSocialWorker)}, who will send you the meeting invitations and the child protection plan. The case contains confidential information about a child: keep what you receive securely.`,
      });
    },
  };
}

export type WelcomeNotices = ReturnType<typeof createWelcomeNotices>;
