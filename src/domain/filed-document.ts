import { RuleViolationError, said } from './errors';

/**
 * An e-mail filed to a core group from Outlook: the agency's written report for a review
 * conference (agencies often send theirs by e-mail), or a paper for the group's next meeting.
 */
export type FiledDocumentKind = 'agency-report' | 'meeting-paper';

/** The only files a filed e-mail may carry into the record, known by their bytes, never their name. */
export type AttachmentType = 'pdf' | 'docx';

export const ATTACHMENT_MEDIA_TYPES: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** At most this many attachments with one e-mail, each at most this size. */
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface FiledAttachment {
  readonly id: string;
  readonly name: string;
  readonly type: AttachmentType;
  readonly size: number;
}

export interface FiledDocument {
  readonly id: string;
  readonly coreGroupId: string;
  readonly kind: FiledDocumentKind;
  /** The review conference an agency's report is for. */
  readonly reviewConferenceId?: string | undefined;
  /** The meeting a paper is for. */
  readonly meetingId?: string | undefined;
  /** The agency whose report it is. */
  readonly agency?: string | undefined;
  readonly filedByMemberId: string;
  readonly subject: string;
  /** Who sent the e-mail, as Outlook names them ("Name <address>"). */
  readonly sender: string;
  /** ISO instant the e-mail arrived. */
  readonly receivedAt: string;
  /** The message body as plain text. */
  readonly body: string;
  /** ISO instant it was filed. */
  readonly filedAt: string;
  readonly attachments: readonly FiledAttachment[];
}

/** The agencies whose report was filed from an e-mail. */
export function filedReportAgencies(filed: readonly FiledDocument[]): ReadonlySet<string> {
  return new Set(filed.flatMap((document) => (document.kind === 'agency-report' && document.agency ? [document.agency] : [])));
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, index) => bytes[at + index] === byte);
const PDF_MAGIC = [...'%PDF-'].map((char) => char.charCodeAt(0));
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END_OF_DIRECTORY = 0x06054b50;
const ZIP_DIRECTORY_ENTRY = 0x02014b50;

/** The names in a ZIP file's central directory; undefined when it is not a readable ZIP. */
function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record is the last 22 bytes, unless a comment (at most 65535 bytes) follows it.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === ZIP_END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== ZIP_DIRECTORY_ENTRY) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return undefined;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * What a file is by its bytes: a PDF starts `%PDF-`; a Word document is a ZIP whose directory holds
 * `[Content_Types].xml` and `word/document.xml`. Anything else (a renamed program, a macro-enabled
 * document, a spreadsheet) is undefined.
 */
export function attachmentTypeOf(bytes: Uint8Array): AttachmentType | undefined {
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  if (!startsWith(bytes, ZIP_LOCAL_HEADER)) return undefined;
  const names = zipEntryNames(bytes);
  if (!names?.includes('[Content_Types].xml') || !names.includes('word/document.xml')) return undefined;
  if (names.some((name) => name.toLowerCase().endsWith('vbaproject.bin'))) return undefined;
  return 'docx';
}

/** A file name safe to store and to offer back as a download: no folders, no control characters, the extension its type has. */
export function attachmentName(name: string, type: AttachmentType): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, '').trim().slice(0, 150);
  const stem = base.replace(/\.[^.]*$/, '').trim() || 'attachment';
  return `${stem}.${type}`;
}

/**
 * Checks one attachment before it is filed: not empty, not over the size limit, a PDF or a Word
 * document by its bytes — and not named as the other (a `.pdf` that is really something else is
 * refused, so the name a reader clicks tells the truth). Each refusal names the file.
 */
export function checkAttachment(name: string, bytes: Uint8Array): { name: string; type: AttachmentType; size: number } {
  const shown = name.trim() || 'An attachment';
  // The file as the catalogue names it: by its name, or as an attachment when it has none.
  const file: Record<string, string> = name.trim() === '' ? { named: 'no' } : { named: 'yes', name: name.trim() };
  if (bytes.length === 0) throw new RuleViolationError(`“${shown}” is empty.`, { internalMessage: 'a file to file is empty', said: said('refusals.filing.empty', file) });
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new RuleViolationError(`“${shown}” is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; files up to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB can be filed.`, { internalMessage: 'a file to file is too large', said: said('refusals.filing.tooLarge', { ...file, size: (bytes.length / 1024 / 1024).toFixed(1), max: MAX_ATTACHMENT_BYTES / 1024 / 1024 }) });
  const type = attachmentTypeOf(bytes);
  if (!type) throw new RuleViolationError(`“${shown}” is not a PDF or a Word document (.docx), so it cannot be filed. Save it as one of those and file it again.`, { internalMessage: 'a file to file is neither PDF nor DOCX', said: said('refusals.filing.notPdfOrWord', file) });
  const extension = /\.([^.]+)$/.exec(name.trim())?.[1]?.toLowerCase();
  if (extension && ['pdf', 'docx', 'doc', 'docm'].includes(extension) && extension !== type) throw new RuleViolationError(`“${shown}” is named as .${extension} but is a ${type === 'pdf' ? 'PDF' : 'Word document'}: it cannot be filed under that name.`, { internalMessage: 'a file to file is misnamed for its type', said: said('refusals.filing.misnamed', { ...file, extension, type }) });
  return { name: attachmentName(name, type), type, size: bytes.length };
}
