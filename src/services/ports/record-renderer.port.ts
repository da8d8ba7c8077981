/** One block of a document for the child's record: plain text only, never markup from users. */
export type RecordBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };

/** A record document (minutes or plan) before it becomes a file. */
export interface RecordDocument {
  readonly title: string;
  readonly subtitle: string;
  /** Printed on every page; matches the audit log entry of the export. */
  readonly auditReference: string;
  readonly blocks: readonly RecordBlock[];
}

/** Turns a record document into DOCX or PDF bytes. */
export interface RecordRenderer {
  docx(document: RecordDocument): Promise<Buffer>;
  pdf(document: RecordDocument): Promise<Buffer>;
}
