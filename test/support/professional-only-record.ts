import { parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember } from '../../src/domain/core-group';
import type { MinutesContent } from '../../src/domain/minutes';
import type { ChildProtectionPlan } from '../../src/domain/plan';

/**
 * Minutes and a plan full of professional-only content, each piece carrying a distinctive marker,
 * beside content the family is meant to read. A family-bound artefact must contain none of
 * `PROFESSIONAL_ONLY_MARKERS` and must contain `FAMILY_MARKER`; the professional record contains
 * them all, so a test that searches for them can fail.
 */
export const PROFESSIONAL_ONLY_MARKERS = {
  policeUpdate: 'POLICE-UPDATE-7731',
  policeAction: 'POLICE-ACTION-7732',
  policePlanAction: 'POLICE-PLAN-7733',
  disagreement: 'DISAGREEMENT-7734',
  agencies: 'AGENCIES-MISSING-7735',
  monitoring: 'MONITORING-7736',
  contribution: 'CHAT-PROPOSAL-7737',
  policeAgencyUpdate: 'POLICE-AGENCY-UPDATE-7742',
  writtenReport: 'WRITTEN-REPORT-7743',
  childSeen: 'CHILD-SEEN-7744',
} as const;

/** The core group's recommendation to the review conference: shared with the family. */
export const RECOMMENDATION_MARKER = 'RECOMMENDATION-7745';

/** Each professional's own scaling is printed under this heading in the full record, and nowhere in a family version. */
export const SCALING_HEADING = 'Scaling (0';

/** Family-safe content: in every family-bound artefact. */
export const FAMILY_MARKER = 'FAMILY-SAFE-7740';

/** Written in a family-safe section, then removed by the reviewer: in no family-bound artefact once signed off. */
export const REMOVED_ON_REVIEW_MARKER = 'REMOVE-ON-REVIEW-7741';

/** The markers a family-bound text contains that it must not. */
export function professionalOnlyIn(text: string): string[] {
  return [...Object.values(PROFESSIONAL_ONLY_MARKERS), SCALING_HEADING, REMOVED_ON_REVIEW_MARKER].filter((marker) => text.includes(marker));
}

/** Content for signed minutes of a meeting of the group `members` (a lead social worker, a police officer, a health visitor, a parent). */
export function professionalOnlyMinutes(people: { lead: CoreGroupMember; police: CoreGroupMember; healthVisitor: CoreGroupMember; parent: CoreGroupMember }, actionIds: { police: string; health: string }): MinutesContent {
  const { lead, police, healthVisitor, parent } = people;
  return {
    attendance: [lead, police, healthVisitor, parent].map((member) => ({ memberId: member.id, attendance: 'present' })),
    otherAttendees: [{ name: 'Anna Nowak', relationship: 'interpreter', organisation: 'Language Line' }],
    allAgenciesPresent: { discussed: true, note: `Education missing again ${PROFESSIONAL_ONLY_MARKERS.agencies}` },
    actionUpdates: [
      { actionId: actionIds.police, agency: 'police', update: `Two call-outs last month ${PROFESSIONAL_ONLY_MARKERS.policeUpdate}` },
      { actionId: actionIds.health, agency: 'health visiting', update: 'Weighed and well at the last visit' },
    ],
    agencyUpdates: [
      { agency: 'police', update: `Intelligence shared ${PROFESSIONAL_ONLY_MARKERS.policeAgencyUpdate}` },
      { agency: 'health visiting', update: 'Growth on track' },
    ],
    writtenReports: [{ memberId: police.id, summary: `Report from the police ${PROFESSIONAL_ONLY_MARKERS.writtenReport}` }],
    childSeen: { seen: 'yes', seenAlone: 'yes', lastSeenOn: parseCivilDate('2026-06-18'), seenBy: lead.displayName, note: `Seen alone at school ${PROFESSIONAL_ONLY_MARKERS.childSeen}` },
    childsVoice: 'Likes the new after-school club',
    signsOfSafety: { worries: `Arguments at home ${REMOVED_ON_REVIEW_MARKER}`, workingWell: 'Mornings are calmer', needsToHappen: 'Keep the routine going', scaling: [{ memberId: police.id, score: 2 }, { memberId: healthVisitor.id, score: 7 }] },
    decisions: [`Stay on the plan ${FAMILY_MARKER}`],
    newActions: [
      { what: `Check the address history ${PROFESSIONAL_ONLY_MARKERS.policeAction}`, ownerMemberId: police.id, agency: 'police', due: parseCivilDate('2026-07-10'), progressMeasure: 'done' },
      { what: 'Book the next developmental review', ownerMemberId: healthVisitor.id, agency: 'health visiting', due: parseCivilDate('2026-07-15'), progressMeasure: 'booked' },
    ],
    disagreements: [{ text: `Health and police disagree on risk ${PROFESSIONAL_ONLY_MARKERS.disagreement}`, significant: false }],
    contingencyReview: 'If things get worse, a review conference is called early',
    reviewRecommendation: { outcome: 'continue-with-changes', reasons: `Progress is real but recent ${RECOMMENDATION_MARKER}` },
    nextMeetingDate: parseCivilDate('2026-07-20'),
    sharing: { withFamily: true, withChild: true },
    contributions: [{ id: 'chat-1', kind: 'note', text: `Proposal ${PROFESSIONAL_ONLY_MARKERS.contribution}`, memberId: police.id, at: '2026-06-20T10:00:00.000Z' }],
  };
}

/** A plan with a police action and a monitoring arrangement (professional-only) beside actions the family reads. */
export function professionalOnlyPlan(options: { coreGroupId: string; version?: number; police: CoreGroupMember; healthVisitor: CoreGroupMember; actionIds: { police: string; health: string } }): ChildProtectionPlan {
  const { police, healthVisitor, actionIds } = options;
  return {
    coreGroupId: options.coreGroupId,
    version: options.version ?? 1,
    outcomes: [{ id: 'outcome-safe', text: 'Safe and settled at home' }],
    actions: [
      { id: actionIds.police, outcomeId: 'outcome-safe', what: `Flag the address ${PROFESSIONAL_ONLY_MARKERS.policePlanAction}`, ownerMemberId: police.id, agency: 'police', due: parseCivilDate('2026-07-01'), agreedOn: parseCivilDate('2026-06-01'), progressMeasure: 'flagged', state: 'in-progress' },
      { id: actionIds.health, outcomeId: 'outcome-safe', what: 'Visit every two weeks', ownerMemberId: healthVisitor.id, agency: 'health visiting', due: parseCivilDate('2026-07-30'), agreedOn: parseCivilDate('2026-06-01'), progressMeasure: 'visits held', state: 'in-progress' },
    ],
    contingencyPlan: 'An early review conference',
    resources: 'A family support worker',
    monitoring: `Weekly police and social care check ${PROFESSIONAL_ONLY_MARKERS.monitoring}`,
  };
}
