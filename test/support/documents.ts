import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import JSZip from 'jszip';
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
const { info } = await pdf.getMetadata();
const properties = { title: info?.Title ?? '', subject: info?.Subject ?? '' };
process.stdout.write(JSON.stringify({ pages: pdf.numPages, text: pageTexts.join('\\n') + '\\n', pageTexts, marked, properties }));
`;

/** What a PDF reads as, by pdf.js: its text, each page's, whether it is tagged, and the title and subject its properties show. */
export interface PdfRead {
  readonly pages: number;
  readonly text: string;
  readonly pageTexts: string[];
  readonly marked: boolean;
  readonly properties: { readonly title: string; readonly subject: string };
}

/** The text of a PDF, extracted by pdf.js (an ES module, so in its own Node process): all of it, each page's, whether it is tagged, and its properties. */
export async function pdfText(file: Buffer): Promise<PdfRead> {
  const run = promisify(execFile);
  const child = run(process.execPath, ['--input-type=module', '-e', PDF_TEXT], { cwd: __dirname, maxBuffer: 32 * 1024 * 1024 });
  child.child.stdin?.end(file);
  return JSON.parse((await child).stdout.trim().split('\n').at(-1)!) as PdfRead;
}

/** The title and description a DOCX's properties show (Word's File › Info), from its `docProps/core.xml`. */
export async function docxProperties(file: Buffer): Promise<{ title: string; description: string }> {
  const core = (await (await JSZip.loadAsync(file)).file('docProps/core.xml')?.async('string')) ?? '';
  const element = (name: string) => decodeXml(new RegExp(`<${name}>([^<]*)</${name}>`).exec(core)?.[1] ?? '');
  return { title: element('dc:title'), description: element('dc:description') };
}

const decodeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
