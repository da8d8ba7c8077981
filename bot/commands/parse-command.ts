/** The verbs the bot understands, as typed after `/coregroup` or `coregroup`. */
export const COMMAND_VERBS = ['help', 'status', 'tasks', 'plan', 'schedule', 'minutes', 'escalate', 'members', 'review', 'new', 'note', 'decision', 'action', 'language'] as const;
export type CommandVerb = (typeof COMMAND_VERBS)[number];

/**
 * Reads a message's plain text (mentions and HTML already removed, see activity.ts) into a
 * command: `/coregroup status`, `coregroup status` and, in a 1:1 chat, a bare `status` all work.
 * Anything else is `help`, so unknown input is answered, never met with silence.
 */
export function parseCommand(text: string, options: { personal: boolean }): { verb: CommandVerb; rest: string; known: boolean } {
  const match = /^\/?coregroup\b\s*(\S*)\s*([\s\S]*)$/i.exec(text) ?? (options.personal ? /^(\S*)\s*([\s\S]*)$/.exec(text) : null);
  const word = (match?.[1] ?? '').toLowerCase();
  const verb = (COMMAND_VERBS as readonly string[]).includes(word) ? (word as CommandVerb) : undefined;
  return verb ? { verb, rest: (match?.[2] ?? '').trim(), known: true } : { verb: 'help', rest: '', known: text === '' };
}
