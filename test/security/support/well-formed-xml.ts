import { DOMParser } from '@xmldom/xmldom';

/** A character outside XML 1.0's `Char` production (https://www.w3.org/TR/xml/#charsets), one UTF-16 unit or pair at a time. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** A reference as a document without a DTD may hold one: the five predefined entities or a character reference. */
const REFERENCE = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/;

function isXmlCharacter(codePoint: number): boolean {
  return codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd || (codePoint >= 0x20 && codePoint <= 0xd7ff) || (codePoint >= 0xe000 && codePoint <= 0xfffd) || (codePoint >= 0x10000 && codePoint <= 0x10ffff);
}

/**
 * Why an XML document is not well-formed, as a strict parser (Word's, expat) would refuse it; none
 * when it is. xmldom (the parser installed here, via mammoth) checks the structure but lets
 * forbidden characters and bare `&` through, so those are checked here first.
 */
export function wellFormednessProblems(xml: string): string[] {
  const problems = [...xml.matchAll(NOT_XML_CHARACTER)].map((match) => `character U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at ${match.index}`);
  for (let at = xml.indexOf('&'); at !== -1; at = xml.indexOf('&', at + 1)) {
    const reference = REFERENCE.exec(xml.slice(at, at + 12))?.[0];
    if (!reference) problems.push(`a bare & at ${at}`);
    else if (reference.startsWith('&#') && !isXmlCharacter(Number(reference.startsWith('&#x') ? `0x${reference.slice(3, -1)}` : reference.slice(2, -1)))) problems.push(`a reference to a forbidden character at ${at}`);
  }
  const report = (level: string) => (message: string) => problems.push(`${level}: ${message.split('\n')[0]}`);
  const parsed = new DOMParser({ errorHandler: { warning: report('warning'), error: report('error'), fatalError: report('fatal') } }).parseFromString(xml, 'text/xml');
  if (!parsed.documentElement) problems.push('no root element');
  return problems;
}
