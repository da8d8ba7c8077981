import type { FamilyReading, FamilyVersionReview, RecipientListResponse } from '../contracts/family-version.contract';
import { FAMILY_SECTIONS, type FamilyLine, PROFESSIONAL_ONLY_PARTS } from '../domain/family-version';
import type { FamilyRecord } from '../services/family-version/family-version-deps';
import type { FamilyReadingView } from '../services/family-version/reading';
import type { RecipientList } from '../services/minutes-distribution/recipient-list';

/** A prepared line as the contract has it (the domain's, field for field). */
const lineToWire = (line: FamilyLine | undefined) => line && { ...line };

/** The reviewer's view of the family version: every item by section (removed ones too), the summary, the sign-off, the sharing decision. */
export function toFamilyVersionReviewResponse(record: FamilyRecord): FamilyVersionReview {
  const { current, minutes, members } = record;
  const signer = current.signOff ? members.find((member) => member.id === current.signOff?.memberId) : undefined;
  const { sharing } = minutes.content;
  return {
    meetingId: record.meeting.id,
    version: current.version,
    summary: current.summary,
    sections: FAMILY_SECTIONS.map((section) => ({ section, items: current.items.filter((item) => item.section === section).map((item) => ({ id: item.id, section: item.section, text: item.text, line: lineToWire(item.line), removed: item.removed })) })).filter((part) => part.items.length > 0),
    signedOff: current.signOff ? { by: signer?.displayName, at: current.signOff.at } : undefined,
    sharing: { withFamily: sharing.withFamily, withChild: sharing.withChild, withheldReason: sharing.withheldReason },
    leftOut: [...PROFESSIONAL_ONLY_PARTS],
  };
}

/** What the family reads: only the lines left in, by section. */
export function toFamilyReadingResponse(reading: FamilyReadingView): FamilyReading {
  return { meetingId: reading.meetingId, meetingDate: reading.meetingDate, summary: reading.summary, signedOffAt: reading.signedOffAt, sections: reading.sections.map((part) => ({ section: part.section, lines: part.lines.map((line) => ({ text: line.text, line: lineToWire(line.line) })) })) };
}

/** Distribute's list as the tab shows it. */
export function toRecipientListResponse(list: RecipientList): RecipientListResponse {
  return { entries: list.entries.map((entry) => ({ ...entry })), listHash: list.listHash };
}
