import { holidayDivisionOf } from '../domain/nation';
import { projectObligations } from '../domain/obligation-projection';
import type { WorkingDayCalendars } from '../domain/working-days';
import type { PolicyCatalogue } from '../policies/policy-catalogue';
import type { CliCommand } from './cli-io';
import { dateFlag, parseFlags, required } from './options';

/** `coregroup deadlines`: every deadline ahead of a case from its ICPC date under a policy profile. */
export function deadlinesCommand(deps: { catalogue: () => PolicyCatalogue; calendars: () => WorkingDayCalendars }): CliCommand {
  return {
    summary: 'the deadlines that follow an ICPC under a policy profile',
    usage: 'deadlines --policy <id> --icpc YYYY-MM-DD [--json]',
    async run(args, io) {
      const flags = parseFlags(args, { policy: { type: 'string' }, icpc: { type: 'string' }, json: { type: 'boolean' } });
      const profile = deps.catalogue().get(required(flags.policy, 'policy'));
      const icpcDate = dateFlag(flags.icpc, 'icpc');
      const calendar = deps.calendars()[holidayDivisionOf(profile.nation)];
      const obligations = projectObligations({ profile, calendar, icpcDate }).map((obligation) => ({
        id: obligation.id,
        kind: obligation.kind,
        due: obligation.due.toString(),
        rule: obligation.rule,
        source: obligation.source.citation,
        verified: obligation.source.verified,
      }));
      if (flags.json) {
        io.out(JSON.stringify({ policy: profile.id, icpc: icpcDate.toString(), obligations }));
        return 0;
      }
      io.out(`${profile.name} — ICPC ${icpcDate.toString()}`);
      for (const obligation of obligations) {
        io.out(`${obligation.due}  ${obligation.rule}${obligation.verified ? '' : ' (unverified)'}  [${obligation.source}]`);
      }
      return 0;
    },
  };
}
