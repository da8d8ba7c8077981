import type { Command } from './command';
import { contributeCommand } from './contribute.command';
import { escalateCommand } from './escalate.command';
import { helpCommand } from './help.command';
import { languageCommand } from './language.command';
import { membersCommand } from './members.command';
import { minutesCommand } from './minutes.command';
import { newCommand } from './new.command';
import type { CommandVerb } from './parse-command';
import { planCommand } from './plan.command';
import { reviewCommand } from './review.command';
import { scheduleCommand } from './schedule.command';
import { statusCommand } from './status.command';
import { tasksCommand } from './tasks.command';

/** Every `/coregroup` verb and the one handler it goes to. */
export const COMMANDS: Readonly<Record<CommandVerb, Command>> = {
  help: helpCommand,
  status: statusCommand,
  tasks: tasksCommand,
  plan: planCommand,
  schedule: scheduleCommand,
  minutes: minutesCommand,
  escalate: escalateCommand,
  members: membersCommand,
  review: reviewCommand,
  new: newCommand,
  note: contributeCommand('note'),
  decision: contributeCommand('decision'),
  action: contributeCommand('action'),
  language: languageCommand,
};
