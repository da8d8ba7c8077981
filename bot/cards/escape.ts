const ZWSP = '\u200B';

/**
 * Makes user text inert inside an Adaptive Card TextBlock. Teams renders a subset of markdown
 * (links, emphasis, lists), `<at>` mentions and `{{DATE()}}` functions; a zero-width space breaks
 * each of those patterns without changing what the reader sees, so typed text can never become a
 * link, a mention or a template function.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(/\[/g, `[${ZWSP}`)
    .replace(/\]/g, `${ZWSP}]${ZWSP}`)
    .replace(/([*_~`])/g, `${ZWSP}$1`)
    .replace(/</g, `<${ZWSP}`)
    .replace(/{/g, `{${ZWSP}`)
    .replace(/^(\s*)([-+>#]|\d+\.)(\s)/gm, `$1${ZWSP}$2$3`)
    .replace(/(https?|mailto|tel):/gi, `$1${ZWSP}:`)
    .replace(/www\./gi, `www${ZWSP}.`);
}
