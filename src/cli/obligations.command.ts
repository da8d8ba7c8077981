import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { CASE_EVENT_KINDS, caseEventSchema, caseEventsFileSchema } from '../contracts/case-events.contract';
import { parseCivilDate } from '../domain/civil-date';
import { type CaseHistoryEvent, CaseHistoryError, timelineFromHistory } from '../domain/case-history';
import { holidayDivisionOf } from '../domain/nation';
import { computeObligations } from '../domain/obligations';
import type { WorkingDayCalendars } from '../domain/working-days';
import type { PolicyCatalogue } from '../policies/policy-catalogue';
import type { CliCommand } from './cli-io';
import { dateFlag, parseFlags, required } from './options';

/** The first problem zod found, as "path: message". */
const firstIssue = (error: z.ZodError) => {
  const issue = error.issues[0]!;
  return `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
};

/** Reads and checks an events file, naming the first bad event in one line. */
function readHistory(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CaseHistoryError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CaseHistoryError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const file = caseEventsFileSchema.safeParse(json);
  if (!file.success) throw new CaseHistoryError(`${path}: ${firstIssue(file.error)}`);
  const events = file.data.events.map((raw, index): CaseHistoryEvent => {
    const kind = (raw as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !(CASE_EVENT_KINDS as readonly string[]).includes(kind)) {
      throw new CaseHistoryError(`event ${index + 1}: unknown kind ${JSON.stringify(kind)} (known: ${CASE_EVENT_KINDS.join(', ')})`);
    }
    const event = caseEventSchema.safeParse(raw);
    if (!event.success) throw new CaseHistoryError(`event ${index + 1} (${kind}): ${firstIssue(event.error)}`);
    const { on, ...rest } = event.data;
    const meeting = 'meeting' in rest ? { meeting: parseCivilDate(rest.meeting) } : {};
    return { ...rest, ...meeting, on: parseCivilDate(on) } as CaseHistoryEvent;
  });
  const start = file.data.transferIn === undefined ? 'icpc' : 'transfer-in';
  return { icpc: parseCivilDate((file.data.icpc ?? file.data.transferIn)!), start, agencies: file.data.agencies, events } as const;
}

/**
 * `coregroup obligations`: every deadline of a case whose history is written in an events file,
 * judged on a day under a policy profile — the rules engine the app runs, for administrators
 * checking a profile and for tests.
 */
export function obligationsCommand(deps: { catalogue: () => PolicyCatalogue; calendars: () => WorkingDayCalendars }): CliCommand {
  return {
    summary: "a case's deadlines and their status on a day, from a file of what happened",
    usage: 'obligations --policy <id> --events <file.json> --on YYYY-MM-DD [--json]',
    async run(args, io) {
      const flags = parseFlags(args, { policy: { type: 'string' }, events: { type: 'string' }, on: { type: 'string' }, json: { type: 'boolean' } });
      const profile = deps.catalogue().get(required(flags.policy, 'policy'));
      const asOf = dateFlag(flags.on, 'on');
      const history = readHistory(required(flags.events, 'events'));
      const calendar = deps.calendars()[holidayDivisionOf(profile.nation)];
      const obligations = computeObligations({ profile, calendar, timeline: timelineFromHistory(history, asOf), asOf }).map((obligation) => ({
        id: obligation.id,
        kind: obligation.kind,
        due: obligation.due.toString(),
        status: obligation.status,
        ...(obligation.metOn ? { metOn: obligation.metOn.toString() } : {}),
        ...(obligation.daysLate > 0 ? { daysLate: obligation.daysLate } : {}),
        rule: obligation.rule,
        source: obligation.source.citation,
        verified: obligation.source.verified,
      }));
      if (flags.json) {
        io.out(JSON.stringify({ policy: profile.id, on: asOf.toString(), obligations }));
        return 0;
      }
      io.out(`${profile.name} — as of ${asOf.toString()}`);
      io.out(`${'due'.padEnd(10)}  ${'status'.padEnd(8)}  ${'met on'.padEnd(10)}  ${'late'.padStart(4)}  rule [source]`);
      for (const obligation of obligations) {
        const late = obligation.daysLate === undefined ? '' : `${obligation.daysLate}d`;
        io.out(`${obligation.due}  ${obligation.status.padEnd(8)}  ${(obligation.metOn ?? '').padEnd(10)}  ${late.padStart(4)}  ${obligation.rule}${obligation.verified ? '' : ' (unverified)'} [${obligation.source}]`);
      }
      return 0;
    },
  };
}
