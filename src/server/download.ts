import type { Response } from 'express';
import type { ExportFormat } from '../contracts/minutes.contract';

const CONTENT_TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

/** A file the browser saves: its type, a file name reduced to letters, digits, `.`, `-` and `_`, and the bytes. */
export function sendDownload(response: Response, download: { contentType: string; fileName: string; file: Buffer | string }): void {
  response.setHeader('Content-Type', download.contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${download.fileName.replace(/[^\w.-]/g, '_')}"`);
  response.send(download.file);
}

/** A record document (DOCX or PDF) as a download. */
export function sendFile(response: Response, kind: ExportFormat, exported: { file: Buffer; fileName: string }): void {
  sendDownload(response, { contentType: CONTENT_TYPES[kind], ...exported });
}
