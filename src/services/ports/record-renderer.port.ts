import { DomainError, type Said } from '../../domain/errors';
import type { DocumentLanguage, Language } from '../../i18n/language';

/** One block of a document for the child's record: plain text only, never markup from users. */
export type RecordBlock =
  /** A part of a longer document (the record pack's plan, each meeting's minutes): it starts a new page; in a bilingual document, each language's part, in that language. */
  | { readonly kind: 'section'; readonly text: string; readonly language?: Language }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };

/** A record document (minutes, the plan, a case's record pack) before it becomes a file. */
export interface RecordDocument {
  readonly title: string;
  readonly subtitle: string;
  /** Printed on every page with the audit reference (never the child's name). */
  readonly caseReference: string;
  /** Printed on every page; matches the audit log entry of the export. */
  readonly auditReference: string;
  readonly blocks: readonly RecordBlock[];
  /** The language it is written in (the group's choice; English when not given): its page furniture and its tagged language follow. */
  readonly language?: DocumentLanguage;
}

/** A record made into a file to send: its bytes, its name, and the language it is written in (an e-mail covering it follows that language). */
export interface RecordFile {
  readonly file: Buffer;
  readonly fileName: string;
  readonly language: DocumentLanguage;
}

/** Turns a record document into DOCX or PDF bytes. */
export interface RecordRenderer {
  docx(document: RecordDocument): Promise<Buffer>;
  pdf(document: RecordDocument): Promise<Buffer>;
}

/**
 * The renderer could not make the file (`record-render-failed`): a fault in the document or the
 * library, not something the person asking can change. Nothing remote; asking again gives the
 * same result, so a job that hits it is not retried.
 */
export class RenderError extends DomainError {
  readonly code = 'record-render-failed' as const;

  constructor(options: { format: 'docx' | 'pdf'; cause: unknown; said: Said }) {
    super('The document could not be made. It has been logged; please tell your administrator.', { said: options.said, cause: options.cause, internalMessage: `rendering the ${options.format.toUpperCase()} failed` });
  }
}
