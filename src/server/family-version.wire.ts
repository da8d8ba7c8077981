import type { FamilyReading, FamilyVersionReview, RecipientListResponse } from '../contracts/family-version.contract';
import { FAMILY_SECTIONS, FAMILY_SECTION_TITLES, MINUTES_FAMILY_USE, PLAN_FAMILY_USE } from '../domain/family-version';
import type { FamilyRecord } from '../services/family-version/family-version-deps';
import type { FamilyReadingView } from '../services/family-version/reading';
import type { RecipientList } from '../services/minutes-distribution/recipient-list';

/** Why each professional-only part is left out, as the domain says it. */
const LEFT_OUT = [...Object.values(MINUTES_FAMILY_USE), ...Object.values(PLAN_FAMILY_USE)].flatMap((use) => (use.family ? [] : [use.why]));

/** The reviewer's view of the family version: every item by section (removed ones too), the summary, the sign-off, the sharing decision. */
export function toFamilyVersionReviewResponse(record: FamilyRecord): FamilyVersionReview {
  const { current, minutes, members } = record;
  const signer = current.signOff ? members.find((member) => member.id === current.signOff?.memberId) : undefined;
  const { sharing } = minutes.content;
  return {
    meetingId: record.meeting.id,
    version: current.version,
    summary: current.summary,
    sections: FAMILY_SECTIONS.map((section) => ({ section, title: FAMILY_SECTION_TITLES[section], items: current.items.filter((item) => item.section === section).map((item) => ({ id: item.id, section: item.section, text: item.text, removed: item.removed })) })).filter((part) => part.items.length > 0),
    signedOff: current.signOff ? { by: signer?.displayName ?? 'a former member', at: current.signOff.at } : undefined,
    sharing: { withFamily: sharing.withFamily, withChild: sharing.withChild, withheldReason: sharing.withheldReason },
    leftOut: LEFT_OUT,
  };
}

/** What the family reads: only the lines left in, by section. */
export function toFamilyReadingResponse(reading: FamilyReadingView): FamilyReading {
  return { meetingId: reading.meetingId, meetingDate: reading.meetingDate, summary: reading.summary, signedOffAt: reading.signedOffAt, sections: reading.sections.map((part) => ({ section: part.section, title: part.title, lines: [...part.lines] })) };
}

/** Distribute's list as the tab shows it. */
export function toRecipientListResponse(list: RecipientList): RecipientListResponse {
  return { entries: list.entries.map((entry) => ({ ...entry })), listHash: list.listHash };
}
