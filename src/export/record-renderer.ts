import type { RecordRenderer } from '../services/ports/record-renderer.port';
import { docxRenderer } from './docx-renderer';
import { pdfRenderer } from './pdf-renderer';

/**
 * The record renderer the service uses: DOCX and PDF with the area's protective marking on every
 * page (`PROTECTIVE_MARKING`), so no export leaves unmarked whichever format is asked for.
 */
export function createRecordRenderer(options: { protectiveMarking: string }): RecordRenderer {
  return { docx: docxRenderer(options.protectiveMarking), pdf: pdfRenderer(options.protectiveMarking) };
}
