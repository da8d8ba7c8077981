import PDFDocument from 'pdfkit';
import { plainUserText } from '../domain/display-text';
import { type RecordDocument, RenderError } from '../services/ports/record-renderer.port';
import { shownRecord } from './record-text';
import { windows1252Text } from './win-ansi';

/**
 * A PDF (pdfkit, with its built-in Helvetica: no font is fetched) for upload to the child's social
 * care record: title, subtitle, sections (each on a new page), headings, paragraphs and simple tables, the audit reference on
 * every page. Its text is plain user text in Windows-1252, the only characters those fonts print
 * (`windows1252Text`). Failures are RenderErrors.
 */
export function renderPdf(given: RecordDocument): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const document = shownRecord(given, (text) => windows1252Text(plainUserText(text)));
    const pdf = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: document.title, Subject: document.auditReference, Creator: 'Core Group' } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    const width = pdf.page.width - 100;
    pdf.font('Helvetica-Bold').fontSize(18).text(document.title);
    pdf.font('Helvetica').fontSize(10).fillColor('#444444').text(document.subtitle).fillColor('#000000').moveDown();
    for (const item of document.blocks) {
      if (item.kind === 'section') pdf.addPage().font('Helvetica-Bold').fontSize(15).text(item.text).font('Helvetica').fontSize(10).moveDown(0.3);
      else if (item.kind === 'heading') pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(item.text).font('Helvetica').fontSize(10);
      else if (item.kind === 'paragraph') pdf.text(item.text || '—').moveDown(0.3);
      else {
        const columnWidth = width / Math.max(1, item.header.length);
        const row = (cells: readonly string[], bold: boolean) => {
          const top = pdf.y;
          const heights = cells.map((text) => pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').heightOfString(text || '—', { width: columnWidth - 6 }));
          if (top + Math.max(...heights) > pdf.page.height - 70) pdf.addPage();
          const y = pdf.y;
          cells.forEach((text, index) => pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(text || '—', 50 + index * columnWidth, y, { width: columnWidth - 6 }));
          pdf.x = 50;
          pdf.y = y + Math.max(...heights) + 4;
        };
        row(item.header, true);
        for (const cells of item.rows) row(cells, false);
        pdf.font('Helvetica').moveDown(0.3);
      }
    }
    const pages = pdf.bufferedPageRange();
    for (let index = 0; index < pages.count; index++) {
      pdf.switchToPage(pages.start + index);
      // Writing below the bottom margin would otherwise start a new page.
      pdf.page.margins.bottom = 0;
      pdf.fontSize(8).fillColor('#666666').text(`Audit reference ${document.auditReference} · page ${index + 1} of ${pages.count}`, 50, pdf.page.height - 40, { width, align: 'right', lineBreak: false });
    }
    pdf.end();
  }).catch((cause: unknown) => {
    throw new RenderError({ format: 'pdf', cause });
  });
}
