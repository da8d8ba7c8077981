import type { MemberRole } from '../../src/domain/core-group';
import { adaptiveCard, heading, line } from './card';

/**
 * A placeholder the reader replaces, shown as `<what>`: Teams drops text that looks like an HTML
 * tag from a card, so a zero-width space follows the `<` (as `escapeCardText` does for user text).
 */
const placeholder = (name: string) => `<\u200B${name}>`;

const COMMANDS: readonly { verb: string; what: string; roles?: readonly MemberRole[] }[] = [
  { verb: 'status [case]', what: 'your core groups: every deadline and whether it is met, due, at risk or overdue' },
  { verb: 'tasks [case]', what: 'the plan actions you own, with buttons to check in' },
  { verb: 'plan [case]', what: 'the current child protection plan: actions, owners, due dates, last check-ins' },
  { verb: 'review [case]', what: 'review conferences: the next one due and booked, those held and what they decided' },
  { verb: 'schedule [case]', what: 'find slots inside the deadline and book the next core group', roles: ['lead-social-worker', 'team-manager'] },
  { verb: 'minutes [case]', what: 'where the minutes are, and their sign-off and circulation' },
  { verb: 'escalate [case]', what: 'raise a concern about the plan or the core group, or ask for an extra meeting' },
  { verb: 'members [case]', what: 'see who is in the core group, add people (they are welcomed) or remove them', roles: ['lead-social-worker', 'team-manager'] },
  { verb: 'new', what: 'set up a core group after an ICPC or a transfer-in conference', roles: ['lead-social-worker', 'team-manager'] },
  { verb: `note ${placeholder('text')}`, what: 'in the meeting chat: add a note to the draft minutes' },
  { verb: `decision ${placeholder('text')}`, what: 'in the meeting chat: record a decision in the draft minutes' },
  { verb: `action ${placeholder('what')} @owner by ${placeholder('date')}`, what: 'in the meeting chat: propose an action for the chair to accept (the date written 2026-12-09)' },
  { verb: 'help', what: 'this list' },
];

/** What the bot can do, for the caller's roles (all commands when the roles are not known). */
export function helpCard(roles?: readonly MemberRole[]): object {
  const visible = COMMANDS.filter((command) => !command.roles || !roles || command.roles.some((role) => roles.includes(role)));
  return adaptiveCard([
    heading('Core Group'),
    line('Type one of these, in a 1:1 chat with me or with @Core Group in a chat:', { isSubtle: true }),
    { type: 'FactSet', facts: visible.map((command) => ({ title: `/coregroup ${command.verb}`, value: command.what })) },
  ]);
}
