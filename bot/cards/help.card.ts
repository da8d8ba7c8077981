import type { MemberRole } from '../../src/domain/core-group';
import type { Translate } from '../../src/i18n/translate';
import { adaptiveCard, heading, line } from './card';

type Verb = 'status' | 'tasks' | 'plan' | 'review' | 'schedule' | 'minutes' | 'escalate' | 'members' | 'new' | 'note' | 'decision' | 'action' | 'language' | 'help';

/**
 * Each command and who it is for. How it is typed is the catalogue's (`help.typed.*`): the verbs
 * are the same in every language, the placeholders the reader's (shown as `<what>`, a zero-width
 * space after the `<`: Teams drops text that looks like an HTML tag from a card).
 */
const COMMANDS: readonly { verb: Verb; roles?: readonly MemberRole[] }[] = [
  { verb: 'status' },
  { verb: 'tasks' },
  { verb: 'plan' },
  { verb: 'review' },
  { verb: 'schedule', roles: ['lead-social-worker', 'team-manager'] },
  { verb: 'minutes' },
  { verb: 'escalate' },
  { verb: 'members', roles: ['lead-social-worker', 'team-manager'] },
  { verb: 'new', roles: ['lead-social-worker', 'team-manager'] },
  { verb: 'note' },
  { verb: 'decision' },
  { verb: 'action' },
  { verb: 'language' },
  { verb: 'help' },
];

/** What the bot can do, for the caller's roles (all commands when the roles are not known), in the caller's language. */
export function helpCard(t: Translate, roles?: readonly MemberRole[]): object {
  const visible = COMMANDS.filter((command) => !command.roles || !roles || command.roles.some((role) => roles.includes(role)));
  return adaptiveCard([
    heading(t('help.title')),
    line(t('help.intro'), { isSubtle: true }),
    { type: 'FactSet', facts: visible.map((command) => ({ title: t(`help.typed.${command.verb}`), value: t(`help.command.${command.verb}`) })) },
  ]);
}
