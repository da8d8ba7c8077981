import { isolatedUserText } from '../../src/domain/display-text';

const ZWSP = '\u200B';

/**
 * Makes user text inert inside an Adaptive Card TextBlock or FactSet. Teams renders a subset of
 * markdown (links, emphasis, lists), `<at>` mentions and `{{DATE()}}` functions, and makes links
 * of URLs, domains and e-mail addresses; a zero-width space breaks each of those patterns without
 * changing what the reader sees, so typed text can never become a link, a mention or a template
 * function. The result is isolated (`isolatedUserText`): no directional override in it survives,
 * and nothing in it can reorder the card's own words around it.
 */
export function escapeCardText(text: string): string {
  const known = ESCAPED.get(text);
  if (known !== undefined) return known;
  const escaped = inertText(text);
  if (ESCAPED.size >= MAX_ESCAPED) ESCAPED.clear();
  ESCAPED.set(text, escaped);
  return escaped;
}

/**
 * Texts already escaped: a caseload card escapes the same rule texts and references on every
 * `/coregroup status` (ten passes each). Held in memory only, and at most `MAX_ESCAPED` of them.
 */
const ESCAPED = new Map<string, string>();
const MAX_ESCAPED = 4096;

function inertText(text: string): string {
  const inert = text
    .replace(/\[/g, `[${ZWSP}`)
    .replace(/\]/g, `${ZWSP}]${ZWSP}`)
    .replace(/([*_~`])/g, `${ZWSP}$1`)
    .replace(/</g, `<${ZWSP}`)
    .replace(/{/g, `{${ZWSP}`)
    .replace(/\$/g, `$$${ZWSP}`)
    .replace(/^(\s*)([-+>#]|\d+\.)(\s)/gm, `$1${ZWSP}$2$3`)
    // A scheme (https:, ftp:, javascript:, msteams:, mailto:), a protocol-relative `//`, and a dot
    // between a name and a letter (www.x, evil.example.com, grace@nhs.example).
    .replace(/([A-Za-z]):(?=\S)/g, `$1${ZWSP}:`)
    .replace(/\/\//g, `/${ZWSP}/`)
    .replace(/([\p{L}\p{N}])\.(?=\p{L})/gu, `$1.${ZWSP}`);
  return isolatedUserText(inert);
}
