import { Temporal } from 'temporal-polyfill';
import type { DocumentLanguage } from '../../i18n/language';
import type { CivilDate } from '../../domain/civil-date';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import { FAMILY_ANSWERS, type FamilyAnswer, type FamilyCheckInLink, linkState } from '../../domain/family-check-in-link';
import { currentActions, isOpen } from '../../domain/plan';
import type { CheckInService } from '../check-in.service';
import type { Clock } from '../ports/clock.port';
import type { AuditLog, DocumentLanguageRepository, CheckInRepository, CoreGroupRepository, FamilyCheckInLinkRepository, PlanRepository } from '../ports/store.port';
import { newLinkToken, parseLinkToken, verifierMatches } from './link-token';

/** What a working link shows: the one action it is for, in the plan's words, and when it is due. Nothing else. */
export interface LinkedAction {
  readonly what: string;
  readonly due: CivilDate;
  /** The language the group's documents are written in: the parent's page follows it (they have no Teams locale). */
  readonly language: DocumentLanguage;
}

/**
 * Why a link was refused. `not-found`: not a token, tampered, unknown, or its action is no longer
 * open and the member's (404). `gone`: used already, or expired (410). Neither says which.
 */
export type LinkRefusal = { readonly refused: 'not-found' | 'gone' };

/**
 * Parents' check-in links (issue 14, item 6). `issue` makes one for one member, one action and one
 * prompt; `open` shows that action and nothing else; `answer` records the check-in through the same
 * check-in service as a Teams card (so silence and slippage count it) and spends the link. Every
 * use of a link that found its case is audited as the member; a refused link records nothing.
 */
export function createFamilyCheckInLinks(deps: {
  links: FamilyCheckInLinkRepository;
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
  plans: Pick<PlanRepository, 'current'>;
  checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  checkInService: Pick<CheckInService, 'recordFromLink'>;
  auditLog: Pick<AuditLog, 'append'>;
  clock: Clock;
  lifetimeDays: number;
  /** The group's document language (none given: English). */
  documentLanguages?: Pick<DocumentLanguageRepository, 'of'> | undefined;
}) {
  const audit = (link: FamilyCheckInLink, outcome: 'allowed' | 'denied') =>
    deps.auditLog.append({ at: deps.clock.nowIso(), tenantId: link.tenantId, actor: `member:${link.memberId}`, action: 'open-check-in-link', coreGroupId: link.coreGroupId, targetId: link.actionId, outcome });

  /** The stored link a token names, when its secret half matches; nothing about why not. */
  const linkOf = async (token: string): Promise<FamilyCheckInLink | undefined> => {
    const parts = parseLinkToken(token);
    if (!parts) return undefined;
    const link = await deps.links.find(parts.selector);
    return link && verifierMatches(parts.verifier, link.verifierHash) ? link : undefined;
  };

  /** The link and its action when the link may still be answered (unspent, in time, the plan still running, its member still in the group and the action still theirs and open); a refusal otherwise. */
  const usable = async (token: string): Promise<{ link: FamilyCheckInLink; action: LinkedAction } | LinkRefusal> => {
    const link = await linkOf(token);
    if (!link) return { refused: 'not-found' };
    if (linkState(link, deps.clock.nowIso()) !== 'usable') {
      await audit(link, 'denied');
      return { refused: 'gone' };
    }
    const [coreGroup, members, plan, checkIns, language] = await Promise.all([
      deps.coreGroups.findById(link.coreGroupId),
      deps.coreGroups.members(link.coreGroupId),
      deps.plans.current(link.coreGroupId),
      deps.checkIns.listByCoreGroup(link.coreGroupId),
      deps.documentLanguages?.of(link.coreGroupId) ?? ('en' as const),
    ]);
    const planRunning = Boolean(coreGroup && !coreGroup.planEndedOn);
    const stillMember = members.some((member) => member.id === link.memberId && member.active);
    const action = currentActions(plan?.actions ?? [], checkIns).find((candidate) => candidate.id === link.actionId && candidate.ownerMemberId === link.memberId);
    if (!planRunning || !stillMember || !action || !isOpen(action)) {
      await audit(link, 'denied');
      return { refused: 'gone' };
    }
    return { link, action: { what: action.what, due: action.due, language } };
  };

  return {
    /** A new link for one member's one action from one prompt; returns the token, which is stored only as a hash. */
    async issue(request: { tenantId: string; coreGroupId: string; memberId: string; actionId: string; promptId: string }): Promise<string> {
      const { token, selector, verifierHash } = newLinkToken();
      const createdAt = deps.clock.nowIso();
      const expiresAt = Temporal.Instant.from(createdAt).add({ hours: 24 * deps.lifetimeDays }).toString();
      await deps.links.save({ ...request, selector, verifierHash, createdAt, expiresAt });
      return token;
    },

    /** What the link's page shows, audited as the member; a refusal for any link that does not work. */
    async open(token: string): Promise<LinkedAction | LinkRefusal> {
      const found = await usable(token);
      if ('refused' in found) return found;
      await audit(found.link, 'allowed');
      return found.action;
    },

    /**
     * Records the parent's answer as a check-in (the prompt and the action are its business key, so
     * a double submit records one) and spends the link, with any other link e-mailed for the same
     * prompt and action.
     */
    async answer(request: { token: string; answer: FamilyAnswer; note: string }): Promise<{ recorded: true; language: DocumentLanguage } | LinkRefusal> {
      const found = await usable(request.token);
      if ('refused' in found) return found;
      const { link } = found;
      try {
        await deps.checkInService.recordFromLink({ coreGroupId: link.coreGroupId, memberId: link.memberId, actionId: link.actionId, promptId: link.promptId, status: FAMILY_ANSWERS[request.answer].status, note: request.note });
      } catch (error) {
        // The member left the group or the action changed hands between opening the page and answering: the link no longer works.
        if (error instanceof NotFoundError || error instanceof ForbiddenError) return { refused: 'gone' };
        throw error;
      }
      await deps.links.markUsed(link, deps.clock.nowIso());
      return { recorded: true, language: found.action.language };
    },
  };
}

export type FamilyCheckInLinks = ReturnType<typeof createFamilyCheckInLinks>;
