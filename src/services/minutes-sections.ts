import { MINUTES_SECTIONS, type SectionValues } from '../contracts/minutes.contract';
import { fieldRefusal } from '../contracts/problem';
import { parseCivilDate } from '../domain/civil-date';
import { InvalidInputError } from '../domain/errors';
import { type MinutesContent, type MinutesSection, decideRecommendation, decideSharing } from '../domain/minutes';

/**
 * From a section's wire value (already checked against its contract schema) to the domain's: the
 * only sections that differ carry dates. Keyed by the domain's sections and typed by the
 * contract's values, so a section that one of them has and the other lacks fails the type check.
 */
const SECTION_FROM_WIRE: { [K in MinutesSection]: (value: SectionValues[K]) => MinutesContent[K] } = {
  attendance: (entries) => entries,
  otherAttendees: (attendees) => attendees,
  allAgenciesPresent: (answer) => answer,
  actionUpdates: (updates) => updates,
  agencyUpdates: (updates) => updates,
  writtenReports: (reports) => reports,
  childSeen: (seen) => ({ seen: seen.seen, seenAlone: seen.seenAlone, lastSeenOn: seen.lastSeenOn === null ? undefined : parseCivilDate(seen.lastSeenOn), seenBy: seen.seenBy, note: seen.note }),
  childsVoice: (text) => text,
  signsOfSafety: (signs) => signs,
  decisions: (decisions) => decisions,
  newActions: (actions) => actions.map((action) => ({ ...action, due: parseCivilDate(action.due) })),
  disagreements: (disagreements) => disagreements,
  contingencyReview: (text) => text,
  reviewRecommendation: (recommendation) => decideRecommendation({ outcome: recommendation.outcome ?? undefined, reasons: recommendation.reasons }),
  nextMeetingDate: (date) => (date === null ? undefined : parseCivilDate(date)),
  sharing: (sharing) => decideSharing(sharing),
};

/** Where in a section a problem is, as the tab names its fields: `newActions[0].what`. */
function fieldOf(section: MinutesSection, path: readonly PropertyKey[]): string {
  return path.reduce<string>((field, key) => (typeof key === 'number' ? `${field}[${key}]` : `${field}.${String(key)}`), section);
}

/**
 * One autosaved section, parsed with its contract schema (`MINUTES_SECTIONS`) and turned into the
 * domain's value. The use case calls it once the writer is authorised, so a caller who may not edit
 * gets 403 whatever they sent; a value that does not fit is an `InvalidInputError` naming the
 * field (`childsVoice: must be at most 10,000 characters`), never quoting what was sent.
 */
export function parseSection<S extends MinutesSection>(section: S, value: unknown): MinutesContent[S] {
  const parsed = MINUTES_SECTIONS[section].safeParse(value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = fieldOf(section, issue?.path ?? []);
    throw new InvalidInputError(`${field}: ${issue?.message ?? 'is not valid'}`, { said: fieldRefusal(field, issue) });
  }
  return SECTION_FROM_WIRE[section](parsed.data as SectionValues[S]);
}
