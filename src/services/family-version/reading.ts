import type { CoreGroup } from '../../domain/core-group';
import { NotFoundError, said } from '../../domain/errors';
import { type FamilyVersion, familyReading } from '../../domain/family-version';
import type { CoreGroupMeeting } from '../../domain/meeting';
import type { DocumentLanguage } from '../../i18n/language';
import type { Caller } from '../authorise';
import type { RecordBlock, RecordDocument, RecordFile } from '../ports/record-renderer.port';
import { type DocumentPart, auditReference, documentIn, fileSafe } from '../record-blocks';
import { renderRecord } from '../record-export.service';
import { familyReadingText } from './family-line-words';
import { type FamilyVersionDeps, loadFamilyRecord, readsAsFamily } from './family-version-deps';

/** What the family reads: the summary and each section's lines, as signed off. */
export interface FamilyReadingView {
  readonly meetingId: string;
  readonly meetingDate: string;
  readonly caseReference: string;
  readonly summary: string;
  readonly signedOffAt: string;
  readonly sections: ReturnType<typeof familyReading>;
}

function readingOf(meeting: CoreGroupMeeting, coreGroup: CoreGroup, version: FamilyVersion): FamilyReadingView {
  if (!version.signOff) throw new NotFoundError('The family version of this meeting has not been signed off yet.', { said: said('serviceRefusals.familyVersion.notSignedOff') });
  return { meetingId: meeting.id, meetingDate: meeting.date.toString(), caseReference: coreGroup.caseReference, summary: version.summary, signedOffAt: version.signOff.at, sections: familyReading(version) };
}

/** The signed-off family version: the stored one, whichever minutes it came from (it is what the family was sent). */
async function signedOff(deps: FamilyVersionDeps, meetingId: string): Promise<FamilyVersion> {
  const stored = await deps.familyVersions.current(meetingId);
  if (!stored?.signOff) throw new NotFoundError('The family version of this meeting has not been signed off yet.', { said: said('serviceRefusals.familyVersion.notSignedOff') });
  return stored;
}

/**
 * The family version as a family member or the child reads it (when the minutes are shared with
 * them), or as its reviewer previews what was signed off: never anything the review left out.
 */
export async function readFamilyVersion(deps: FamilyVersionDeps, request: { caller: Caller; meetingId: string }): Promise<FamilyReadingView> {
  const { meeting, coreGroup } = await loadFamilyRecord(deps, { ...request, action: (member) => (member && !readsAsFamily(member) ? 'review-family-version' : 'view-family-version') });
  return readingOf(meeting, coreGroup, await signedOff(deps, meeting.id));
}

/** The family version as a document, in the group's document language: the summary first, then each section, its heading and its prepared lines in plain words (what people and the reviewer wrote is printed as written). */
function familyDocument(reading: FamilyReadingView, version: FamilyVersion, at: string, language: DocumentLanguage): RecordDocument {
  const written = documentIn(language, (words): DocumentPart => {
    const { t, dates } = words;
    return {
      title: t('family.title'),
      subtitle: t('family.subtitle', { caseReference: reading.caseReference, date: dates.date(reading.meetingDate), signedOn: dates.dateOfInstant(reading.signedOffAt) }),
      blocks: [
        { kind: 'heading', text: t('family.inShort') },
        { kind: 'paragraph', text: reading.summary },
        ...reading.sections.flatMap((section): RecordBlock[] => [{ kind: 'heading', text: t(`family.section.${section.section}`) }, ...section.lines.map((line): RecordBlock => ({ kind: 'paragraph', text: familyReadingText(words, line) }))]),
      ],
    };
  });
  return { ...written, caseReference: reading.caseReference, auditReference: auditReference({ id: version.minutesId, version: version.version, at }) };
}

/** The signed-off family version of a meeting as a file, for its delivery (authorised when it was queued) or a reader who may read it. */
export async function familyVersionFile(deps: FamilyVersionDeps, request: { meetingId: string; format: 'docx' | 'pdf' }): Promise<RecordFile> {
  const meeting = await deps.meetings.findById(request.meetingId);
  const coreGroup = meeting ? await deps.coreGroups.findById(meeting.coreGroupId) : undefined;
  if (!meeting || !coreGroup) throw new NotFoundError('That meeting does not exist.', { said: said('serviceRefusals.meetings.gone') });
  const version = await signedOff(deps, meeting.id);
  const language = await deps.documentLanguages.of(coreGroup.id);
  const document = familyDocument(readingOf(meeting, coreGroup, version), version, deps.clock.nowIso(), language);
  return { file: await renderRecord(deps.renderer, document, request.format), fileName: `core-group-family-notes-${fileSafe(coreGroup.caseReference)}-${meeting.date.toString()}.${request.format}`, language };
}
