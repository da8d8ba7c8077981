import { parseCivilDate } from '../../../src/domain/civil-date';
import type { CoreGroupMember } from '../../../src/domain/core-group';
import type { CoreGroupMeeting } from '../../../src/domain/meeting';
import type { Minutes } from '../../../src/domain/minutes';
import type { ChildProtectionPlan } from '../../../src/domain/plan';
import { renderDocx } from '../../../src/export/docx-renderer';
import { renderPdf } from '../../../src/export/pdf-renderer';
import type { Caller } from '../../../src/services/authorise';
import { createRecordExport } from '../../../src/services/record-export.service';
import { createRecordPack } from '../../../src/services/record-pack.service';
import { loadWorkingDayCalendars } from '../../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../../src/policies/policy-catalogue';
import { aCoreGroup } from '../../support/fixtures';

/** Characters XML 1.0 forbids (F11): U+FFFF, U+FFFE, C0 controls and surrogates without their pair, between letters. */
export const NOT_XML = 'a\uFFFFb\uFFFEc\u0001d\u0008e\u001Ff\uD800g\uDC00h\u0000i';
/** Every directional formatting character: overrides, embeddings, isolates and marks. */
export const DIRECTIONAL = '\u202Eevil\u202C \u202Ax\u202By\u202D \u2066p\u2067q\u2068r\u2069 \u200Em\u200Fn\u061Co';
/** What `DIRECTIONAL` should read as once shown safely. */
export const DIRECTIONAL_SHOWN = 'evil xy pqr mno';
/** Markup, templates and formulas in each language the outputs speak (markdown, HTML, WordprocessingML, spreadsheets). */
export const MARKUP = '[click](https://evil.example) ![img](https://evil.example/p.png) **bold** _it_ <script>alert(1)</script> <at>Priya</at> {{DATE(2026-01-01T00:00:00Z)}} ${secret} ]]> </w:t><w:t>&amp; & =HYPERLINK("https://evil.example")';
/** A word far wider than any page or panel. */
export const LONG_WORD = 'W'.repeat(1000);

/** The labelled user text the minutes export shows (names and agencies of those attending, owning or scaling). */
export const MINUTES_LABELS = ['name0', 'agency0', 'name2', 'agency2', 'name3', 'agency3', 'representative', 'agenciesNote', 'planAction', 'update', 'childsVoice', 'worries', 'workingWell', 'needsToHappen', 'decision', 'newAction', 'newMeasure', 'disagreement', 'contingencyReview', 'amendment'];
/** The labelled user text the plan export shows. */
export const PLAN_LABELS = ['outcome', 'planAction', 'name2', 'agency2', 'planMeasure', 'contingency', 'resources', 'monitoring'];
/** The labelled user text the record pack shows besides the minutes and the plan: the plan's change log, a review's chair, a meeting not held. */
export const PACK_LABELS = [...MINUTES_LABELS, ...PLAN_LABELS, 'planReason', 'reviewChair', 'notHeldReason'];

/**
 * A core group whose every piece of user text — names, agencies, the minutes' sections, the plan,
 * check-in notes, the amendment reason — is `label hostile label-after`, and a record export of it
 * with the real renderers. `MINUTES_LABELS`, `PLAN_LABELS` and `PACK_LABELS` are the labels each export shows.
 */
export function hostileRecord(hostile: string) {
  const { coreGroup, members, lead } = aCoreGroup();
  const say = (label: string) => `${label} ${hostile} ${label}-after`;
  const people: CoreGroupMember[] = members.map((member, index) => ({ ...member, displayName: say(`name${index}`), agency: say(`agency${index}`) }));
  const owner = people[2]!;
  const meeting: CoreGroupMeeting = { id: 'meeting-1', coreGroupId: coreGroup.id, date: parseCivilDate('2026-06-08'), status: 'held' };
  const plan: ChildProtectionPlan = {
    coreGroupId: coreGroup.id,
    version: 3,
    outcomes: [{ id: 'o1', text: say('outcome') }],
    actions: [{ id: 'a1', outcomeId: 'o1', what: say('planAction'), ownerMemberId: owner.id, agency: owner.agency, due: parseCivilDate('2026-07-01'), agreedOn: parseCivilDate('2026-06-01'), progressMeasure: say('planMeasure'), state: 'in-progress' }],
    contingencyPlan: say('contingency'),
    resources: say('resources'),
    monitoring: say('monitoring'),
  };
  const notHeld: CoreGroupMeeting = { id: 'meeting-0', coreGroupId: coreGroup.id, date: parseCivilDate('2026-06-04'), status: 'not-held', cancellationReason: say('notHeldReason') };
  const minutes: Minutes = {
    id: 'minutes-1',
    meetingId: meeting.id,
    coreGroupId: coreGroup.id,
    version: 2,
    amendmentReason: say('amendment'),
    chairSignOff: { memberId: people[0]!.id, at: '2026-06-08T15:00:00.000Z' },
    managerSignOff: { memberId: people[1]!.id, at: '2026-06-08T16:00:00.000Z' },
    content: {
      attendance: [{ memberId: people[0]!.id, attendance: 'present' }, { memberId: people[3]!.id, attendance: 'representative-sent', representativeName: say('representative') }],
      otherAttendees: [{ name: say('otherName'), relationship: say('otherRelationship'), organisation: say('otherOrganisation') }],
      allAgenciesPresent: { discussed: true, note: say('agenciesNote') },
      actionUpdates: [{ actionId: 'a1', agency: owner.agency, update: say('update') }],
      agencyUpdates: [{ agency: say('updateAgency'), update: say('agencyUpdate') }],
      writtenReports: [{ memberId: owner.id, summary: say('writtenReport') }],
      childSeen: { seen: 'yes', seenAlone: 'no', lastSeenOn: parseCivilDate('2026-06-01'), seenBy: say('seenBy'), note: say('seenNote') },
      childsVoice: say('childsVoice'),
      signsOfSafety: { worries: say('worries'), workingWell: say('workingWell'), needsToHappen: say('needsToHappen'), scaling: [{ memberId: owner.id, score: 6 }] },
      decisions: [say('decision')],
      newActions: [{ what: say('newAction'), ownerMemberId: owner.id, agency: owner.agency, due: parseCivilDate('2026-07-15'), progressMeasure: say('newMeasure') }],
      disagreements: [{ text: say('disagreement'), significant: true }],
      contingencyReview: say('contingencyReview'),
      reviewRecommendation: { outcome: 'end', reasons: say('recommendationReasons') },
      sharing: { withFamily: true, withChild: false },
      contributions: [],
    },
  };
  const checkIn = { actionId: 'a1', memberId: owner.id, status: 'at-risk' as const, note: 'Visited', recordedAt: '2026-06-05T10:00:00.000Z' };
  const exports = createRecordExport({
    coreGroups: { findById: async () => coreGroup, findMember: async (_id, aadObjectId) => people.find((member) => member.aadObjectId === aadObjectId), members: async () => people, listForMember: async () => [] },
    meetings: { findById: async () => meeting } as never,
    minutes: { findByMeeting: async () => minutes } as never,
    plans: { current: async () => plan } as never,
    checkIns: { listByCoreGroup: async () => [checkIn] },
    concerns: { listByCoreGroup: async () => [] },
    documentLanguages: { of: async () => 'en' },
    auditLog: { append: async () => undefined } as never,
    clock: { nowIso: () => '2026-06-08T11:00:00.000Z', today: () => parseCivilDate('2026-06-08') },
    renderer: { docx: renderDocx, pdf: renderPdf },
  });
  const pack = createRecordPack({
    coreGroups: { findById: async () => coreGroup, findMember: async (_id, aadObjectId) => people.find((member) => member.aadObjectId === aadObjectId), members: async () => people, transferredTo: async () => undefined },
    meetings: {
      listByCoreGroup: async () => [notHeld, meeting],
      reviewConferences: async () => [{ id: 'review-1', coreGroupId: coreGroup.id, date: parseCivilDate('2026-06-05'), status: 'held', outcome: 'continue', chairName: say('reviewChair') }],
      loadCaseTimeline: async () => ({ icpcDate: coreGroup.icpcDate, meetings: [notHeld, meeting], reviewConferences: [], circulations: [], agencyReports: [], agencies: [] }),
    },
    minutes: { findByMeetings: async () => new Map([[meeting.id, minutes]]), history: async () => [{ ...minutes, savedBy: 'test', savedAt: '2026-06-08T16:00:00.000Z' }] },
    plans: { current: async () => plan, history: async () => [{ plan, authorMemberId: people[0]!.id, reason: say('planReason'), changes: [{ kind: 'action-added', subjectId: 'a1' }], createdAt: '2026-06-01T12:00:00.000Z' }] },
    checkIns: { listByCoreGroup: async () => [checkIn] },
    documentLanguages: { of: async () => 'en' },
    concerns: { listByCoreGroup: async () => [] },
    auditLog: { append: async () => undefined },
    clock: { nowIso: () => '2026-06-08T11:00:00.000Z', today: () => parseCivilDate('2026-06-08') },
    policy: (id) => loadPolicyCatalogue().get(id),
    calendars: loadWorkingDayCalendars(),
    renderer: { docx: renderDocx, pdf: renderPdf },
  });
  const caller: Caller = { tenantId: coreGroup.tenantId, aadObjectId: lead.aadObjectId! };
  return {
    minutes: (format: 'docx' | 'pdf') => exports.minutesFile(meeting.id, format),
    plan: (format: 'docx' | 'pdf') => exports.plan({ caller, coreGroupId: coreGroup.id, format }),
    pack: (format: 'docx' | 'pdf') => pack.recordPack({ caller, coreGroupId: coreGroup.id, format }),
  };
}
