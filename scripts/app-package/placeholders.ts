/** `${{NAME}}`, the placeholder syntax of the Microsoft 365 Agents Toolkit. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Thrown when a template names settings the environment does not give a value. */
export class UnfilledPlaceholderError extends Error {
  readonly code = 'placeholder-unfilled' as const;
  constructor(
    readonly names: readonly string[],
    source: string,
  ) {
    super(`${source} leaves ${names.length === 1 ? 'a placeholder' : 'placeholders'} unfilled: ${names.join(', ')} (set ${names.length === 1 ? 'it' : 'them'} in the environment file, or run provision, which writes the ids)`);
  }
}

/** The placeholder names a template uses, each once, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/**
 * Replaces every `${{NAME}}` with its value. A name with no value, or an empty one, is an error
 * listing every such name at once; a value is inserted as JSON string content (quotes and
 * backslashes escaped), so a setting can never break the manifest's JSON.
 */
export function fillPlaceholders(options: { template: string; values: Readonly<Record<string, string | undefined>>; source: string }): string {
  const { template, values } = options;
  const missing = placeholdersIn(template).filter((name) => !values[name]);
  if (missing.length > 0) throw new UnfilledPlaceholderError(missing, options.source);
  return template.replace(PLACEHOLDER, (_match, name: string) => JSON.stringify(values[name]).slice(1, -1));
}
