import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import mammoth from 'mammoth';

/** The text of a DOCX, read the way Word would (mammoth parses the package and its document XML). */
export async function docxText(file: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: file })).value;
}

const PDF_TEXT = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
const pageTexts = [];
for (let page = 1; page <= pdf.numPages; page++) {
  const content = await (await pdf.getPage(page)).getTextContent();
  pageTexts.push(content.items.map((item) => item.str).join(' '));
}
const marked = (await pdf.getMarkInfo())?.Marked === true;
process.stdout.write(JSON.stringify({ pages: pdf.numPages, text: pageTexts.join('\\n') + '\\n', pageTexts, marked }));
`;

/** The text of a PDF, extracted by pdf.js (an ES module, so in its own Node process): all of it, each page's, and whether it is tagged. */
export async function pdfText(file: Buffer): Promise<{ pages: number; text: string; pageTexts: string[]; marked: boolean }> {
  const run = promisify(execFile);
  const child = run(process.execPath, ['--input-type=module', '-e', PDF_TEXT], { cwd: __dirname, maxBuffer: 32 * 1024 * 1024 });
  child.child.stdin?.end(file);
  return JSON.parse((await child).stdout.trim().split('\n').at(-1)!) as { pages: number; text: string; pageTexts: string[]; marked: boolean };
}
