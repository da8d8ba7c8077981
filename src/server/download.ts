import type { Response } from 'express';

/** A file the browser saves: its type, a file name reduced to letters, digits, `.`, `-` and `_`, and the bytes. */
export function sendDownload(response: Response, download: { contentType: string; fileName: string; file: Buffer | string }): void {
  response.setHeader('Content-Type', download.contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${download.fileName.replace(/[^\w.-]/g, '_')}"`);
  response.send(download.file);
}
