import { meetingsInDateOrder } from '../domain/meeting';
import { type Minutes, isSigned } from '../domain/minutes';
import { computeObligations } from '../domain/obligations';
import { ukDate } from '../domain/uk-date';
import { type Caller, authorise } from './authorise';
import { type PolicyDeps, policyOf } from './policy-calendar';
import type { Clock } from './ports/clock.port';
import type { RecordBlock, RecordDocument, RecordRenderer } from './ports/record-renderer.port';
import type { AuditLog, CheckInRepository, ConcernRepository, CoreGroupRepository, MeetingRepository, MinutesRepository, PlanRepository } from './ports/store.port';
import { wordsIn } from '../i18n/words';
import { auditReference, fileSafe, minutesBlocks, planBlocks, signedLine } from './record-blocks';
import { renderRecord } from './record-export.service';
import { deadlinesBlocks, meetingsBlocks, membersBlocks, planEndText, planVersionsBlocks, reviewsBlocks } from './record-pack/record-pack-blocks';

export interface RecordPackDeps extends PolicyDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members' | 'transferredTo'>;
  readonly meetings: Pick<MeetingRepository, 'listByCoreGroup' | 'reviewConferences' | 'loadCaseTimeline'>;
  readonly minutes: Pick<MinutesRepository, 'findByMeetings' | 'history'>;
  readonly plans: Pick<PlanRepository, 'current' | 'history'>;
  readonly checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  readonly concerns: Pick<ConcernRepository, 'listByCoreGroup'>;
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
      const [members, plan, history, checkIns, meetings, reviews, timeline, transferredTo, concerns] = await Promise.all([
        deps.coreGroups.members(coreGroupId),
        deps.plans.current(coreGroupId),
        deps.plans.history(coreGroupId),
        deps.checkIns.listByCoreGroup(coreGroupId),
        deps.meetings.listByCoreGroup(coreGroupId),
        deps.meetings.reviewConferences(coreGroupId),
        deps.meetings.loadCaseTimeline(coreGroupId, coreGroup),
        deps.coreGroups.transferredTo(coreGroupId),
        deps.concerns.listByCoreGroup(coreGroupId),
      ]);
      const english = wordsIn('en');
      const inOrder = meetingsInDateOrder(meetings);
      const minutesOf = await signedAndCurrent(deps, await deps.minutes.findByMeetings(inOrder.map((meeting) => meeting.id)));
      const { profile, calendar } = policyOf(deps, coreGroup);
      const today = deps.clock.today();
      const obligations = computeObligations({ profile, calendar, timeline, asOf: today });
      const endedAtReview = reviews.find((review) => review.status === 'held' && review.outcome === 'end')?.date;
      const ending = planEndText({ planEndedOn: coreGroup.planEndedOn, transferredTo, endedAtReview, today });

      const minutesSections = inOrder.flatMap((meeting): RecordBlock[] => {
        const signed = minutesOf.get(meeting.id)?.signed;
        if (!signed) return [];
        return [{ kind: 'section', text: `Minutes of the core group meeting of ${ukDate(meeting.date)}` }, { kind: 'paragraph', text: `Version ${signed.version}, ${signedLine(english, signed, members)}.` }, ...minutesBlocks(english, { minutes: signed, members, plan, checkIns, concerns })];
      });
      const blocks: RecordBlock[] = [
        { kind: 'heading', text: 'The case' },
        { kind: 'paragraph', text: `Case reference: ${coreGroup.caseReference}` },
        { kind: 'paragraph', text: coreGroup.transferredInFrom ? `Transfer-in conference: ${ukDate(coreGroup.icpcDate)} (the case transferred in from ${coreGroup.transferredInFrom})` : `Initial child protection conference: ${ukDate(coreGroup.icpcDate)}` },
        { kind: 'paragraph', text: `Timescales: ${profile.name}` },
        { kind: 'paragraph', text: ending },
        ...membersBlocks(members),
        { kind: 'section', text: plan ? `The child protection plan (version ${plan.version})` : 'The child protection plan' },
        ...(plan ? planBlocks(english, { plan, members, checkIns }) : [{ kind: 'paragraph' as const, text: 'No plan was written in Core Group.' }]),
        ...planVersionsBlocks(history, members),
        ...minutesSections,
        { kind: 'section', text: 'Meetings and review conferences' },
        ...meetingsBlocks(inOrder, minutesOf),
        ...reviewsBlocks(reviews),
        { kind: 'section', text: 'Deadlines and the end of the plan' },
        ...deadlinesBlocks(obligations),
        { kind: 'heading', text: 'The end of the plan' },
        { kind: 'paragraph', text: ending },
      ];
      const at = deps.clock.nowIso();
      const document: RecordDocument = { title: 'Core group record pack', caseReference: coreGroup.caseReference, subtitle: `Case ${coreGroup.caseReference} · as of ${ukDate(today)}`, auditReference: auditReference({ id: coreGroup.id, version: plan?.version ?? 0, at }), blocks };
      return { file: await renderRecord(deps.renderer, document, format), fileName: `core-group-record-pack-${fileSafe(coreGroup.caseReference)}-${today.toString()}.${format}` };
    },
  };
}

export type RecordPack = ReturnType<typeof createRecordPack>;
