import type { CaseCommandVerb } from '../../src/contracts/card-actions.contract';
import type { CaseCommand } from './command';
import { escalateCase } from './escalate.command';
import { membersCase } from './members.command';
import { minutesCase } from './minutes.command';
import { planCase } from './plan.command';
import { reviewCase } from './review.command';
import { scheduleCase } from './schedule.command';
import { statusCase } from './status.command';
import { tasksCase } from './tasks.command';

/** The commands about one case, by verb: what a case picker's button runs. */
export const CASE_COMMANDS: Readonly<Record<CaseCommandVerb, CaseCommand>> = {
  status: statusCase,
  tasks: tasksCase,
  plan: planCase,
  schedule: scheduleCase,
  minutes: minutesCase,
  escalate: escalateCase,
  members: membersCase,
  review: reviewCase,
};
