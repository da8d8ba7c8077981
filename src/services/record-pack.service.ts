import { meetingsInDateOrder } from '../domain/meeting';
import { type Minutes, isSigned } from '../domain/minutes';
import { computeObligations } from '../domain/obligations';
import { type Caller, authorise } from './authorise';
import { type PolicyDeps, policyOf } from './policy-calendar';
import type { Clock } from './ports/clock.port';
import type { RecordBlock, RecordDocument, RecordRenderer } from './ports/record-renderer.port';
import type { AuditLog, CheckInRepository, ConcernRepository, CoreGroupRepository, DocumentLanguageRepository, MeetingRepository, MinutesRepository, PlanRepository } from './ports/store.port';
import { type DocumentPart, auditReference, documentIn, fileSafe, minutesBlocks, planBlocks, signedLine } from './record-blocks';
import { renderRecord } from './record-export.service';
import { deadlinesBlocks, meetingsBlocks, membersBlocks, planEndText, planVersionsBlocks, reviewsBlocks } from './record-pack/record-pack-blocks';

export interface RecordPackDeps extends PolicyDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members' | 'transferredTo'>;
  readonly meetings: Pick<MeetingRepository, 'listByCoreGroup' | 'reviewConferences' | 'loadCaseTimeline'>;
  readonly minutes: Pick<MinutesRepository, 'findByMeetings' | 'history'>;
  readonly plans: Pick<PlanRepository, 'current' | 'history'>;
  readonly checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  readonly concerns: Pick<ConcernRepository, 'listByCoreGroup'>;
  /** The language the group's documents are written in. */
  readonly documentLanguages: Pick<DocumentLanguageRepository, 'of'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  readonly renderer: RecordRenderer;
}

/** A meeting's minutes as they stand, and the last version of them that was signed (an amendment since may be unsigned). */
async function signedAndCurrent(deps: Pick<RecordPackDeps, 'minutes'>, minutesByMeeting: ReadonlyMap<string, Minutes>) {
  const entries = await Promise.all(
    [...minutesByMeeting].map(async ([meetingId, current]) => {
      // Only an amendment turns signed minutes back into a draft: other drafts were never signed.
      if (isSigned(current) || !current.amendmentReason) return [meetingId, { current, signed: isSigned(current) ? current : undefined }] as const;
      const signed = (await deps.minutes.history(current.id)).filter(isSigned).sort((a, b) => b.version - a.version)[0];
      return [meetingId, { current, signed }] as const;
    }),
  );
  return new Map(entries);
}

/**
 * A case's record pack: one document for the child's social care record, or for the area a case
 * transferred to — the case (by its reference, never the child's name) and its members, the plan
 * as it stands with every version of it, the signed minutes of each meeting in date order, the
 * meetings and review conferences and what they decided, every deadline and whether it was met on
 * time, and how the plan ended. For the members who may export the record (lead social worker,
 * team manager, conference chair), before and after the plan ends; audited like every export.
 */
export function createRecordPack(deps: RecordPackDeps) {
  return {
    async recordPack(request: { caller: Caller; coreGroupId: string; format: 'docx' | 'pdf' }): Promise<{ file: Buffer; fileName: string }> {
      const { coreGroupId, format } = request;
      const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId, action: 'export-record', targetId: coreGroupId });
      const [members, plan, history, checkIns, meetings, reviews, timeline, transferredTo, concerns, language] = await Promise.all([
        deps.coreGroups.members(coreGroupId),
        deps.plans.current(coreGroupId),
        deps.plans.history(coreGroupId),
        deps.checkIns.listByCoreGroup(coreGroupId),
        deps.meetings.listByCoreGroup(coreGroupId),
        deps.meetings.reviewConferences(coreGroupId),
        deps.meetings.loadCaseTimeline(coreGroupId, coreGroup),
        deps.coreGroups.transferredTo(coreGroupId),
        deps.concerns.listByCoreGroup(coreGroupId),
        deps.documentLanguages.of(coreGroupId),
      ]);
      const inOrder = meetingsInDateOrder(meetings);
      const minutesOf = await signedAndCurrent(deps, await deps.minutes.findByMeetings(inOrder.map((meeting) => meeting.id)));
      const { profile, calendar } = policyOf(deps, coreGroup);
      const today = deps.clock.today();
      const obligations = computeObligations({ profile, calendar, timeline, asOf: today });
      const endedAtReview = reviews.find((review) => review.status === 'held' && review.outcome === 'end')?.date;
      const written = documentIn(language, (words): DocumentPart => {
        const { t, dates } = words;
        const ending = planEndText(words, { planEndedOn: coreGroup.planEndedOn, transferredTo, endedAtReview, today });
        const minutesSections = inOrder.flatMap((meeting): RecordBlock[] => {
          const signed = minutesOf.get(meeting.id)?.signed;
          if (!signed) return [];
          return [
            { kind: 'section', text: t('pack.minutesSection', { date: dates.date(meeting.date) }) },
            { kind: 'paragraph', text: t('pack.minutesVersion', { version: signed.version, signed: signedLine(words, signed, members) }) },
            ...minutesBlocks(words, { minutes: signed, members, plan, checkIns, concerns }),
          ];
        });
        const blocks: RecordBlock[] = [
          { kind: 'heading', text: t('pack.theCase') },
          { kind: 'paragraph', text: t('pack.caseReference', { caseReference: coreGroup.caseReference }) },
          { kind: 'paragraph', text: coreGroup.transferredInFrom ? t('pack.transferIn', { date: dates.date(coreGroup.icpcDate), from: coreGroup.transferredInFrom }) : t('pack.icpc', { date: dates.date(coreGroup.icpcDate) }) },
          { kind: 'paragraph', text: t('pack.timescales', { profile: profile.name }) },
          { kind: 'paragraph', text: ending },
          ...membersBlocks(words, members),
          { kind: 'section', text: plan ? t('pack.planSectionVersion', { version: plan.version }) : t('pack.planSection') },
          ...(plan ? planBlocks(words, { plan, members, checkIns }) : [{ kind: 'paragraph' as const, text: t('pack.noPlan') }]),
          ...planVersionsBlocks(words, history, members),
          ...minutesSections,
          { kind: 'section', text: t('pack.meetingsSection') },
          ...meetingsBlocks(words, inOrder, minutesOf),
          ...reviewsBlocks(words, reviews),
          { kind: 'section', text: t('pack.deadlinesSection') },
          ...deadlinesBlocks(words, obligations),
          { kind: 'heading', text: t('pack.endHeading') },
          { kind: 'paragraph', text: ending },
        ];
        return { title: t('pack.title'), subtitle: t('pack.subtitle', { caseReference: coreGroup.caseReference, date: dates.date(today) }), blocks };
      });
      const at = deps.clock.nowIso();
      const document: RecordDocument = { ...written, caseReference: coreGroup.caseReference, auditReference: auditReference({ id: coreGroup.id, version: plan?.version ?? 0, at }) };
      return { file: await renderRecord(deps.renderer, document, format), fileName: `core-group-record-pack-${fileSafe(coreGroup.caseReference)}-${today.toString()}.${format}` };
    },
  };
}

export type RecordPack = ReturnType<typeof createRecordPack>;
