import type { AttendanceChoice, NoteSection, RecommendationOutcome, SectionName, YesNoUnknown } from '@contracts/minutes.contract';

/**
 * `true` when `List` names every value of `All`; otherwise a type naming the missing ones. The
 * tab keeps its own run-time lists (the contracts come in as types only, so zod stays out of the
 * bundle); this makes the compiler catch a value the contract gains and a list here lacks.
 */
type ListsEvery<All, List extends readonly unknown[]> = [Exclude<All, List[number]>] extends [never] ? true : { missing: Exclude<All, List[number]> };

/** What the chair can record for a member, in the order the menu offers them. */
export const ATTENDANCE_CHOICES = ['present', 'apologies', 'representative-sent', 'written-report', 'absent'] as const satisfies readonly AttendanceChoice[];
const _everyAttendanceChoice: ListsEvery<AttendanceChoice, typeof ATTENDANCE_CHOICES> = true;

/** The sections in meeting order, as the agreed template lists them. */
export const SECTION_NAMES = [
  'attendance',
  'otherAttendees',
  'allAgenciesPresent',
  'writtenReports',
  'actionUpdates',
  'agencyUpdates',
  'childSeen',
  'childsVoice',
  'signsOfSafety',
  'decisions',
  'newActions',
  'disagreements',
  'contingencyReview',
  'reviewRecommendation',
  'nextMeetingDate',
  'sharing',
] as const satisfies readonly SectionName[];
const _everySection: ListsEvery<SectionName, typeof SECTION_NAMES> = true;

/** The free-text sections an accepted chat note can join, in the order the menu offers them. */
export const NOTE_TARGETS = ['childsVoice', 'worries', 'workingWell', 'needsToHappen', 'contingencyReview'] as const satisfies readonly NoteSection[];
const _everyNoteTarget: ListsEvery<NoteSection, typeof NOTE_TARGETS> = true;

/** Yes, no, not recorded: in the order the radio buttons offer them. */
export const YES_NO_UNKNOWN = ['yes', 'no', 'not-recorded'] as const satisfies readonly YesNoUnknown[];
const _everyYesNo: ListsEvery<YesNoUnknown, typeof YES_NO_UNKNOWN> = true;

/** The core group's recommendations to the review conference, in the order offered. */
export const RECOMMENDATION_OUTCOMES = ['continue', 'continue-with-changes', 'end'] as const satisfies readonly RecommendationOutcome[];
const _everyRecommendation: ListsEvery<RecommendationOutcome, typeof RECOMMENDATION_OUTCOMES> = true;
