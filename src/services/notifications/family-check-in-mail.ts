import type { CheckInPromptJob } from '../../contracts/jobs.contract';
import type { CoreGroup, CoreGroupMember } from '../../domain/core-group';
import { oneLineUserText } from '../../domain/display-text';
import { openActionsOwnedBy, currentActions } from '../../domain/plan';
import { type DocumentLanguage, languagesOfDocument } from '../../i18n/language';
import { wordsIn } from '../../i18n/words';
import type { FamilyCheckInLinks } from '../family-check-in/family-check-in-links.service';
import type { Clock } from '../ports/clock.port';
import type { CheckInRepository, DocumentLanguageRepository, PlanRepository } from '../ports/store.port';
import { type RecordMail, reachableInTeams } from './teams-first';

/** Whether a check-in prompt to this member goes by e-mail with a link: a parent or carer the app cannot reach in Teams, with an address. */
export function promptedByFamilyLink(member: CoreGroupMember): boolean {
  return member.role === 'family-member' && member.active && Boolean(member.email) && !reachableInTeams(member);
}

/**
 * The e-mail a parent gets, in the group's document language (both: the Welsh first, then the
 * English): the case by reference only, never the child, never the action (it may name the child) —
 * that is on the link's page.
 */
export function familyCheckInMail(options: { reference: string; links: readonly string[]; days: number; expiresAt: number; language?: DocumentLanguage }): { subject: string; bodyText: string } {
  const { reference, links } = options;
  const one = links.length === 1;
  const parts = languagesOfDocument(options.language ?? 'en').map((language) => {
    const { t, dates } = wordsIn(language);
    const until = dates.dateOfInstant(options.expiresAt);
    return {
      subject: t('familyMail.subject', { caseReference: reference }),
      body: [
        t('familyMail.hello'),
        '',
        one ? t('familyMail.introOne', { caseReference: reference }) : t('familyMail.introMany', { caseReference: reference, count: links.length }),
        '',
        ...links,
        '',
        t(one ? 'familyMail.worksOne' : 'familyMail.worksMany', { days: options.days, until }),
        t('familyMail.direct'),
        '',
        t('familyMail.forYou'),
      ].join('\n'),
    };
  });
  return { subject: parts.map((part) => part.subject).join(' / '), bodyText: parts.map((part) => part.body).join('\n\n—\n\n') };
}

/**
 * A check-in prompt's e-mail to a parent or carer Teams cannot reach (issue 14, item 6): one link
 * per open action they own in the group, each bound to them, the action and this prompt. It is the
 * e-mail half of the one delivery policy (`check-in-notices.service.ts` decides Teams or e-mail and
 * records the outcome); the links are issued only when the e-mail is actually made.
 */
export function createFamilyCheckInMail(deps: {
  plans: Pick<PlanRepository, 'current'>;
  checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  links: Pick<FamilyCheckInLinks, 'issue'>;
  clock: Clock;
  /** Where the service is reached from the internet (read when a mail is made): the links point there. */
  publicBaseUrl: () => string;
  lifetimeDays: number;
  /** The group's document language, which a parent's e-mail is written in (none given: English). */
  documentLanguages?: Pick<DocumentLanguageRepository, 'of'> | undefined;
}) {
  const openActions = async (job: CheckInPromptJob, member: CoreGroupMember) => {
    const [plan, checkIns] = await Promise.all([deps.plans.current(job.coreGroupId), deps.checkIns.listByCoreGroup(job.coreGroupId)]);
    return openActionsOwnedBy(currentActions(plan?.actions ?? [], checkIns), member.id);
  };
  return {
    /** Whether the parent owns an open action in the group: nothing is sent when none is open any more. */
    async hasOpenActions(job: CheckInPromptJob, member: CoreGroupMember): Promise<boolean> {
      return (await openActions(job, member)).length > 0;
    },

    /** The e-mail, with a fresh link for each open action. */
    async mail(options: { member: CoreGroupMember; coreGroup: CoreGroup; job: CheckInPromptJob }): Promise<RecordMail> {
      const { member, job } = options;
      const links: string[] = [];
      for (const action of await openActions(job, member)) {
        const token = await deps.links.issue({ tenantId: job.tenantId, coreGroupId: job.coreGroupId, memberId: member.id, actionId: action.id, promptId: job.promptId });
        links.push(`${deps.publicBaseUrl().replace(/\/+$/, '')}/family/check-in/${token}`);
      }
      const expiresAt = Date.parse(deps.clock.nowIso()) + deps.lifetimeDays * 86_400_000;
      const language = (await deps.documentLanguages?.of(options.coreGroup.id)) ?? 'en';
      return familyCheckInMail({ reference: oneLineUserText(options.coreGroup.caseReference), links, days: deps.lifetimeDays, expiresAt, language });
    },
  };
}

export type FamilyCheckInMail = ReturnType<typeof createFamilyCheckInMail>;
